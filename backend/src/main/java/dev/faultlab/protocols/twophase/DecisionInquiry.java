package dev.faultlab.protocols.twophase;

import dev.faultlab.sim.Context;
import dev.faultlab.sim.StateDisplay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A READY participant's attempt to learn the decision from the other participants: whom it asks, each
 * one's latest answer, and how many rounds of DECISION_REQUEST it has sent. Volatile like everything but
 * the log: a participant that recovers in READY starts asking afresh.
 */
final class DecisionInquiry {
    private final List<Integer> others;
    private final SortedMap<Integer, State> answers = new TreeMap<>();
    private int rounds;
    private boolean blocked;

    DecisionInquiry(List<Integer> others) {
        this.others = others;
    }

    /** The inquiry's state as a value, for the participant's fingerprint. */
    Object fingerprint() {
        return List.of(Map.copyOf(answers), rounds, blocked);
    }

    /** Asks every other participant again: one that was READY may have learned the decision since. */
    void askAll(Context ctx) {
        rounds++;
        for (int q : others) {
            ctx.send(q, new DecisionRequest());
        }
    }

    int rounds() {
        return rounds;
    }

    /** Records Q's answer; returns true exactly when it completes "every other participant is READY". */
    boolean answeredReadyAndNowBlocked(int q) {
        answers.put(q, State.READY);
        if (!blocked && answers.size() == others.size()) {
            blocked = true;
            return true;
        }
        return false;
    }

    boolean blocked() {
        return blocked;
    }

    List<Integer> unanswered() {
        List<Integer> missing = new ArrayList<>();
        for (int q : others) {
            if (!answers.containsKey(q)) {
                missing.add(q);
            }
        }
        return missing;
    }

    /** Who answered the inquiry, and with which state. */
    StateDisplay.Table table() {
        List<List<Object>> rows = new ArrayList<>();
        answers.forEach((q, state) -> rows.add(StateDisplay.Table.row(Names.of(q), state.name())));
        return new StateDisplay.Table("Decision inquiry", List.of("asked", "answer"), rows);
    }

    Map<String, Object> view() {
        Map<String, Object> answersByName = new LinkedHashMap<>();
        answers.forEach((q, state) -> answersByName.put(Names.of(q), state.name()));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("rounds", rounds);
        view.put("answers", answersByName);
        return view;
    }
}

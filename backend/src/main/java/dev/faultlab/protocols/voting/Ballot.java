package dev.faultlab.protocols.voting;

import dev.faultlab.sim.Delivery;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.StateDisplay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The answers a voter collected, in the order they arrived, and what its rule makes of them. */
final class Ballot {
    private final VotingConfig config;
    private final Map<Integer, Integer> answers = new LinkedHashMap<>();
    private boolean counted;
    private Integer result;

    Ballot(VotingConfig config) {
        this.config = config;
    }

    Integer count(List<Delivery> inbox) {
        for (Delivery delivery : inbox) {
            if (delivery.message() instanceof Answer answer && delivery.from() < config.replicas()) {
                answers.putIfAbsent(delivery.from(), answer.value());
            }
        }
        counted = true;
        result = VoteRule.vote(config.model(), config.replicas(), new ArrayList<>(answers.values()));
        return result;
    }

    /** The answers in the order they arrived (the rule may read them in that order) and the result. */
    Object fingerprint() {
        return Arrays.asList(new ArrayList<>(answers.keySet()), new ArrayList<>(answers.values()), counted, result);
    }

    String describe() {
        return answers.size() + " of " + config.replicas() + " answered " + answers.values() + ": "
                + (result == null ? "no result (" + config.model().rule() + ")" : "result " + result);
    }

    Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        Map<String, Object> byReplica = new LinkedHashMap<>();
        answers.forEach((replica, value) -> byReplica.put(ProcessLabel.of(replica), value));
        view.put("answers", byReplica);
        view.put("result", counted ? (result == null ? VotingStates.NONE : result) : null);
        return view;
    }

    List<StateDisplay.Section> sections() {
        List<List<Object>> rows = new ArrayList<>();
        answers.forEach((replica, value) -> rows.add(StateDisplay.Table.row(ProcessLabel.of(replica), value == null ? VotingStates.NONE : value)));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("rule", config.model().rule());
        fields.put("result", counted ? (result == null ? VotingStates.NONE : result) : null);
        return List.of(new StateDisplay.Fields("Vote", fields),
                new StateDisplay.Table("Answers, in the order they arrived", List.of("replica", "answer"), rows));
    }
}

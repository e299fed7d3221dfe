package dev.faultlab.protocols.byzantine;

import dev.faultlab.sim.StateDisplay;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.Context;
import dev.faultlab.sim.Delivery;
import dev.faultlab.sim.RoundProcess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One general running the oral-messages algorithm for interactive consistency. Round 1: state the
 * own value to everyone. Round r+1: relay every statement heard in round r to everyone not yet on
 * its path. After round m+1: build the vector by recursive majority and decide its majority.
 * A traitor's behaviour ({@link Behaviours}) replaces it, and most run this same code and lie about what it sends.
 */
public final class ByzantineProcess implements RoundProcess {
    private final int self;
    private final int n;
    private final int rounds;
    private final String value;
    private final Hearsay hearsay;
    private List<String> vector;
    private String decision;

    ByzantineProcess(int self, int n, int rounds, String value) {
        this.self = self;
        this.n = n;
        this.rounds = rounds;
        this.value = value;
        int expected = 0;
        for (int round = 1; round <= rounds; round++) {
            expected += (int) Paths.heardInRound(n, round);
        }
        this.hearsay = new Hearsay(expected);
    }

    @Override
    public void onRound(Context ctx, int round, List<Delivery> inbox) {
        if (round == 1) {
            ctx.broadcast(new OralMessage(List.of(), value));
            return;
        }
        hear(ctx, round - 1, inbox);
        relay(ctx, round - 1);
    }

    @Override
    public void onEnd(Context ctx, List<Delivery> inbox) {
        hear(ctx, rounds, inbox);
        vector = RecursiveMajority.vector(self, n, rounds, value, hearsay::valueOf);
        decision = Majority.of(vector);
        ctx.note(ProcessLabel.of(self) + "'s final vector is " + vector + "; its majority is " + decision);
        ctx.decide(decision);
    }

    /** Behaviours only ever change a message's value, so every path that arrives is well formed. */
    private void hear(Context ctx, int round, List<Delivery> inbox) {
        for (Delivery delivery : inbox) {
            OralMessage message = (OralMessage) delivery.message();
            hearsay.add(round, new Statement(Paths.saidBy(delivery.from(), message.path()), message.value()), delivery.event());
        }
        int missing = (int) (Paths.heardInRound(n, round) - hearsay.countInRound(round));
        if (missing > 0) {
            ctx.note(ProcessLabel.of(self) + " heard nothing for " + missing + " statements of round " + round
                    + "; each counts as " + Majority.NO_MAJORITY);
        }
    }

    private void relay(Context ctx, int heardRound) {
        for (List<Integer> path : Paths.heardBy(self, n, heardRound)) {
            OralMessage message = new OralMessage(path, hearsay.valueOf(path));
            for (int to = 0; to < n; to++) {
                if (to != self && !path.contains(to)) {
                    ctx.send(to, message);
                }
            }
        }
    }

    /** The value this process started with. */
    public String value() {
        return value;
    }

    /** Exactly what this process heard in a round (1 to m+1), sender first, ordered by path. */
    public List<Statement> received(int round) {
        return hearsay.inRound(round);
    }

    /** The vector after the last round's majority votes; empty until then. */
    public Optional<List<String>> finalVector() {
        return Optional.ofNullable(vector);
    }

    /** Delivery events of the statements behind this process's vector entry for {@code origin}. */
    List<Integer> eventsAbout(int origin) {
        return hearsay.eventsAbout(origin);
    }

    @Override
    public Object fingerprint() {
        return Arrays.asList(hearsay.fingerprint(), vector, decision);
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("value", value);
        view.put("rounds", rounds);
        view.put("noMajority", Majority.NO_MAJORITY);
        view.put("majorityRule", Majority.RULE);
        Map<String, Object> received = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            List<Map<String, Object>> statements = new ArrayList<>();
            for (Statement statement : hearsay.inRound(round)) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("path", statement.path());
                entry.put("value", statement.value());
                entry.put("text", statement.text());
                statements.add(entry);
            }
            received.put(Integer.toString(round), statements);
        }
        view.put("received", received);
        view.put("vector", vector);
        view.put("decision", decision);
        return view;
    }

    @Override
    public StateDisplay display() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("value", value);
        fields.put("rounds", rounds);
        fields.put("decision", decision);
        List<List<Object>> heard = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (Statement statement : hearsay.inRound(round)) {
                heard.add(StateDisplay.Table.row(round, statement.text()));
            }
        }
        List<StateDisplay.Section> sections = new ArrayList<>();
        sections.add(new StateDisplay.Fields("Process", fields));
        if (vector != null) {
            List<String> labels = new ArrayList<>();
            for (int origin = 0; origin < vector.size(); origin++) {
                labels.add(ProcessLabel.of(origin));
            }
            sections.add(new StateDisplay.Vector("Vector (a value per process)", labels, new ArrayList<>(vector)));
        }
        sections.add(new StateDisplay.Table("Heard", List.of("round", "statement"), heard));
        return new StateDisplay(sections);
    }
}

package dev.faultlab.protocols.twoarmy.key;

import dev.faultlab.key.Args;
import dev.faultlab.key.ChoiceKey;
import dev.faultlab.key.KeyException;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.twoarmy.Messenger;
import dev.faultlab.protocols.twoarmy.TwoArmyRuns;
import dev.faultlab.protocols.twoarmy.TwoArmy;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code twoarmy.outcome}: choice: what the generals do at noon when the enemy catches messenger {@code lost} (a
 * number from 1, or {@code last}) of the scenario's protocol and nothing else goes wrong, read from that run.
 */
final class OutcomeKey implements ChoiceKey {
    static final String NAME = "twoarmy.outcome";
    static final String LAST = "last";
    private static final Spec SPEC = new Spec(NAME, TwoArmy.ID, Set.of("lost"));

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public Set<String> outcomes() {
        return Arrays.stream(TwoArmyRuns.Outcome.values()).filter(o -> o != TwoArmyRuns.Outcome.UNDECIDED)
                .map(TwoArmyRuns.Outcome::id).collect(Collectors.toSet());
    }

    @Override
    public void check(Map<String, Object> args, String field) {
        if (!LAST.equals(args.get("lost")) && Args.integer(args, "lost", field) < 1) {
            throw new KeyException(field + ".lost", "messages are numbered from 1, or say 'last'");
        }
    }

    private static int lost(Reference reference, Map<String, Object> args) {
        int k = TwoArmyRuns.messages(reference.run().recipe());
        int lost = LAST.equals(args.get("lost")) ? k : Args.integer(args, "lost", "answer");
        if (lost > k) {
            throw new KeyException("answer.lost", "the protocol has only " + k + " messages, got " + lost);
        }
        return lost;
    }

    private static Simulation run(Reference reference, Map<String, Object> args) {
        return TwoArmyRuns.losing(reference.registry(), reference.run().recipe(), lost(reference, args));
    }

    @Override
    public Set<String> expected(Reference reference, Map<String, Object> args) {
        return Set.of(TwoArmyRuns.outcome(run(reference, args)).id());
    }

    @Override
    public Solution solution(Reference reference, Map<String, Object> args) {
        Simulation run = run(reference, args);
        int lost = lost(reference, args);
        List<Solution.Step> steps = new ArrayList<>();
        steps.add(new Solution.Step("The lost messenger", new Messenger(lost).label() + " never arrives, so "
                + TwoArmy.nameOf(Messenger.receiverOf(lost)) + " has nothing to acknowledge and the exchange stops there.", List.of()));
        for (TraceEvent event : run.trace().events()) {
            if (event.kind() == EventKind.DECIDE) {
                steps.add(new Solution.Step(TwoArmy.nameOf(event.node()), "At noon it decides to " + event.payload()
                        + ": it attacks only if every message addressed to it arrived.", List.of()));
            }
        }
        steps.add(new Solution.Step("Outcome", TwoArmyRuns.outcome(run).text() + ".", List.of()));
        return new Solution(steps);
    }
}

package dev.faultlab.protocols.cap.key;

import dev.faultlab.key.Args;
import dev.faultlab.key.ChoiceKey;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.cap.Cap;
import dev.faultlab.protocols.cap.CapRuns;
import dev.faultlab.protocols.cap.Linearizable;
import dev.faultlab.sim.Simulation;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code cap.reply}: choice: what the client of request {@code request} gets (up-to-date, stale, refused or
 * unanswered) in the scenario run in {@code mode} with that request's replica cut off from the others from time
 * {@code at}.
 */
final class ReplyKey implements ChoiceKey {
    static final String NAME = "cap.reply";
    private static final Spec SPEC = new Spec(NAME, Cap.ID, Set.of("mode", "request", "at"));

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public Set<String> outcomes() {
        return Arrays.stream(CapRuns.Answer.values()).map(CapRuns.Answer::id).collect(Collectors.toSet());
    }

    @Override
    public void check(Map<String, Object> args, String field) {
        PartitionedScenario.check(args, field);
    }

    @Override
    public Set<String> expected(Reference reference, Map<String, Object> args) {
        return Set.of(CapRuns.answer(PartitionedScenario.run(reference, args), Args.integer(args, "request", "answer")).id());
    }

    @Override
    public Solution solution(Reference reference, Map<String, Object> args) {
        Simulation run = PartitionedScenario.run(reference, args);
        int request = Args.integer(args, "request", "answer");
        String stale = CapRuns.violation(run, Linearizable.NAME).map(v -> " The linearizability monitor says: " + v.explanation() + ".").orElse("");
        return new Solution(List.of(new Solution.Step("Request " + request, "In " + args.get("mode") + " mode the client gets: "
                + CapRuns.answer(run, request).id() + "." + stale, List.of())));
    }
}

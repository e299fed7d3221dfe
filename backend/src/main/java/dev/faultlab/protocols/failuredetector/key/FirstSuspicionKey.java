package dev.faultlab.protocols.failuredetector.key;

import dev.faultlab.key.NumberKey;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.failuredetector.FailureDetector;
import dev.faultlab.protocols.failuredetector.Suspicion;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.TraceEvent;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code failuredetector.first-suspicion {node, by}}: the time at which the crash of {@code node} is first
 * suspected in the reference run (by {@code by} if given): the first suspicion of it raised after its crash.
 */
final class FirstSuspicionKey implements NumberKey {
    static final String NAME = "failuredetector.first-suspicion";
    private static final Spec SPEC = new Spec(NAME, FailureDetector.ID, Set.of("node", "by"));

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void check(Map<String, Object> args, String field) {
        DetectorRun.node(args, "node", field);
        DetectorRun.optionalNode(args, "by", field);
    }

    @Override
    public double expected(Reference reference, Map<String, Object> args) {
        return first(reference, args).time();
    }

    private static Suspicion first(Reference reference, Map<String, Object> args) {
        int node = DetectorRun.node(args, "node", "answer");
        int by = DetectorRun.optionalNode(args, "by", "answer");
        Optional<Suspicion> first = DetectorRun.timeline(reference).suspicions().stream()
                .filter(s -> !s.falseSuspicion() && s.suspected() == node && (by < 0 || s.observer() == by)).findFirst();
        return first.orElseThrow(() -> new IllegalStateException(ProcessLabel.of(node) + "'s crash is never suspected"
                + (by < 0 ? "" : " by " + ProcessLabel.of(by)) + " in the reference run"));
    }

    @Override
    public Solution solution(Reference reference, Map<String, Object> args) {
        Suspicion first = first(reference, args);
        int node = first.suspected();
        TraceEvent crash = reference.run().trace().events().stream()
                .filter(e -> e.kind() == EventKind.CRASH && e.node() == node && e.seq() < first.seq())
                .reduce((a, b) -> b).orElseThrow();
        return new Solution(List.of(new Solution.Step("From the crash to the suspicion", ProcessLabel.of(node) + " crashes at t=" + crash.time()
                + " and sends no heartbeat after it. " + ProcessLabel.of(first.observer()) + " suspects it at t=" + first.time()
                + ": its timeout for " + ProcessLabel.of(node) + " runs out, counted from the last heartbeat it received from it.",
                List.of(crash.seq(), first.seq()))));
    }
}

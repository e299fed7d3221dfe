package dev.faultlab.protocols.failuredetector.key;

import dev.faultlab.key.Args;
import dev.faultlab.key.NumberKey;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.failuredetector.FailureDetector;
import dev.faultlab.protocols.failuredetector.Suspicion;
import dev.faultlab.sim.ProcessLabel;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code failuredetector.false-suspicions {suspected, until}}: how many times, in the reference run, a process
 * suspected another that had not crashed; only suspicions of {@code suspected} if given, and only those raised at
 * or before {@code until} if given.
 */
final class FalseSuspicionsKey implements NumberKey {
    static final String NAME = "failuredetector.false-suspicions";
    private static final Spec SPEC = new Spec(NAME, FailureDetector.ID, Set.of("suspected", "until"));

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void check(Map<String, Object> args, String field) {
        DetectorRun.optionalNode(args, "suspected", field);
        if (args.containsKey("until")) {
            Args.integer(args, "until", field);
        }
    }

    @Override
    public double expected(Reference reference, Map<String, Object> args) {
        return counted(reference, args).size();
    }

    private static List<Suspicion> counted(Reference reference, Map<String, Object> args) {
        int suspected = DetectorRun.optionalNode(args, "suspected", "answer");
        long until = args.containsKey("until") ? Args.integer(args, "until", "answer") : Long.MAX_VALUE;
        return DetectorRun.timeline(reference).suspicions().stream()
                .filter(s -> s.falseSuspicion() && s.time() <= until && (suspected < 0 || s.suspected() == suspected))
                .toList();
    }

    @Override
    public Solution solution(Reference reference, Map<String, Object> args) {
        List<Suspicion> counted = counted(reference, args);
        String list = String.join("; ", counted.stream()
                .map(s -> ProcessLabel.of(s.observer()) + " suspects " + ProcessLabel.of(s.suspected()) + " at t=" + s.time()).toList());
        return new Solution(List.of(new Solution.Step("The false suspicions", counted.isEmpty() ? "None: every suspicion is of a crashed process."
                : counted.size() + ": " + list + ". Each time, the suspected process was up: its heartbeat was only late.",
                counted.stream().map(Suspicion::seq).toList())));
    }
}

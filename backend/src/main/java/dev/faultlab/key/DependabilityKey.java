package dev.faultlab.key;

import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.Trace;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code dependability {node, measure}}: the lecture's dependability numbers for one process, read from
 * the CRASH and RECOVER events of the reference run. The process is up from time 0; MTTF is the mean
 * length of the up periods that end in a crash, MTTR the mean length of the down periods that end in a
 * recovery, MTBF = MTTF + MTTR, and availability A = MTTF / MTBF.
 */
final class DependabilityKey implements NumberKey {
    static final String NAME = "dependability";
    private static final List<String> MEASURES = List.of("mttf", "mttr", "mtbf", "availability");

    /** Any protocol (null): only the trace's crashes and recoveries are read. */
    private static final Spec SPEC = new Spec(NAME, null, Set.of("node", "measure"));

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void check(Map<String, Object> args, String field) {
        Args.integer(args, "node", field);
        if (!MEASURES.contains(args.get("measure"))) {
            throw new KeyException(field + ".measure", "must be one of " + MEASURES + ", got '" + args.get("measure") + "'");
        }
    }

    /** The node's crashes and recoveries, and the arithmetic from them to the measure. */
    @Override
    public Solution solution(Reference reference, Map<String, Object> args) {
        int node = (Integer) args.get("node");
        Trace trace = reference.run().trace();
        java.util.List<Integer> events = new java.util.ArrayList<>();
        java.util.List<String> times = new java.util.ArrayList<>();
        for (int seq = 0; seq < trace.size(); seq++) {
            if (trace.node(seq) == node && (trace.kind(seq) == EventKind.CRASH || trace.kind(seq) == EventKind.RECOVER)) {
                events.add(seq);
                times.add(trace.kind(seq).name().toLowerCase(java.util.Locale.ROOT) + " at t=" + trace.time(seq));
            }
        }
        double mttf = expected(reference, Map.of("node", node, "measure", "mttf"));
        double mttr = expected(reference, Map.of("node", node, "measure", "mttr"));
        return new Solution(java.util.List.of(
                new Solution.Step(ProcessLabel.of(node) + "'s failures and repairs", ProcessLabel.of(node) + " is up from t=0; " + String.join(", ", times) + ".", events),
                new Solution.Step("The measures", "MTTF is the mean up period ending in a crash: " + mttf + "; MTTR the mean down period "
                        + "ending in a recovery: " + mttr + "; MTBF = MTTF + MTTR = " + (mttf + mttr) + "; availability A = MTTF / MTBF = "
                        + mttf / (mttf + mttr) + ".", java.util.List.of())));
    }

    @Override
    public double expected(Reference reference, Map<String, Object> args) {
        Simulation run = reference.run();
        int node = (Integer) args.get("node");
        Trace trace = run.trace();
        long upSince = 0;
        long downSince = -1;
        long upTotal = 0;
        long downTotal = 0;
        int failures = 0;
        int repairs = 0;
        for (int seq = 0; seq < trace.size(); seq++) {
            if (trace.node(seq) != node) {
                continue;
            }
            if (trace.kind(seq) == EventKind.CRASH && downSince < 0) {
                upTotal += trace.time(seq) - upSince;
                failures++;
                downSince = trace.time(seq);
            } else if (trace.kind(seq) == EventKind.RECOVER && downSince >= 0) {
                downTotal += trace.time(seq) - downSince;
                repairs++;
                downSince = -1;
                upSince = trace.time(seq);
            }
        }
        if (failures == 0 || repairs == 0) {
            throw new IllegalStateException(ProcessLabel.of(node) + " must crash and recover at least once in the reference run, "
                    + "it failed " + failures + " and was repaired " + repairs + " times");
        }
        double mttf = (double) upTotal / failures;
        double mttr = (double) downTotal / repairs;
        return switch ((String) args.get("measure")) {
            case "mttf" -> mttf;
            case "mttr" -> mttr;
            case "mtbf" -> mttf + mttr;
            default -> mttf / (mttf + mttr);
        };
    }
}

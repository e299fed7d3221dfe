package dev.faultlab.protocols.failuredetector.key;

import dev.faultlab.key.Args;
import dev.faultlab.key.KeyException;
import dev.faultlab.key.NumberKey;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.failuredetector.FailureDetector;
import dev.faultlab.protocols.failuredetector.Suspicion;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.ProcessStatus;
import dev.faultlab.sim.Trace;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code failuredetector.timeout {node, peer, time}}: {@code node}'s timeout for {@code peer} right after
 * everything at or before {@code time} in the reference run, as its state shows it.
 */
final class TimeoutKey implements NumberKey {
    static final String NAME = "failuredetector.timeout";
    private static final Spec SPEC = new Spec(NAME, FailureDetector.ID, Set.of("node", "peer", "time"));

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void check(Map<String, Object> args, String field) {
        int node = DetectorRun.node(args, "node", field);
        if (DetectorRun.node(args, "peer", field) == node) {
            throw new KeyException(field + ".peer", "a process does not watch itself: pick another process than node " + node);
        }
        Args.time(args, field);
    }

    @Override
    public double expected(Reference reference, Map<String, Object> args) {
        int node = DetectorRun.node(args, "node", "answer");
        int peer = DetectorRun.node(args, "peer", "answer");
        long time = Args.time(args, "answer");
        Trace trace = reference.run().trace();
        int last = -1;
        while (last + 1 < trace.size() && trace.time(last + 1) <= time) {
            last++;
        }
        ProcessStatus status = reference.processesAt(last).get(node);
        if (!status.up()) {
            throw new IllegalStateException(ProcessLabel.of(node) + " is down at t=" + time + " in the reference run: it has no timeout");
        }
        for (Object watched : (List<?>) status.state().get("peers")) {
            Map<?, ?> entry = (Map<?, ?>) watched;
            if (((Number) entry.get("peer")).intValue() == peer) {
                return ((Number) entry.get("timeout")).doubleValue();
            }
        }
        throw new IllegalStateException(ProcessLabel.of(node) + " does not watch " + ProcessLabel.of(peer));
    }

    @Override
    public Solution solution(Reference reference, Map<String, Object> args) {
        int node = DetectorRun.node(args, "node", "answer");
        int peer = DetectorRun.node(args, "peer", "answer");
        long time = Args.time(args, "answer");
        List<Suspicion> wrong = DetectorRun.timeline(reference).suspicions().stream()
                .filter(s -> s.observer() == node && s.suspected() == peer && s.falseSuspicion() && s.time() <= time).toList();
        var config = FailureDetector.config(reference.run().recipe());
        return new Solution(List.of(new Solution.Step("Late heartbeats raise the timeout", ProcessLabel.of(node) + " starts with a timeout of "
                + config.timeout() + " ticks for " + ProcessLabel.of(peer) + " and adds " + config.increase() + " each time a heartbeat arrives "
                + "while it suspects " + ProcessLabel.of(peer) + ". Up to t=" + time + " it suspected " + ProcessLabel.of(peer) + " wrongly "
                + wrong.size() + " time(s)" + (wrong.isEmpty() ? "" : ", at t=" + String.join(", t=", wrong.stream().map(s -> Long.toString(s.time())).toList()))
                + "; a heartbeat that lifted a suspicion counts once.", wrong.stream().map(Suspicion::seq).toList())));
    }
}

package dev.faultlab.protocols.failuredetector;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of the detectors over time, read from its events: every suspicion raised, and each process's timeout
 * for each peer and the number of peers it suspects, as steps in time. Answer keys and the run chart read it.
 */
public final class Timeline {
    /** From {@code time} on, the value is {@code value}. */
    public record Step(long time, long value) {
    }

    private final int n;
    private final List<Suspicion> suspicions = new ArrayList<>();
    /** [observer * n + peer]: the timeout's steps. */
    private final List<List<Step>> timeouts = new ArrayList<>();
    /** [observer]: how many peers it suspects, as steps. */
    private final List<List<Step>> suspecting = new ArrayList<>();

    private Timeline(DetectorConfig config, List<TraceEvent> events) {
        n = config.n();
        Suspicions board = new Suspicions(config);
        for (int pair = 0; pair < n * n; pair++) {
            timeouts.add(new ArrayList<>(List.of(new Step(0, config.timeout()))));
        }
        for (int observer = 0; observer < n; observer++) {
            suspecting.add(new ArrayList<>(List.of(new Step(0, 0))));
        }
        for (TraceEvent event : events) {
            Suspicion raised = board.read(event);
            if (raised != null) {
                suspicions.add(raised);
            }
            if (event.kind() == EventKind.OUTPUT && event.payload() instanceof Output.Trust || event.kind() == EventKind.RECOVER
                    || event.kind() == EventKind.CRASH || raised != null) {
                record(board, event);
            }
        }
    }

    public static Timeline of(DetectorConfig config, List<TraceEvent> events) {
        return new Timeline(config, events);
    }

    private void record(Suspicions board, TraceEvent event) {
        int node = event.node();
        for (int peer = 0; peer < n; peer++) {
            if (peer != node) {
                add(timeouts.get(node * n + peer), new Step(event.time(), board.timeout(node, peer)));
            }
        }
        int count = 0;
        for (int peer = 0; peer < n; peer++) {
            count += board.suspects(node, peer) ? 1 : 0;
        }
        add(suspecting.get(node), new Step(event.time(), count));
    }

    /** Adds a step if the value changed; a change at the same time replaces the step there. */
    private static void add(List<Step> steps, Step step) {
        Step last = steps.get(steps.size() - 1);
        if (last.value() == step.value()) {
            return;
        }
        if (last.time() == step.time()) {
            steps.set(steps.size() - 1, step);
        } else {
            steps.add(step);
        }
    }

    public int n() {
        return n;
    }

    public List<Suspicion> suspicions() {
        return List.copyOf(suspicions);
    }

    /** The steps of {@code observer}'s timeout for {@code peer}. */
    public List<Step> timeouts(int observer, int peer) {
        return List.copyOf(timeouts.get(observer * n + peer));
    }

    /** The steps of how many peers {@code observer} suspects. */
    public List<Step> suspecting(int observer) {
        return List.copyOf(suspecting.get(observer));
    }
}

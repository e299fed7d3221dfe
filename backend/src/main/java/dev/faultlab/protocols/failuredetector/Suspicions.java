package dev.faultlab.protocols.failuredetector;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.TraceEvent;

/**
 * What the detectors believe, read from the trace one event at a time: who is up, who suspects whom (from the
 * suspect and trust outputs), when each process last heard from each other one, and each one's timeout for
 * each other one (the protocol's rule applied to the late heartbeats the trace shows). Monitors, answer keys and
 * the run chart share it, so they agree on what a false suspicion is: suspecting a process that is up.
 */
final class Suspicions {
    private final DetectorConfig config;
    private final boolean[] up;
    private final long[] crashedAt;
    private final int[] crashSeq;
    /** [observer][peer]: the seq of the suspect output in force, or -1 while trusted. */
    private final int[][] suspectSeq;
    private final long[][] lastHeard;
    private final int[][] late;

    Suspicions(DetectorConfig config) {
        this.config = config;
        int n = config.n();
        up = new boolean[n];
        crashedAt = new long[n];
        crashSeq = new int[n];
        suspectSeq = new int[n][n];
        lastHeard = new long[n][n];
        late = new int[n][n];
        for (int node = 0; node < n; node++) {
            up[node] = true;
            crashSeq[node] = -1;
            java.util.Arrays.fill(suspectSeq[node], -1);
        }
    }

    /** What the event changed; returns the suspicion it raised, or null. */
    Suspicion read(TraceEvent event) {
        int node = event.node();
        if (event.kind() == EventKind.CRASH) {
            up[node] = false;
            crashedAt[node] = event.time();
            crashSeq[node] = event.seq();
            java.util.Arrays.fill(suspectSeq[node], -1);
        } else if (event.kind() == EventKind.RECOVER) {
            up[node] = true;
            crashSeq[node] = -1;
            java.util.Arrays.fill(late[node], 0);
            java.util.Arrays.fill(lastHeard[node], event.time());
        } else if (event.kind() == EventKind.DELIVER && event.payload() instanceof Heartbeat) {
            lastHeard[node][event.peer()] = event.time();
        } else if (event.kind() == EventKind.OUTPUT && event.payload() instanceof Output.Suspect suspect) {
            suspectSeq[node][suspect.node()] = event.seq();
            return new Suspicion(node, suspect.node(), event.seq(), event.time(), up[suspect.node()]);
        } else if (event.kind() == EventKind.OUTPUT && event.payload() instanceof Output.Trust trust) {
            suspectSeq[node][trust.node()] = -1;
            late[node][trust.node()]++;
        }
        return null;
    }

    int n() {
        return up.length;
    }

    boolean up(int node) {
        return up[node];
    }

    boolean suspects(int observer, int peer) {
        return suspectSeq[observer][peer] >= 0;
    }

    int suspectSeq(int observer, int peer) {
        return suspectSeq[observer][peer];
    }

    long crashedAt(int node) {
        return crashedAt[node];
    }

    int crashSeq(int node) {
        return crashSeq[node];
    }

    long lastHeard(int observer, int peer) {
        return lastHeard[observer][peer];
    }

    long timeout(int observer, int peer) {
        return config.timeoutAfter(late[observer][peer]);
    }

    /** A suspicion in force by a process that is up of another that is up, or null: the first in id order. */
    int[] falsePair() {
        for (int observer = 0; observer < up.length; observer++) {
            for (int peer = 0; up[observer] && peer < up.length; peer++) {
                if (up[peer] && suspectSeq[observer][peer] >= 0) {
                    return new int[] {observer, peer};
                }
            }
        }
        return null;
    }
}

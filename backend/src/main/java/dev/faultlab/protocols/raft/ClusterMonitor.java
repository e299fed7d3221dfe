package dev.faultlab.protocols.raft;

import dev.faultlab.check.Verdict;

/**
 * A property of a Raft run, judged step by step: it is fed every step as it happens, so it can say at
 * which event the property first failed, and its verdict is ready whenever the run stops.
 */
public interface ClusterMonitor {
    void observe(Step step);

    Verdict verdict();
}

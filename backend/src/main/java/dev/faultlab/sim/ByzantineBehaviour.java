package dev.faultlab.sim;

import java.util.SplittableRandom;

/**
 * How a Byzantine node lies. The kernel passes every message the node's process sends through the
 * behaviour, which may return it unchanged, a different message, or null to send nothing.
 */
@FunctionalInterface
public interface ByzantineBehaviour {
    Message tamper(int from, int to, int round, Message original, SplittableRandom random);
}

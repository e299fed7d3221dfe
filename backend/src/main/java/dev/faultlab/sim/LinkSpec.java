package dev.faultlab.sim;

/**
 * One directed link that differs from the network's defaults: its own delay distribution and/or loss
 * probability (null keeps the default).
 */
public record LinkSpec(int from, int to, Delay delay, Double loss) {
}

package dev.faultlab.sim;

/**
 * The network every link starts with: the delay distribution, the probability that a message is lost
 * or duplicated, and whether links deliver in send order (FIFO) or may reorder.
 */
public record NetworkSpec(Delay delay, double loss, double duplication, boolean fifo) {

    public static NetworkSpec reliable() {
        return new NetworkSpec(Delay.constant(1), 0, 0, true);
    }

    public NetworkSpec {
        delay = delay == null ? Delay.constant(1) : delay;
    }
}

package dev.faultlab.sim;

import java.util.List;

/**
 * The network every link starts with: the delay distribution, the probability that a message is lost
 * or duplicated, whether links deliver in send order (FIFO) or may reorder, and per-link exceptions.
 */
public record NetworkSpec(Delay delay, double loss, double duplication, boolean fifo, List<LinkSpec> links) {

    public NetworkSpec {
        delay = delay == null ? Delay.constant(1) : delay;
        links = links == null ? List.of() : List.copyOf(links);
    }

    public NetworkSpec(Delay delay, double loss, double duplication, boolean fifo) {
        this(delay, loss, duplication, fifo, List.of());
    }

    public static NetworkSpec reliable() {
        return new NetworkSpec(Delay.constant(1), 0, 0, true);
    }

    public NetworkSpec withLinks(List<LinkSpec> newLinks) {
        return new NetworkSpec(delay, loss, duplication, fifo, newLinks);
    }
}

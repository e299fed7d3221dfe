package dev.faultlab.sim;

import java.util.SplittableRandom;

/**
 * The network model of one run: default delay, loss, duplication and ordering, per-link exceptions,
 * and the link faults (down links, one-way loss, partitions). Its randomness comes from its own stream,
 * so the network's choices never shift a process's random numbers.
 */
final class Network {
    private final int n;
    private final LinkState links;
    private final SplittableRandom random;
    /** Per directed link: its own delay distribution and base loss, or null / NaN for the default. */
    private final Delay[] linkDelay;
    private final double[] linkLoss;
    private Delay delay;
    /** The default delay's ticks when it is constant (as it mostly is), or -1: spares sampling on every send. */
    private long constantDelay;
    private double loss;
    private double duplication;
    private boolean fifo;
    /** Whether some link has a base loss of its own. */
    private final boolean lossyLinks;

    Network(int n, NetworkSpec spec, SplittableRandom random) {
        this.n = n;
        this.links = new LinkState(n);
        this.random = random;
        this.linkDelay = new Delay[n * n];
        this.linkLoss = new double[n * n];
        java.util.Arrays.fill(linkLoss, Double.NaN);
        boolean anyLoss = false;
        for (LinkSpec link : spec.links()) {
            linkDelay[link.from() * n + link.to()] = link.delay();
            if (link.loss() != null) {
                linkLoss[link.from() * n + link.to()] = link.loss();
                anyLoss |= link.loss() > 0;
            }
        }
        this.lossyLinks = anyLoss;
        setDelay(spec.delay());
        this.loss = spec.loss();
        this.duplication = spec.duplication();
        this.fifo = spec.fifo();
    }

    /**
     * Whether every message gets through unharmed (nothing down, partitioned, lossy or duplicating), so the checks
     * below would all say so without drawing a random number: the common case skips them.
     */
    boolean clean() {
        return loss == 0 && duplication == 0 && !lossyLinks && !links.disturbed();
    }

    LinkState links() {
        return links;
    }

    /** Whether the network loses a message as it is sent (its base loss rate). */
    boolean losesAtSend(int from, int to) {
        double own = linkLoss[from * n + to];
        double p = Double.isNaN(own) ? loss : own;
        return p > 0 && random.nextDouble() < p;
    }

    boolean duplicates() {
        return duplication > 0 && random.nextDouble() < duplication;
    }

    /**
     * When a message sent now arrives: a sampled delay (kept within {@code maxDelay}, which is how a
     * synchronous round bounds it), plus the sender's timing fault, never before an earlier message on
     * the same link when links are FIFO.
     */
    long deliveryTime(int from, int to, long now, long extraDelay, long maxDelay) {
        Delay own = linkDelay[from * n + to];
        long drawn = own != null ? own.sample(random) : constantDelay >= 0 ? constantDelay : delay.sample(random);
        long sampled = Math.min(Math.max(drawn, 1), maxDelay);
        long wanted = now + sampled + extraDelay;
        return fifo ? links.fifoDeliveryTime(from, to, wanted) : wanted;
    }

    /** The network's settings and its links' state, hashed for {@link Kernel#fingerprint()}. */
    long stateHash() {
        return java.util.Objects.hash(loss, duplication, fifo, links.stateHash());
    }

    /** Why a message arriving now is lost on its link (down, partitioned, one-way loss), or null. */
    String blocks(int from, int to) {
        String cut = cutOff(from, to);
        if (cut != null) {
            return cut;
        }
        double p = links.loss(from, to);
        return p > 0 && random.nextDouble() < p ? "link loss" : null;
    }

    /** Why the link cannot carry a message at all right now (down or partitioned), or null. */
    String cutOff(int from, int to) {
        if (links.isDown(from, to)) {
            return "link down";
        }
        return links.partitioned(from, to) ? "partitioned" : null;
    }

    /** A NETWORK fault: the settings it gives change for every link from now on. */
    void change(Intervention.NetworkChange change) {
        if (change.loss() != null) {
            loss = change.loss();
        }
        if (change.duplication() != null) {
            duplication = change.duplication();
        }
        if (change.fifo() != null) {
            fifo = change.fifo();
        }
        if (change.delay() != null) {
            setDelay(change.delay());
        }
    }

    private void setDelay(Delay newDelay) {
        delay = newDelay;
        constantDelay = "constant".equals(newDelay.kind()) ? newDelay.min() : -1;
    }
}

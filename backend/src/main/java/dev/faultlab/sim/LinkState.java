package dev.faultlab.sim;

/** Which links are down, lossy or separated by a partition, and the last delivery time per link for FIFO order. */
final class LinkState {
    private final int n;
    private final boolean[] down;
    private final double[] loss;
    private final long[] lastDelivery;
    private final int[] group;
    /** Set once any link has gone down, become lossy or been partitioned off, and never cleared: while false, every link carries every message. */
    private boolean disturbed;

    LinkState(int n) {
        this.n = n;
        this.down = new boolean[n * n];
        this.loss = new double[n * n];
        this.lastDelivery = new long[n * n];
        this.group = new int[n];
    }

    void setDown(int from, int to, boolean isDown) {
        disturbed |= isDown;
        down[from * n + to] = isDown;
    }

    void setLoss(int from, int to, double probability) {
        disturbed |= probability > 0;
        loss[from * n + to] = probability;
    }

    double loss(int from, int to) {
        return loss[from * n + to];
    }

    boolean isDown(int from, int to) {
        return down[from * n + to];
    }

    boolean partitioned(int from, int to) {
        return group[from] != group[to];
    }

    void partition(int[] groupOfNode) {
        disturbed = true;
        System.arraycopy(groupOfNode, 0, group, 0, n);
    }

    boolean disturbed() {
        return disturbed;
    }

    /** Which links are down, lossy or partitioned off, hashed; FIFO bookkeeping (a matter of time) is left out. */
    int stateHash() {
        return java.util.Objects.hash(java.util.Arrays.hashCode(down), java.util.Arrays.hashCode(loss), java.util.Arrays.hashCode(group));
    }

    void heal() {
        java.util.Arrays.fill(group, 0);
    }

    /** Delivery time that keeps the link FIFO: never before the previous message on the same link. */
    long fifoDeliveryTime(int from, int to, long wanted) {
        int link = from * n + to;
        long at = Math.max(wanted, lastDelivery[link]);
        lastDelivery[link] = at;
        return at;
    }
}

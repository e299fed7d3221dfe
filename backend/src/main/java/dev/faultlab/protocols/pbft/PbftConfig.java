package dev.faultlab.protocols.pbft;

/**
 * A run's checked parameters. Replicas are processes 0 to n - 1, clients follow them.
 *
 * @param n replicas; 3k + 1 unless the recipe asks for fewer to show why that many are needed
 * @param k Byzantine replicas the group is meant to tolerate
 */
public record PbftConfig(int n, int k, int clients, int requests, int clientTimeout, int viewTimeout, int runFor) {

    /**
     * How many matching messages make a certificate: n - k, the most a replica can wait for when k may stay
     * silent. With n = 3k + 1 that is the slides' 2k + 1; with n = 3k two such quorums share only k replicas,
     * which may all be faulty.
     */
    public int quorum() {
        return n - k;
    }

    /** The deterministic function every replica knows: view v is led by replica v mod n. */
    public int primary(int view) {
        return view % n;
    }

    public boolean replica(int node) {
        return node >= 0 && node < n;
    }

    /** Whether the group is too small for k Byzantine replicas (n < 3k + 1). */
    public boolean undersized() {
        return n < 3 * k + 1;
    }

    String warning() {
        return "warning: n=" + n + " is less than 3k+1=" + (3 * k + 1) + ": two quorums of n-k=" + quorum()
                + " replicas may share only " + (2 * quorum() - n) + " replica(s), all of which may be faulty, so "
                + "safety is not guaranteed";
    }
}

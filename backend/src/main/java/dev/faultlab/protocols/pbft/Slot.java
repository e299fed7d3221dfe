package dev.faultlab.protocols.pbft;

import dev.faultlab.sim.Signed;

import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * What a replica holds about one timestamp in its current view: the pre-prepare it accepted, the prepares and
 * commits it received (one per signer, the first it heard), and its prepare certificate once it has one.
 */
final class Slot {
    final int t;
    Signed<PrePrepare> prePrepare;
    final TreeMap<Integer, Signed<Prepare>> prepares = new TreeMap<>();
    final TreeMap<Integer, Operation> commits = new TreeMap<>();
    PrepareCertificate certificate;

    Slot(int t) {
        this.t = t;
    }

    /** Everything held about the timestamp, for the replica's fingerprint. */
    Object fingerprint() {
        return Arrays.asList(t, prePrepare, new TreeMap<>(prepares), new TreeMap<>(commits), certificate);
    }

    Operation op() {
        return prePrepare == null ? null : prePrepare.payload.op();
    }

    /** Prepares that match the accepted pre-prepare. */
    List<Signed<Prepare>> matchingPrepares() {
        Operation op = op();
        return op == null ? List.of() : prepares.values().stream().filter(p -> p.payload.op().equals(op)).toList();
    }

    long matchingCommits() {
        Operation op = op();
        return op == null ? 0 : commits.values().stream().filter(op::equals).count();
    }
}

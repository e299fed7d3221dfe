package dev.faultlab.protocols.pbft;

import dev.faultlab.sim.Signed;

import java.util.List;
import java.util.TreeSet;

/**
 * PC(t, v, o): the primary's signed pre-prepare and quorum - 1 (2k with n = 3k + 1) matching prepares signed by
 * distinct backups; together 2k + 1 signed statements that o goes at t in view v. Anyone can check one.
 */
public record PrepareCertificate(Signed<PrePrepare> prePrepare, List<Signed<Prepare>> prepares) {
    public PrepareCertificate {
        prepares = List.copyOf(prepares);
    }

    public int view() {
        return prePrepare.payload.view();
    }

    public int t() {
        return prePrepare.payload.t();
    }

    public Operation op() {
        return prePrepare.payload.op();
    }

    /** Signed by the view's primary, with enough matching prepares from distinct backups. */
    boolean valid(PbftConfig config) {
        PrePrepare pp = prePrepare.payload;
        if (!prePrepare.verify(config.primary(pp.view()))) {
            return false;
        }
        TreeSet<Integer> signers = new TreeSet<>();
        for (Signed<Prepare> prepare : prepares) {
            Prepare p = prepare.payload;
            if (prepare.verify(p.replica()) && config.replica(p.replica()) && p.replica() != config.primary(pp.view())
                    && p.view() == pp.view() && p.t() == pp.t() && p.op().equals(pp.op())) {
                signers.add(p.replica());
            }
        }
        return signers.size() >= config.quorum() - 1;
    }

    @Override
    public String toString() {
        return "PC(t=" + t() + ", v=" + view() + ", " + op() + ")";
    }
}

package dev.faultlab.protocols.pbft;

import dev.faultlab.sim.Signed;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How a new primary builds O from the view-change certificate X, and how a backup checks it: for every timestamp
 * up to the highest any certificate names, a pre-prepare in the new view of the operation of the most recent
 * prepare certificate for it, or of "none" where X holds no certificate.
 */
final class Reissue {
    private Reissue() {
    }

    /** X is valid: a quorum of distinct replicas signed view changes to {@code view}, each with valid certificates. */
    static boolean validX(PbftConfig config, int view, List<Signed<ViewChange>> x) {
        TreeSet<Integer> signers = new TreeSet<>();
        for (Signed<ViewChange> vc : x) {
            if (vc.payload.view() == view && vc.verify(vc.payload.replica()) && config.replica(vc.payload.replica())
                    && vc.payload.certificates().stream().allMatch(c -> c.valid(config))) {
                signers.add(vc.payload.replica());
            }
        }
        return signers.size() >= config.quorum();
    }

    /** O for {@code view}, from X. */
    static List<PrePrepare> prePrepares(int view, List<Signed<ViewChange>> x) {
        TreeMap<Integer, PrepareCertificate> latest = new TreeMap<>();
        for (Signed<ViewChange> vc : x) {
            for (PrepareCertificate certificate : vc.payload.certificates()) {
                PrepareCertificate known = latest.get(certificate.t());
                if (known == null || certificate.view() > known.view()) {
                    latest.put(certificate.t(), certificate);
                }
            }
        }
        List<PrePrepare> o = new ArrayList<>();
        int last = latest.isEmpty() ? 0 : latest.lastKey();
        for (int t = 1; t <= last; t++) {
            PrepareCertificate certificate = latest.get(t);
            o.add(certificate == null ? PrePrepare.none(view, t)
                    : new PrePrepare(view, t, certificate.op(), certificate.prePrepare().payload.request()));
        }
        return o;
    }
}

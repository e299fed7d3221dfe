package dev.faultlab.protocols.pbft;

import dev.faultlab.sim.AdversaryContext;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.RecipeException;
import dev.faultlab.sim.RewritingAdversary.Rewrite;
import dev.faultlab.sim.Signed;

import java.util.List;
import java.util.Map;

/**
 * Two stories under one timestamp: the replicas in {@code others} are told "none", everyone else the client's o,
 * in every PRE-PREPARE, PREPARE and COMMIT this replica signs. As primary it is the slides' equivocating primary
 * (it cannot make up another client operation: requests are signed by their clients); as a backup it colludes
 * with one. Without {@code others}, the higher half of the replica ids hears "none".
 */
record Equivocate(List<Integer> others) implements Rewrite {
    static final String NAME = "equivocate";
    static final String DESCRIPTION = "Gives two operations one timestamp: the replicas listed in 'others' (by id from 0; "
            + "default the higher half of the ids) get PRE-PREPARE(t, v, none) and the others PRE-PREPARE(t, v, o) with the "
            + "client's request, and its PREPAREs and COMMITs tell each replica the version it was given. As a backup it "
            + "colludes with such a primary.";

    static Equivocate from(Map<String, Object> params) {
        Object others = params.get("others");
        return new Equivocate(others == null ? null : ((List<?>) others).stream().map(o -> ((Number) o).intValue()).toList());
    }

    static void check(Map<String, Object> params, int nodes) {
        Object others = params.get("others");
        if (others == null) {
            return;
        }
        if (!(others instanceof List<?> list) || !list.stream().allMatch(o -> o instanceof Number number
                && number.doubleValue() == Math.rint(number.doubleValue()) && number.intValue() >= 0 && number.intValue() < nodes)) {
            throw new RecipeException("others", "must be a list of process ids from 0 to " + (nodes - 1));
        }
    }

    private boolean hearsOther(AdversaryContext ctx, int to, int replicas) {
        return others == null ? to >= (replicas + 1) / 2 : others.contains(to);
    }

    @Override
    public Message rewrite(AdversaryContext ctx, int to, Message honest) {
        int replicas = ctx.withRole(Pbft.REPLICA).size();
        if (!(honest instanceof Signed<?> signed) || to >= replicas || !hearsOther(ctx, to, replicas)) {
            return honest;
        }
        if (signed.payload instanceof PrePrepare pp) {
            return ctx.sign(PrePrepare.none(pp.view(), pp.t()));
        }
        if (signed.payload instanceof Prepare p) {
            return ctx.sign(new Prepare(p.view(), p.t(), Operation.NONE, p.replica()));
        }
        if (signed.payload instanceof Commit c) {
            return ctx.sign(new Commit(c.view(), c.t(), Operation.NONE, c.replica()));
        }
        return honest;
    }
}

package dev.faultlab.protocols.byzantine;

import dev.faultlab.sim.AdversaryContext;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.RewritingAdversary.Rewrite;

import java.util.List;
import java.util.Map;

/**
 * In round 1 the receivers, in id order, are told the listed values in turn, so neighbours in the
 * order always hear different things (with two values); relays stay honest.
 */
record Equivocate(List<String> values) implements Rewrite {
    static final String NAME = "equivocate";
    static final String DESCRIPTION = "Tells different processes different values in round 1: its k-th receiver in id order "
            + "(from 0) hears values[k mod the list's length] (parameter values, default [ATTACK, RETREAT]); relays "
            + "honestly afterwards.";

    static Equivocate from(Map<String, Object> params) {
        return new Equivocate(Values.listParam(params, "values", Plan.BOTH));
    }

    @Override
    public Message rewrite(AdversaryContext ctx, int to, Message honest) {
        if (ctx.round() != 1) {
            return honest;
        }
        int receiver = to < ctx.self() ? to : to - 1;
        return ((OralMessage) honest).withValue(values.get(receiver % values.size()));
    }
}

package dev.faultlab.protocols.byzantine;

import dev.faultlab.sim.AdversaryContext;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.RewritingAdversary.Rewrite;

import java.util.Map;

/**
 * The traitor of the seeds' three generals: it equivocates in round 1 and turns every relay into
 * its opposite. With n=3 and m=1 a loyal process then hears its loyal peer's value once truthfully
 * and once reversed, finds no majority and takes RETREAT: a loyal process that started with another
 * value gets a wrong entry in its peer's vector, which no algorithm can prevent with n <= 3m.
 */
record TwoFaced(Equivocate roundOne, CorruptRelays relays) implements Rewrite {
    static final String NAME = "two-faced";
    static final String DESCRIPTION = "The traitor of the three-generals impossibility: equivocate in round 1 (parameter "
            + "values) and corrupt every relay (parameter value, default the opposite). With n=3, m=1 it gives a loyal "
            + "process a wrong entry for its loyal peer whenever that peer started with ATTACK.";

    static TwoFaced from(Map<String, Object> params) {
        return new TwoFaced(Equivocate.from(params), CorruptRelays.from(params));
    }

    @Override
    public Message rewrite(AdversaryContext ctx, int to, Message honest) {
        return ctx.round() == 1 ? roundOne.rewrite(ctx, to, honest) : relays.rewrite(ctx, to, honest);
    }
}

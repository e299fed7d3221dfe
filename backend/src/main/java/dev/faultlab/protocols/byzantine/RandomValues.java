package dev.faultlab.protocols.byzantine;

import dev.faultlab.sim.AdversaryContext;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.RewritingAdversary.Rewrite;

import java.util.List;
import java.util.Map;

/** Every message carries a value drawn from the run's seeded generator, so a replay lies the same way. */
record RandomValues(List<String> values) implements Rewrite {
    static final String NAME = "random";
    static final String DESCRIPTION = "Every value it sends or relays is drawn at random (from the run's seed) from the "
            + "parameter values, default [ATTACK, RETREAT].";

    static RandomValues from(Map<String, Object> params) {
        return new RandomValues(Values.listParam(params, "values", Plan.BOTH));
    }

    @Override
    public Message rewrite(AdversaryContext ctx, int to, Message honest) {
        return ((OralMessage) honest).withValue(values.get(ctx.random().nextInt(values.size())));
    }
}

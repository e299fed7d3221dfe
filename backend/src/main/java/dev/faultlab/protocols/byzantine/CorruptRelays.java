package dev.faultlab.protocols.byzantine;

import dev.faultlab.sim.AdversaryContext;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.RewritingAdversary.Rewrite;

import java.util.Map;

/** States its own value truthfully in round 1, then replaces every value it relays with a lie. */
record CorruptRelays(String lie) implements Rewrite {
    static final String NAME = "corrupt-relays";
    static final String DESCRIPTION = "Honest about its own value in round 1; from round 2 on it relays the parameter "
            + "value instead of what it heard, or, without it, the opposite: RETREAT, or ATTACK for RETREAT.";

    static CorruptRelays from(Map<String, Object> params) {
        return new CorruptRelays(Values.optionalParam(params, "value"));
    }

    @Override
    public Message rewrite(AdversaryContext ctx, int to, Message honest) {
        if (ctx.round() == 1) {
            return honest;
        }
        OralMessage message = (OralMessage) honest;
        return message.withValue(lie != null ? lie : Plan.opposite(message.value()));
    }
}

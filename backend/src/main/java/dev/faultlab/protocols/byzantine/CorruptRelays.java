package dev.faultlab.protocols.byzantine;

import dev.faultlab.sim.ByzantineBehaviour;
import dev.faultlab.sim.Message;

import java.util.Map;
import java.util.SplittableRandom;

/** States its own value truthfully in round 1, then replaces every value it relays with a lie. */
record CorruptRelays(String lie) implements ByzantineBehaviour {
    static final String NAME = "corrupt-relays";
    static final String DESCRIPTION = "Honest about its own value in round 1; from round 2 on it relays the parameter "
            + "value instead of what it heard, or, without it, the opposite: RETREAT, or ATTACK for RETREAT.";

    static CorruptRelays from(Map<String, Object> params) {
        return new CorruptRelays(Values.optionalParam(params, "value"));
    }

    @Override
    public Message tamper(int from, int to, int round, Message original, SplittableRandom random) {
        if (round == 1) {
            return original;
        }
        OralMessage message = (OralMessage) original;
        return message.withValue(lie != null ? lie : Plan.opposite(message.value()));
    }
}

package dev.faultlab.protocols.byzantine;

import dev.faultlab.sim.ByzantineBehaviour;
import dev.faultlab.sim.Message;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Every message carries a value drawn from the run's seeded generator, so a replay lies the same way. */
record RandomValues(List<String> values) implements ByzantineBehaviour {
    static final String NAME = "random";
    static final String DESCRIPTION = "Every value it sends or relays is drawn at random (from the run's seed) from the "
            + "parameter values, default [ATTACK, RETREAT].";

    static RandomValues from(Map<String, Object> params) {
        return new RandomValues(Values.listParam(params, "values", Plan.BOTH));
    }

    @Override
    public Message tamper(int from, int to, int round, Message original, SplittableRandom random) {
        return ((OralMessage) original).withValue(values.get(random.nextInt(values.size())));
    }
}

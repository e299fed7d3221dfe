package dev.faultlab.protocols.byzantine;

import dev.faultlab.sim.ByzantineBehaviour;
import dev.faultlab.sim.Message;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * In round 1 the receivers, in id order, are told the listed values in turn, so neighbours in the
 * order always hear different things (with two values); relays stay honest.
 */
record Equivocate(List<String> values) implements ByzantineBehaviour {
    static final String NAME = "equivocate";
    static final String DESCRIPTION = "Tells different processes different values in round 1: its k-th receiver in id order "
            + "(from 0) hears values[k mod the list's length] (parameter values, default [ATTACK, RETREAT]); relays "
            + "honestly afterwards.";

    static Equivocate from(Map<String, Object> params) {
        return new Equivocate(Values.listParam(params, "values", Plan.BOTH));
    }

    @Override
    public Message tamper(int from, int to, int round, Message original, SplittableRandom random) {
        if (round != 1) {
            return original;
        }
        int receiver = to < from ? to : to - 1;
        return ((OralMessage) original).withValue(values.get(receiver % values.size()));
    }
}

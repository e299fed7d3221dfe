package dev.faultlab.protocols.voting;

import dev.faultlab.sim.Adversary;
import dev.faultlab.sim.BehaviourSpec;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.RecipeException;

import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * Value faults: a replica (or a separate voter) that runs the correct code but sends wrong values. They are
 * Byzantine behaviours: the value is wrong, not missing.
 */
final class Behaviours {
    static final String WRONG_VALUE = "wrong-value";
    static final String TWO_FACED = "two-faced-answers";

    private static final int LIMIT = 1_000_000;

    private Behaviours() {
    }

    static final List<BehaviourSpec> ALL = List.of(
            new BehaviourSpec(WRONG_VALUE, "Answers a wrong value: the one given as value, or else the correct one plus 1, in "
                    + "answers, votes and every value it relays in the agreement. Replicas with this behaviour collude: they "
                    + "all give the same wrong answer.", params -> lying(params, (honest, to) -> wrong(params, honest)),
                    Behaviours::check),
            new BehaviourSpec(TWO_FACED, "Tells different processes different wrong values: the correct one plus 1 to P1, P3, "
                    + "P5 ..., plus 2 to P2, P4, ...", params -> lying(params, (honest, to) -> honest == null ? null : honest + 1 + to % 2),
                    Behaviours::check));

    private static Integer wrong(Map<String, Object> params, Integer honest) {
        Integer value = value(params.get("value"));
        if (value != null) {
            return value;
        }
        return honest == null ? null : honest + 1;
    }

    /** The given wrong answer: a whole number, or its digits as the browser's form sends them; null if none is given. */
    private static Integer value(Object given) {
        if (given instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                && Math.abs(number.doubleValue()) <= LIMIT) {
            return number.intValue();
        }
        if (given instanceof String text && text.strip().matches("-?\\d{1,7}") && Math.abs(Long.parseLong(text.strip())) <= LIMIT) {
            return Integer.parseInt(text.strip());
        }
        return null;
    }

    private static void check(Map<String, Object> params, int nodes) {
        Object given = params.get("value");
        if (given != null && value(given) == null) {
            throw new RecipeException("value", "must be a whole number from -" + LIMIT + " to " + LIMIT + ", got '" + given + "'");
        }
    }

    private static Adversary lying(Map<String, Object> params, BinaryOperator<Integer> lie) {
        return Adversary.rewriting((ctx, to, honest) -> rewrite(honest, value -> lie.apply(value, to)));
    }

    private static Message rewrite(Message honest, java.util.function.UnaryOperator<Integer> lie) {
        if (honest instanceof Answer answer) {
            return new Answer(lie.apply(answer.value()));
        }
        if (honest instanceof Verdict verdict) {
            return new Verdict(lie.apply(verdict.value()));
        }
        if (honest instanceof Relay relay) {
            return new Relay(relay.entries().stream().map(e -> new Relay.Entry(e.path(), lie.apply(e.value()))).toList());
        }
        return honest;
    }
}

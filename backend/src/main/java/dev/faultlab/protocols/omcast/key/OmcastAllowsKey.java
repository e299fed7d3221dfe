package dev.faultlab.protocols.omcast.key;

import dev.faultlab.key.ChoiceKey;
import dev.faultlab.key.KeyException;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.omcast.OrderJudge;
import dev.faultlab.protocols.omcast.OrderedMulticast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code omcast.allows {orders}}: which of FIFO, causal and total order allow the members to deliver the run's
 * messages in the given orders ({@code orders: [{node, order: [m2, m1]}, ...]}), by the monitors' rules with what
 * happened before what taken from the reference run; {@code none} when none of them does.
 */
final class OmcastAllowsKey implements ChoiceKey {
    static final String NAME = "omcast.allows";
    static final String FIFO = "fifo";
    static final String CAUSAL = "causal";
    static final String TOTAL = "total";
    static final String NONE = "none";
    private static final Map<String, String> OPTIONS = Map.of("FIFO order", FIFO, "causal order", CAUSAL, "total order", TOTAL);
    private static final Spec SPEC = new Spec(NAME, OrderedMulticast.ID, Set.of("orders"));

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public Set<String> outcomes() {
        return Set.of(FIFO, CAUSAL, TOTAL, NONE);
    }

    @Override
    public void check(Map<String, Object> args, String field) {
        orders(args, field);
    }

    @Override
    public Set<String> expected(Reference reference, Map<String, Object> args) {
        Set<String> allowed = new LinkedHashSet<>();
        for (OrderJudge.Judgement judgement : judge(reference, args)) {
            if (judgement.holds()) {
                allowed.add(OPTIONS.get(judgement.property()));
            }
        }
        return allowed.isEmpty() ? Set.of(NONE) : allowed;
    }

    @Override
    public Solution solution(Reference reference, Map<String, Object> args) {
        List<Solution.Step> steps = new ArrayList<>();
        for (OrderJudge.Judgement judgement : judge(reference, args)) {
            steps.add(new Solution.Step(judgement.property() + (judgement.holds() ? ": allowed" : ": not allowed"),
                    judgement.explanation() + ".", List.of()));
        }
        return new Solution(steps);
    }

    private static List<OrderJudge.Judgement> judge(Reference reference, Map<String, Object> args) {
        try {
            return OrderJudge.judge(reference.run().trace().events(), orders(args, "answer"));
        } catch (IllegalArgumentException e) {
            throw new KeyException("answer.orders", e.getMessage());
        }
    }

    static Map<Integer, List<String>> orders(Map<String, Object> args, String field) {
        if (!(args.get("orders") instanceof List<?> list) || list.isEmpty()) {
            throw new KeyException(field + ".orders", "must list the members' orders as {node, order: [m1, m2, ...]}");
        }
        Map<Integer, List<String>> orders = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> entry) || !(entry.get("node") instanceof Integer node) || node < 0
                    || !(entry.get("order") instanceof List<?> order) || !order.stream().allMatch(String.class::isInstance)
                    || orders.containsKey(node)) {
                throw new KeyException(field + ".orders[" + i + "]", "must be {node: a member id from 0, once, order: [m1, m2, ...]}");
            }
            orders.put(node, order.stream().map(String.class::cast).toList());
        }
        return orders;
    }
}

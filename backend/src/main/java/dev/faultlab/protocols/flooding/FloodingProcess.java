package dev.faultlab.protocols.flooding;

import java.util.Arrays;
import dev.faultlab.sim.StateDisplay;
import dev.faultlab.sim.Context;
import dev.faultlab.sim.Delivery;
import dev.faultlab.sim.RoundProcess;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** One process of flooding consensus: keeps the set V of known values, floods it, decides min(V). */
final class FloodingProcess implements RoundProcess {
    private final int input;
    private final TreeSet<Integer> known = new TreeSet<>();
    private Integer decision;

    FloodingProcess(int input) {
        this.input = input;
        known.add(input);
    }

    @Override
    public void onRound(Context ctx, int round, List<Delivery> inbox) {
        merge(inbox);
        ctx.broadcast(new Known(Collections.unmodifiableSortedSet(new TreeSet<>(known))));
    }

    @Override
    public void onEnd(Context ctx, List<Delivery> inbox) {
        merge(inbox);
        decision = known.first();
        ctx.decide(decision);
    }

    private void merge(List<Delivery> inbox) {
        for (Delivery delivery : inbox) {
            known.addAll(((Known) delivery.message()).values());
        }
    }

    @Override
    public Object fingerprint() {
        return Arrays.asList(input, List.copyOf(known), decision);
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("input", input);
        view.put("known", List.copyOf(known));
        view.put("decision", decision);
        return view;
    }

    @Override
    public StateDisplay display() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("input", input);
        fields.put("decision", decision);
        return StateDisplay.of(new StateDisplay.Fields("Process", fields), new StateDisplay.Set("Known values", List.copyOf(known)));
    }
}

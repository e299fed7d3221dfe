package dev.faultlab.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything that determines a run: the same recipe always yields the same trace, event for event.
 * Parameters keep their order so a recipe prints and serializes the same way every time. {@code faults} holds
 * every intervention (faults, client requests, message actions); {@code schedule} the scheduling choices a
 * {@link Scheduler#replaying choice scheduler} replays (empty: the clock's order).
 */
public record Recipe(String protocol, Map<String, Object> params, long seed, List<Fault> faults,
                     NetworkSpec network, Budgets budgets, List<Integer> schedule) {

    public Recipe {
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        faults = faults == null ? List.of() : List.copyOf(faults);
        network = network == null ? NetworkSpec.reliable() : network;
        budgets = budgets == null ? Budgets.defaults() : budgets;
        schedule = schedule == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(schedule));
    }

    public Recipe(String protocol, Map<String, Object> params, long seed, List<Fault> faults, NetworkSpec network,
                  Budgets budgets) {
        this(protocol, params, seed, faults, network, budgets, null);
    }

    public static Recipe of(String protocol, Map<String, Object> params, long seed) {
        return new Recipe(protocol, params, seed, List.of(), null, null);
    }

    public Recipe withFaults(List<Fault> newFaults) {
        return new Recipe(protocol, params, seed, newFaults, network, budgets, schedule);
    }

    public Recipe withFault(Fault fault) {
        List<Fault> all = new ArrayList<>(faults);
        all.add(fault);
        return withFaults(all);
    }

    public Recipe withNetwork(NetworkSpec newNetwork) {
        return new Recipe(protocol, params, seed, faults, newNetwork, budgets, schedule);
    }

    public Recipe withBudgets(Budgets newBudgets) {
        return new Recipe(protocol, params, seed, faults, network, newBudgets, schedule);
    }

    /** The same recipe with these scheduling choices (see {@link Scheduler#replaying}). */
    public Recipe withSchedule(List<Integer> choices) {
        return new Recipe(protocol, params, seed, faults, network, budgets, choices);
    }
}

package dev.faultlab.explore;

import dev.faultlab.sim.BehaviourSpec;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.MonitorSource;
import dev.faultlab.sim.Protocol;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.RecipeException;
import dev.faultlab.sim.Simulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Byzantine choices of a search. The kernel gives a Byzantine node's conduct to an adversary that a BYZANTINE
 * fault builds from one of the protocol's behaviours, and asks it nothing afterwards: the choice a faulty node makes
 * is the behaviour, made at the fault. So the search starts from every recipe that swaps a BYZANTINE fault's
 * behaviour for another of the protocol's, the recipe's own first: where, when and to whom the node turns stays as
 * the recipe has it. A behaviour whose parameters do not fit the fault's (a scripted table of lies needs its own
 * rows) is left out.
 */
final class ByzantineChoices {
    /** The most start recipes: with a handful of behaviours, enough for three Byzantine nodes. */
    static final int MAX_STARTS = 216;

    private ByzantineChoices() {
    }

    /** The start recipes: the recipe itself, then each other combination of behaviours, at most {@link #MAX_STARTS}. */
    static List<Recipe> starts(Recipe recipe, ProtocolRegistry registry) {
        Protocol protocol = registry.find(recipe.protocol()).orElse(null);
        List<Recipe> starts = new ArrayList<>(List.of(recipe));
        if (protocol == null || protocol.behaviours().isEmpty()) {
            return starts;
        }
        List<Recipe> variants = List.of(recipe);
        for (int i = 0; i < recipe.faults().size(); i++) {
            Fault fault = recipe.faults().get(i);
            if (fault.kind() != FaultKind.BYZANTINE) {
                continue;
            }
            List<Recipe> next = new ArrayList<>();
            for (Recipe variant : variants) {
                for (BehaviourSpec behaviour : protocol.behaviours()) {
                    if (next.size() < MAX_STARTS) {
                        next.add(variant.withFaults(withBehaviour(variant.faults(), i, behaviour.name())));
                    }
                }
            }
            variants = next;
        }
        for (Recipe variant : variants) {
            if (!variant.equals(recipe) && starts.size() < MAX_STARTS && fits(variant, registry)) {
                starts.add(variant);
            }
        }
        return starts;
    }

    private static List<Fault> withBehaviour(List<Fault> faults, int index, String behaviour) {
        Fault fault = faults.get(index);
        Map<String, Object> params = new LinkedHashMap<>(fault.params());
        params.put("behaviour", behaviour);
        List<Fault> changed = new ArrayList<>(faults);
        changed.set(index, new Fault(fault.at(), fault.atEvent(), fault.kind(), fault.target(), params));
        return changed;
    }

    private static boolean fits(Recipe recipe, ProtocolRegistry registry) {
        try {
            Simulation.explore(recipe, registry, MonitorSource.PROTOCOL);
            return true;
        } catch (RecipeException e) {
            return false;
        }
    }
}

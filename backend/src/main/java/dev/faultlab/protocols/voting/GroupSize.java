package dev.faultlab.protocols.voting;

import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.MonitorSource;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds by running the protocol the smallest group that masks k faults of a kind: for n = 1, 2, ... it runs the
 * group with k faulty replicas, first the lowest k and then the highest k, with every harmful behaviour of the kind
 * (a crash at the start for fail-silent; each value fault for the others), and returns the first n for which every
 * one of those runs keeps all the monitors green.
 */
public final class GroupSize {
    private GroupSize() {
    }

    /** One group tried: its size, and the first run that broke a property (null if none did). */
    public record Trial(int n, Recipe broken, String why) {
    }

    public static int smallest(ProtocolRegistry registry, Model model, int k, int input) {
        List<Trial> trials = search(registry, model, k, input);
        return trials.get(trials.size() - 1).n();
    }

    /** Every group tried, from one replica to the smallest that masks the faults. */
    public static List<Trial> search(ProtocolRegistry registry, Model model, int k, int input) {
        List<Trial> trials = new ArrayList<>();
        for (int n = 1; ; n++) {
            Trial trial = trial(registry, model, k, input, n);
            trials.add(trial);
            if (trial.broken() == null) {
                return trials;
            }
        }
    }

    private static Trial trial(ProtocolRegistry registry, Model model, int k, int input, int n) {
        // With n <= k every replica is faulty.
        for (List<Integer> faulty : List.of(range(0, Math.min(k, n)), range(Math.max(0, n - k), n))) {
            for (String behaviour : model == Model.FAIL_SILENT ? List.of("crash") : List.of(Behaviours.WRONG_VALUE, Behaviours.TWO_FACED)) {
                List<Fault> faults = new ArrayList<>();
                for (int replica : faulty) {
                    faults.add(behaviour.equals("crash") ? Fault.at(0, FaultKind.CRASH, replica)
                            : Fault.at(0, FaultKind.BYZANTINE, replica, Map.of("behaviour", behaviour)));
                }
                Recipe recipe = recipe(model, k, input, n, faults);
                Simulation run = Simulation.start(recipe, registry, MonitorSource.PROTOCOL);
                run.runToEnd();
                var broken = run.properties().stream().map(p -> p.now().violation()).filter(v -> v != null).findFirst();
                if (broken.isPresent()) {
                    return new Trial(n, recipe, broken.get().explanation());
                }
            }
        }
        return new Trial(n, null, null);
    }

    public static Recipe recipe(Model model, int k, int input, int n, List<Fault> faults) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("n", n);
        params.put("model", model.id());
        params.put("k", k);
        params.put("input", input);
        return Recipe.of(Voting.ID, params, 1).withFaults(faults);
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> ids = new ArrayList<>();
        for (int i = from; i < to; i++) {
            ids.add(i);
        }
        return ids;
    }
}

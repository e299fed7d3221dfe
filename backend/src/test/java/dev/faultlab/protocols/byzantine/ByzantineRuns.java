package dev.faultlab.protocols.byzantine;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds and runs Byzantine agreement recipes for the tests. */
final class ByzantineRuns {
    private ByzantineRuns() {
    }

    static Recipe recipe(int n, int m, List<String> values, long seed, List<Fault> traitors) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("n", n);
        params.put("m", m);
        if (values != null) {
            params.put("values", values);
        }
        return Recipe.of(ByzantineAgreement.ID, params, seed).withFaults(traitors);
    }

    static Simulation run(Recipe recipe) {
        Simulation sim = Simulation.start(recipe, Protocols.registry());
        sim.runToEnd();
        return sim;
    }

    static Simulation run(int n, int m, List<String> values, Fault... traitors) {
        return run(recipe(n, m, values, 1, List.of(traitors)));
    }

    /** Makes {@code node} a traitor from the start. */
    static Fault traitor(int node, String behaviour, Map<String, Object> params) {
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.put("behaviour", behaviour);
        return Fault.at(0, FaultKind.BYZANTINE, node, all);
    }

    static Fault traitor(int node, String behaviour) {
        return traitor(node, behaviour, Map.of());
    }

    /** A row of a scripted table: tell {@code to} that {@code path} (seed notation, "4:0") says {@code value}. */
    static Map<String, Object> lie(int to, String path, String value) {
        return Map.of("to", to, "path", path, "value", value);
    }
}

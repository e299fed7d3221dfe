package dev.faultlab.protocols.omcast;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Delay;
import dev.faultlab.sim.LinkSpec;
import dev.faultlab.sim.MonitorSource;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.PropertyStatus;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Running ordered-multicast recipes in tests and reading what the members delivered. */
final class OmcastRuns {
    private OmcastRuns() {
    }

    /** The lecture's figure: P2 multicasts m1, P3 multicasts m2 once it has delivered m1, and m1 is slow to reach P1. */
    static Recipe lectureFigure(String ordering) {
        return Recipe.of(OrderedMulticast.ID, params("n", 3, "ordering", ordering,
                        "multicasts", List.of(List.of(1, 0), List.of(2, 0, 1))), 1)
                .withNetwork(new NetworkSpec(Delay.constant(1), 0, 0, true, List.of(new LinkSpec(1, 0, Delay.constant(10), null))));
    }

    static Map<String, Object> params(Object... pairs) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put((String) pairs[i], pairs[i + 1]);
        }
        return params;
    }

    static Simulation run(Recipe recipe) {
        Simulation sim = Simulation.start(recipe, Protocols.registry(), MonitorSource.PROTOCOL);
        sim.runToEnd();
        return sim;
    }

    /** Each member's deliveries, as "name label" texts, in order. */
    static List<List<String>> delivered(Simulation sim, int members) {
        List<List<String>> all = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            all.add(new ArrayList<>());
        }
        for (TraceEvent e : sim.trace().events()) {
            if (Output.of(e) instanceof Output.Deliver d && d.message() instanceof Delivered delivered) {
                all.get(e.node()).add(delivered.id().name() + (delivered.diagramLabel() == null ? "" : " " + delivered.diagramLabel()));
            }
        }
        return all;
    }

    static PropertyStatus.Change status(Simulation sim, String property) {
        return sim.properties().stream().filter(p -> p.property().equals(property)).findFirst().orElseThrow().now();
    }

    static String dump(Simulation sim) {
        return sim.trace().events().stream().map(String::valueOf).collect(Collectors.joining("\n"));
    }
}

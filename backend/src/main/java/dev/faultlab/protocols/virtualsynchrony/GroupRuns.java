package dev.faultlab.protocols.virtualsynchrony;

import dev.faultlab.check.Verdict;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.MonitorSource;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.Params;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs a recipe of the protocol with its monitors, and reads what it delivered in which view. */
public final class GroupRuns {
    private GroupRuns() {
    }

    /** A finished run and what each of its monitors says of it. */
    public record Watched(Simulation run, List<Verdict> verdicts) {
        public Optional<Verdict> firstViolation() {
            return verdicts.stream().filter(v -> !v.holds()).findFirst();
        }

        public Verdict viewSynchrony() {
            return verdicts.stream().filter(v -> v.property().equals(ViewSynchronyMonitor.NAME)).findFirst().orElseThrow();
        }
    }

    public static Watched watch(Recipe recipe, ProtocolRegistry registry) {
        List<Monitor> monitors = new ArrayList<>();
        MonitorSource source = (protocol, params, r) -> {
            monitors.clear();
            monitors.addAll(protocol.monitors(params, r.network()));
            return monitors;
        };
        Simulation run = Simulation.start(recipe, registry, source);
        run.runToEnd();
        return new Watched(run, monitors.stream().map(Verdict::of).toList());
    }

    /** The multicasts a recipe plans, as [process id, time] pairs in the order given (or the default workload's). */
    public static List<List<Integer>> plannedMulticasts(Recipe recipe) {
        GroupConfig config = GroupConfig.of(Params.check(new VirtualSynchrony().parameters(), recipe.params(), recipe.seed()));
        return config.multicasts().stream().map(p -> List.of(p.node(), p.time())).toList();
    }

    /** The number of processes of a recipe. */
    public static int processes(Recipe recipe) {
        return Params.check(new VirtualSynchrony().parameters(), recipe.params(), recipe.seed()).getInt("n");
    }

    /** The same recipe with the flush switched on or off. */
    public static Recipe withFlush(Recipe recipe, boolean flush) {
        Map<String, Object> params = new LinkedHashMap<>(recipe.params());
        params.put("flush", flush);
        return new Recipe(recipe.protocol(), params, recipe.seed(), recipe.faults(), recipe.network(), recipe.budgets(),
                recipe.schedule());
    }

    /** One delivery of the run: {@code node} delivered {@code message} while in {@code view}, at event {@code event}. */
    public record Delivery(int node, MessageId message, int multicastIn, int view, int event) {
    }

    /** Every delivery of a finished run, in trace order, with the view each deliverer was in. */
    public static List<Delivery> deliveries(Simulation run) {
        Map<Integer, Integer> views = new LinkedHashMap<>();
        List<Delivery> deliveries = new ArrayList<>();
        for (TraceEvent event : run.trace().events()) {
            Output output = Output.of(event);
            if (output instanceof Output.ViewInstalled installed) {
                views.put(event.node(), (int) installed.view());
            } else if (output instanceof Output.Deliver deliver && deliver.message() instanceof Data data) {
                deliveries.add(new Delivery(event.node(), data.id(), data.view(), views.getOrDefault(event.node(), 0), event.seq()));
            }
        }
        return deliveries;
    }
}

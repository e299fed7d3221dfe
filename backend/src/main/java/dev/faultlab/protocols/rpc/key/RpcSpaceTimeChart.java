package dev.faultlab.protocols.rpc.key;

import dev.faultlab.chart.Chart;
import dev.faultlab.key.AnswerKey;
import dev.faultlab.key.ChartKey;
import dev.faultlab.key.KeyException;
import dev.faultlab.protocols.rpc.CrashRuns;
import dev.faultlab.protocols.rpc.Execution;
import dev.faultlab.protocols.rpc.Rpc;
import dev.faultlab.protocols.rpc.ServerCrash;
import dev.faultlab.protocols.rpc.Strategy;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code rpc.spacetime}: the space-time diagram of one call, drawn as a chart from its run: a lane per process
 * (P1 the server at height 1, P2 the client at 2), a line per message from its send to its delivery (half-way
 * down for a lost one), and markers where the server does the work, crashes and recovers. {@code crash} is one of
 * the six orderings (the run the table's cell is read from) or {@code none}; {@code strategy} the client's.
 */
final class RpcSpaceTimeChart implements ChartKey {
    static final String NONE = "none";
    private static final AnswerKey.Spec SPEC = new AnswerKey.Spec("rpc.spacetime", Rpc.ID, Set.of("strategy", "crash"));

    private final ProtocolRegistry registry = new ProtocolRegistry(List.of(new Rpc()));

    @Override
    public AnswerKey.Spec spec() {
        return SPEC;
    }

    @Override
    public void check(Map<String, Object> args, String field) {
        strategy(args, field);
        crash(args, field);
    }

    private static Strategy strategy(Map<String, Object> args, String field) {
        Strategy strategy = Strategy.of(String.valueOf(args.get("strategy")));
        if (strategy == null) {
            throw new KeyException(field + ".strategy", "must be one of " + String.join(", ", Strategy.ids()));
        }
        return strategy;
    }

    /** The crash ordering named, or null for none. */
    private static ServerCrash crash(Map<String, Object> args, String field) {
        Object named = args.getOrDefault("crash", NONE);
        if (NONE.equals(named)) {
            return null;
        }
        return Arrays.stream(ServerCrash.values()).filter(c -> c.id().equals(named)).findFirst().orElseThrow(() ->
                new KeyException(field + ".crash", "must be none or one of " + String.join(", ",
                        Arrays.stream(ServerCrash.values()).map(ServerCrash::id).toList())));
    }

    @Override
    public Chart chart(Map<String, Object> args) {
        Strategy strategy = strategy(args, "");
        ServerCrash crash = crash(args, "");
        Recipe scenario = Recipe.of(Rpc.ID, Map.of("strategy", strategy.id()), 1);
        Simulation run;
        if (crash == null) {
            run = Simulation.start(scenario, registry);
            run.runToEnd();
        } else {
            run = CrashRuns.run(registry, scenario, strategy, crash).run();
        }
        String title = "One call, " + (crash == null ? "no failure" : "crash " + crash.label()) + "; the client: " + strategy.label();
        return new Chart(title, "time (ticks)", "process (1 = P1 server, 2 = P2 client)", series(run));
    }

    private static List<Chart.Series> series(Simulation run) {
        List<TraceEvent> events = run.trace().events();
        long end = events.get(events.size() - 1).time();
        List<Chart.Series> series = new ArrayList<>();
        for (int node = 0; node < run.nodeCount(); node++) {
            series.add(new Chart.Series(ProcessLabel.of(node) + " " + run.roles().get(node),
                    List.of(new Chart.Point(0, lane(node)), new Chart.Point(end, lane(node)))));
        }
        Map<Integer, TraceEvent> sends = new HashMap<>();
        for (TraceEvent event : events) {
            if (event.kind() == EventKind.SEND) {
                sends.put(event.message(), event);
            } else if (event.kind() == EventKind.DELIVER || event.kind() == EventKind.DROP) {
                TraceEvent send = sends.get(event.message());
                boolean lost = event.kind() == EventKind.DROP;
                double arrival = lost ? (lane(send.node()) + lane(send.peer())) / 2.0 : lane(event.node());
                series.add(new Chart.Series(((Message) send.payload()).type() + " " + ProcessLabel.of(send.node()) + " to "
                        + ProcessLabel.of(send.peer()) + ", sent at t=" + send.time() + (lost ? " (lost)" : ""),
                        List.of(new Chart.Point(send.time(), lane(send.node())), new Chart.Point(event.time(), arrival))));
            } else if (event.kind() == EventKind.CRASH || event.kind() == EventKind.RECOVER
                    || Output.of(event) instanceof Output.Commit commit && commit.entry() instanceof Execution) {
                String what = event.kind() == EventKind.CRASH ? "crashes" : event.kind() == EventKind.RECOVER ? "recovers" : "does the work P";
                series.add(new Chart.Series(ProcessLabel.of(event.node()) + " " + what + " at t=" + event.time() + " (event "
                        + event.seq() + ")", List.of(new Chart.Point(event.time(), lane(event.node())))));
            }
        }
        return series;
    }

    private static int lane(int node) {
        return node + 1;
    }
}

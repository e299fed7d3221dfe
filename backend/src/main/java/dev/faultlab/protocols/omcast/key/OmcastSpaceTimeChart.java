package dev.faultlab.protocols.omcast.key;

import dev.faultlab.chart.Chart;
import dev.faultlab.key.AnswerKey;
import dev.faultlab.key.Args;
import dev.faultlab.key.ChartKey;
import dev.faultlab.key.KeyException;
import dev.faultlab.protocols.omcast.Carrying;
import dev.faultlab.protocols.omcast.Delivered;
import dev.faultlab.protocols.omcast.OrderedMulticast;
import dev.faultlab.sim.Delay;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.LinkSpec;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.RecipeException;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code omcast.spacetime}: the space-time diagram of a run as a figure: time across, the members up (P1 = 1), a
 * line per message from its send to its arrival, and a line along a member's own level while a message that arrived
 * waits in its hold-back queue until delivered. Arguments: the run's {@code n}, {@code ordering}, {@code multicasts}
 * (as the protocol's parameters) and {@code slow}, links slower than the one tick every other message takes, as
 * {@code [from, to, ticks]}. The run is made by the key, so the figure is what the simulator does.
 */
final class OmcastSpaceTimeChart implements ChartKey {
    private static final AnswerKey.Spec SPEC = new AnswerKey.Spec("omcast.spacetime", OrderedMulticast.ID,
            Set.of("n", "ordering", "multicasts", "slow"));
    private final ProtocolRegistry registry = new ProtocolRegistry(List.of(new OrderedMulticast()));

    @Override
    public AnswerKey.Spec spec() {
        return SPEC;
    }

    @Override
    public void check(Map<String, Object> args, String field) {
        recipe(args, field);
    }

    @Override
    public Chart chart(Map<String, Object> args) {
        Simulation run = Simulation.start(recipe(args, "chart"), registry);
        run.runToEnd();
        List<Chart.Series> series = new ArrayList<>();
        Map<Integer, TraceEvent> sends = new HashMap<>();
        /** Per member and message name: when it arrived, for the hold-back lines. Looked up by key only. */
        Map<String, Long> arrived = new HashMap<>();
        for (TraceEvent event : run.trace().events()) {
            if (event.kind() == EventKind.SEND && event.payload() instanceof Carrying) {
                sends.put(event.message(), event);
            } else if (event.kind() == EventKind.DELIVER && event.payload() instanceof Carrying carrying && sends.containsKey(event.message())) {
                TraceEvent send = sends.get(event.message());
                String label = carrying.id().name() + " " + ((Message) event.payload()).type().toLowerCase() + ": "
                        + ProcessLabel.of(send.node()) + " → " + ProcessLabel.of(event.node());
                series.add(new Chart.Series(unique(series, label), List.of(point(send.time(), send.node()), point(event.time(), event.node()))));
                arrived.putIfAbsent(event.node() + "/" + carrying.id().name(), event.time());
            } else if (Output.of(event) instanceof Output.Deliver deliver && deliver.message() instanceof Delivered delivered) {
                Long since = arrived.get(event.node() + "/" + delivered.id().name());
                if (since != null && since < event.time()) {
                    series.add(new Chart.Series(delivered.id().name() + " held back at " + ProcessLabel.of(event.node()),
                            List.of(point(since, event.node()), point(event.time(), event.node()))));
                }
            }
        }
        if (series.isEmpty()) {
            throw new KeyException("chart", "the run sends no multicast: give the members something to multicast");
        }
        return new Chart("Space-time diagram", "time (ticks)", "member (P1 = 1)", series);
    }

    /** A duplicated message arrives twice: its second line is labelled as such. */
    private static String unique(List<Chart.Series> series, String label) {
        List<String> taken = series.stream().map(Chart.Series::label).toList();
        String candidate = label;
        for (int copy = 2; taken.contains(candidate); copy++) {
            candidate = label + " (copy " + copy + ")";
        }
        return candidate;
    }

    private static Chart.Point point(long time, int node) {
        return new Chart.Point(time, node + 1);
    }

    private static Recipe recipe(Map<String, Object> args, String field) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("n", Args.integer(args, "n", field));
        if (!(args.get("ordering") instanceof String ordering)) {
            throw new KeyException(field + ".ordering", "must name an ordering, such as causal");
        }
        params.put("ordering", ordering);
        if (!(args.get("multicasts") instanceof List<?> multicasts)) {
            throw new KeyException(field + ".multicasts", "must list the multicasts as the protocol's parameter does");
        }
        params.put("multicasts", multicasts);
        List<LinkSpec> links = new ArrayList<>();
        if (args.get("slow") instanceof List<?> slow) {
            for (int i = 0; i < slow.size(); i++) {
                if (!(slow.get(i) instanceof List<?> link) || link.size() != 3 || !link.stream().allMatch(Integer.class::isInstance)
                        || (Integer) link.get(2) < 1) {
                    throw new KeyException(field + ".slow[" + i + "]", "must be [from, to, ticks] in whole numbers, ticks at least 1");
                }
                links.add(new LinkSpec((Integer) link.get(0), (Integer) link.get(1), Delay.constant((Integer) link.get(2)), null));
            }
        } else if (args.containsKey("slow")) {
            throw new KeyException(field + ".slow", "must list the slow links as [from, to, ticks]");
        }
        Recipe recipe = Recipe.of(OrderedMulticast.ID, params, 1).withNetwork(new NetworkSpec(Delay.constant(1), 0, 0, true, links));
        try {
            Simulation.start(recipe, new ProtocolRegistry(List.of(new OrderedMulticast())));
        } catch (RecipeException e) {
            throw new KeyException(field, e.getMessage());
        }
        return recipe;
    }
}

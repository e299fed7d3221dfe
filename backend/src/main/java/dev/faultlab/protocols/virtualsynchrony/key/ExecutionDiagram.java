package dev.faultlab.protocols.virtualsynchrony.key;

import dev.faultlab.chart.Chart;
import dev.faultlab.key.AnswerKey;
import dev.faultlab.key.ChartKey;
import dev.faultlab.protocols.virtualsynchrony.Data;
import dev.faultlab.protocols.virtualsynchrony.Flush;
import dev.faultlab.protocols.virtualsynchrony.GroupView;
import dev.faultlab.protocols.virtualsynchrony.ViewChange;
import dev.faultlab.protocols.virtualsynchrony.VirtualSynchrony;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code vsync.execution-diagram {case}}: the space-time diagram of the run of the lecture's execution
 * {@code case} (see {@link Execution}), drawn as a chart: time across, one horizontal line per process (p on top),
 * a line from each send to its arrival for m, its flush copies, the view change and the flushes, and a point
 * where p crashes, where m is delivered and where a view is installed. Heartbeats and acknowledgements are left out.
 */
final class ExecutionDiagram implements ChartKey {
    static final String NAME = "vsync.execution-diagram";
    private static final AnswerKey.Spec SPEC = new AnswerKey.Spec(NAME, VirtualSynchrony.ID, Set.of("case"));
    private static final int PROCESSES = 3;
    private static final String[] NAMES = {"p", "q", "r"};

    private final ProtocolRegistry registry = new ProtocolRegistry(List.of(new VirtualSynchrony()));

    @Override
    public AnswerKey.Spec spec() {
        return SPEC;
    }

    @Override
    public void check(Map<String, Object> args, String field) {
        Execution.of(args, field);
    }

    @Override
    public Chart chart(Map<String, Object> args) {
        Execution execution = Execution.of(args, "chart");
        Simulation run = Simulation.start(execution.recipe(), registry);
        run.runToEnd();
        List<TraceEvent> trace = run.trace().events();
        Map<Integer, TraceEvent> sends = new HashMap<>();
        List<Chart.Series> series = new ArrayList<>();
        long end = 0;
        long[] crashed = new long[PROCESSES];
        for (TraceEvent event : trace) {
            if (event.kind() == EventKind.SEND && drawn(event)) {
                sends.put(event.message(), event);
            } else if (event.kind() == EventKind.DELIVER && sends.containsKey(event.message())) {
                TraceEvent send = sends.get(event.message());
                series.add(new Chart.Series(what(send) + " " + ProcessLabel.of(send.node()) + " to " + ProcessLabel.of(event.node()),
                        List.of(point(send.time(), send.node()), point(event.time(), event.node()))));
                end = Math.max(end, event.time());
            } else if (event.kind() == EventKind.CRASH) {
                crashed[event.node()] = event.time();
                series.add(new Chart.Series(NAMES[event.node()] + " crashes", List.of(point(event.time(), event.node()))));
            } else if (Output.of(event) instanceof Output.Deliver deliver && deliver.message() instanceof Data data) {
                series.add(new Chart.Series(NAMES[event.node()] + " delivers " + data.id().label() + " in view " + data.view()
                        + (viewOf(trace, event) == data.view() ? "" : " while in view " + viewOf(trace, event)),
                        List.of(point(event.time(), event.node()))));
                end = Math.max(end, event.time());
            } else if (Output.of(event) instanceof Output.ViewInstalled installed && installed.view() > 1) {
                series.add(new Chart.Series(NAMES[event.node()] + " installs view " + installed.view() + " "
                        + GroupView.labels(installed.members()), List.of(point(event.time(), event.node()))));
                end = Math.max(end, event.time());
            }
        }
        List<Chart.Series> all = new ArrayList<>();
        for (int node = 0; node < PROCESSES; node++) {
            long until = crashed[node] > 0 ? crashed[node] : end + 2;
            all.add(new Chart.Series(NAMES[node] + " (" + ProcessLabel.of(node) + ")", List.of(point(0, node), point(until, node))));
        }
        all.addAll(series);
        return new Chart("Execution (" + execution.id() + ")", "time (ticks)", "process: 3 = p, 2 = q, 1 = r", all);
    }

    private static boolean drawn(TraceEvent event) {
        return event.payload() instanceof Data || event.payload() instanceof ViewChange || event.payload() instanceof Flush;
    }

    private static String what(TraceEvent send) {
        if (send.payload() instanceof Data data) {
            return data.id().origin() == send.node() ? data.id().label() : data.id().label() + " (flush copy)";
        }
        return send.payload() instanceof ViewChange ? "view change" : "flush";
    }

    private static long viewOf(List<TraceEvent> trace, TraceEvent at) {
        long view = 0;
        for (TraceEvent event : trace.subList(0, at.seq())) {
            if (event.node() == at.node() && Output.of(event) instanceof Output.ViewInstalled installed) {
                view = installed.view();
            }
        }
        return view;
    }

    private static Chart.Point point(long time, int node) {
        return new Chart.Point(time, PROCESSES - node);
    }
}

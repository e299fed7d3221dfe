package dev.faultlab.protocols.messagelogging.key;

import dev.faultlab.key.Args;
import dev.faultlab.key.Grid;
import dev.faultlab.key.GridKey;
import dev.faultlab.key.GridReasons;
import dev.faultlab.key.KeyException;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.messagelogging.AppMessage;
import dev.faultlab.protocols.messagelogging.LoggingReading;
import dev.faultlab.protocols.messagelogging.MessageLogging;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code logging.replayed} ({@code node}): for each application message that reached {@code node} before its first
 * crash, {@code yes} if its recovery replayed it from the log, else {@code no}.
 */
final class ReplayedKey implements GridKey {
    static final String NAME = "logging.replayed";
    static final String COLUMN = "replayed";
    private static final Spec SPEC = new Spec(NAME, MessageLogging.ID, Set.of("node"));

    private record Reading(int node, List<String> messages, List<Integer> arrivals, LoggingReading.Recovery recovery) {
    }

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void check(Map<String, Object> args, String field) {
        if (Args.integer(args, "node", field) < 0) {
            throw new KeyException(field + ".node", "must be a process id, from 0");
        }
    }

    @Override
    public Grid expected(Reference reference, Map<String, Object> args) {
        Reading reading = read(reference, args);
        List<Grid.Axis> rows = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : reading.messages()) {
            rows.add(new Grid.Axis(name, name));
            values.put(Grid.cell(name, COLUMN), reading.recovery().replayed().contains(name) ? "yes" : "no");
        }
        return new Grid(rows, List.of(new Grid.Axis(COLUMN, "replayed by " + ProcessLabel.of(reading.node()) + "'s recovery")),
                values, List.of("yes", "no"));
    }

    @Override
    public GridReasons reasons(Reference reference, Map<String, Object> args) {
        return new GridReasons() {
            @Override
            public String cell(String cell) {
                return "a recovering process restores its checkpoint and replays exactly the messages on stable storage "
                        + "after it; a message kept only in memory was lost in the crash";
            }

            @Override
            public String row(String row) {
                return "find when the message reached the process, and whether it was written to stable storage before the crash";
            }
        };
    }

    @Override
    public Solution solution(Reference reference, Map<String, Object> args) {
        Reading reading = read(reference, args);
        List<Solution.Step> steps = new ArrayList<>();
        for (int i = 0; i < reading.messages().size(); i++) {
            String name = reading.messages().get(i);
            boolean replayed = reading.recovery().replayed().contains(name);
            steps.add(new Solution.Step(name, replayed ? name + " was on stable storage when " + ProcessLabel.of(reading.node())
                    + " crashed, so its recovery replays it." : name + " was not on stable storage when "
                    + ProcessLabel.of(reading.node()) + " crashed: the recovery cannot replay it.", List.of(reading.arrivals().get(i))));
        }
        steps.add(new Solution.Step("The recovery", ProcessLabel.of(reading.node()) + " replayed "
                + (reading.recovery().replayed().isEmpty() ? "nothing" : String.join(", ", reading.recovery().replayed()))
                + " and kept its state up to interval " + reading.recovery().kept() + ".", List.of(reading.recovery().event())));
        return new Solution(steps);
    }

    private static Reading read(Reference reference, Map<String, Object> args) {
        int node = Args.integer(args, "node", "answer");
        if (node >= reference.run().nodeCount()) {
            throw new KeyException("answer.node", "the run has no process " + ProcessLabel.of(node));
        }
        List<TraceEvent> events = reference.run().trace().events();
        int crash = events.stream().filter(e -> e.kind() == EventKind.CRASH && e.node() == node).mapToInt(TraceEvent::seq)
                .findFirst().orElseThrow(() -> new KeyException("answer.node", ProcessLabel.of(node) + " never crashes in the reference run"));
        List<LoggingReading.Recovery> recoveries = LoggingKeys.reading(reference).crashRecoveries(node);
        if (recoveries.isEmpty()) {
            throw new KeyException("answer.node", ProcessLabel.of(node) + " never recovers in the reference run");
        }
        List<String> messages = new ArrayList<>();
        List<Integer> arrivals = new ArrayList<>();
        for (TraceEvent event : events.subList(0, crash)) {
            if (event.kind() == EventKind.DELIVER && event.node() == node && event.payload() instanceof AppMessage m
                    && !messages.contains(m.name())) {
                messages.add(m.name());
                arrivals.add(event.seq());
            }
        }
        return new Reading(node, messages, arrivals, recoveries.get(0));
    }
}

package dev.faultlab.protocols.messagelogging;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run of message logging shows, read event by event as the state inspector shows it (never from the live
 * processes): who was ever an orphan (and why), and each recovery or rollback with what it replayed and skipped.
 * The answer keys and the tests read runs through here.
 */
public record LoggingReading(List<Integer> orphans, List<OrphanWatch.Orphan> firstOrphans, List<Recovery> recoveries) {
    /** One finished recovery (after a crash) or rollback (as an orphan), at the event where it was done. */
    public record Recovery(int node, String cause, List<String> replayed, List<String> skipped, int kept, int event) {
    }

    public LoggingReading {
        orphans = List.copyOf(orphans);
        firstOrphans = List.copyOf(firstOrphans);
        recoveries = List.copyOf(recoveries);
    }

    /** Plays {@code recipe} to its end and reads it. */
    public static LoggingReading of(Recipe recipe, ProtocolRegistry registry) {
        Reader reader = new Reader();
        Simulation run = Simulation.start(recipe, registry, (protocol, params, r) -> List.of(reader));
        run.runToEnd();
        return new LoggingReading(reader.watch.everOrphans(), reader.first, reader.recoveries);
    }

    /** The node's recoveries after a crash, in order. */
    public List<Recovery> crashRecoveries(int node) {
        return recoveries.stream().filter(r -> r.node() == node && r.cause().equals(Replay.CRASH)).toList();
    }

    public boolean rolledBack(int node) {
        return recoveries.stream().anyMatch(r -> r.node() == node && r.cause().equals(Replay.ORPHAN));
    }

    /** A monitor only in name: it reads every event to collect what the keys ask for, and never fails. */
    private static final class Reader implements Monitor {
        private final OrphanWatch watch = new OrphanWatch();
        private final Map<Integer, Object> lastReplay = new LinkedHashMap<>();
        private final List<Recovery> recoveries = new ArrayList<>();
        private List<OrphanWatch.Orphan> first = List.of();

        @Override
        public String property() {
            return "reading";
        }

        @Override
        public void onEvent(TraceEvent event, States states) {
            watch.onEvent(event, states);
            if (first.isEmpty()) {
                first = watch.orphans();
            }
            int node = event.node();
            if (event.kind() == EventKind.CRASH) {
                lastReplay.remove(node);
            }
            if (node < 0 || event.kind() == EventKind.END || !states.up(node)) {
                return;
            }
            Object replay = states.state(node).get("replay");
            if (replay instanceof Map<?, ?> map && Boolean.TRUE.equals(map.get("done")) && !replay.equals(lastReplay.get(node))) {
                lastReplay.put(node, replay);
                recoveries.add(new Recovery(node, (String) map.get("cause"), names(map.get("replayed")), names(map.get("skipped")),
                        ((Number) map.get("kept")).intValue(), event.seq()));
            }
        }

        private static List<String> names(Object raw) {
            return ((List<?>) raw).stream().map(String::valueOf).toList();
        }

        @Override
        public Violation violation() {
            return null;
        }
    }
}

package dev.faultlab.run;

import dev.faultlab.check.Valency;
import dev.faultlab.check.ValencySearch;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The valency of a run's configuration at an event, for the run view, with the messages then in the network (the
 * scheduler's to deliver, hold or release). The search is bounded in time; results are kept per configuration (the
 * recipe up to the event, and the event), so stepping back and forth, or two students on one run, search once.
 */
public final class RunValency {
    /** A live request waits at most this long; the search then says "unknown" and why. */
    static final ValencySearch.Bounds BOUNDS = new ValencySearch.Bounds(15_000, 2_500, 60, 200, 1);
    private static final int KEPT = 512;

    /** A message sent and not yet delivered or dropped at the event; {@code held} when a HOLD action keeps it. */
    public record InFlight(int message, int from, int to, String type, Object payload, boolean held) {
    }

    public record ValencyAt(int at, String label, List<Object> reachable, boolean exhausted, long states, String why,
                            List<InFlight> messages) {
    }

    private record Key(Recipe configuration, int at) {
    }

    private static final Map<Key, Valency> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Valency> eldest) {
            return size() > KEPT;
        }
    };

    private RunValency() {
    }

    /** {@code events}: the run's events up to and including {@code at}. */
    static ValencyAt of(ProtocolRegistry registry, Recipe recipe, int at, List<TraceEvent> events) {
        Recipe upTo = recipe.withFaults(recipe.faults().stream().filter(f -> f.atEvent() == null || f.atEvent() <= at + 1).toList());
        Key key = new Key(upTo, at);
        Valency valency;
        synchronized (CACHE) {
            valency = CACHE.get(key);
        }
        if (valency == null) {
            valency = ValencySearch.of(registry, ValencySearch.configuration(registry, upTo, at), BOUNDS);
            synchronized (CACHE) {
                CACHE.put(key, valency);
            }
        }
        return new ValencyAt(at, valency.label(), valency.reachable(), valency.exhausted(), valency.states(), valency.why(),
                inFlight(events));
    }

    /** Messages sent and neither delivered nor dropped by the end of {@code events}, in the order sent. */
    static List<InFlight> inFlight(List<TraceEvent> events) {
        Map<Integer, TraceEvent> sent = new LinkedHashMap<>();
        Map<Integer, Boolean> held = new LinkedHashMap<>();
        for (TraceEvent event : events) {
            if (event.kind() == EventKind.SEND) {
                sent.put(event.message(), event);
            } else if (event.kind() == EventKind.DELIVER || event.kind() == EventKind.DROP) {
                sent.remove(event.message());
            } else if (event.kind() == EventKind.FAULT && event.message() >= 0) {
                held.put(event.message(), "HOLD".equals(event.detail()));
            }
        }
        List<InFlight> messages = new ArrayList<>();
        sent.forEach((id, send) -> messages.add(new InFlight(id, send.node(), send.peer(),
                send.payload() instanceof Message m ? m.type() : null, send.payload(), held.getOrDefault(id, false))));
        return messages;
    }
}

package dev.faultlab.check;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.FailureModel;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.TraceEvent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Agreement, one event at a time: it turns false at the first decision that differs from the decision of
 * another process, both correct so far. (A process that fails later no longer counts: the finished run's
 * verdict, {@link Agreement#check}, judges with the processes correct at the end.)
 */
public final class AgreementMonitor implements Monitor {
    private final FaultyProcesses faulty;
    /** First decision of each process: its event and value, in the order they were made. */
    private final Map<Integer, Integer> eventOf = new LinkedHashMap<>();
    private final Map<Integer, Object> valueOf = new LinkedHashMap<>();
    private Violation violation;

    public AgreementMonitor(FailureModel model) {
        this.faulty = new FaultyProcesses(model);
    }

    @Override
    public String property() {
        return Agreement.NAME;
    }

    @Override
    public void onEvent(TraceEvent event) {
        faulty.onEvent(event);
        if (event.kind() != EventKind.DECIDE || eventOf.containsKey(event.node())) {
            return;
        }
        eventOf.put(event.node(), event.seq());
        valueOf.put(event.node(), event.payload());
        if (violation != null || faulty.faulty(event.node())) {
            return;
        }
        for (Map.Entry<Integer, Object> other : valueOf.entrySet()) {
            int node = other.getKey();
            if (node != event.node() && !faulty.faulty(node) && !Objects.equals(other.getValue(), event.payload())) {
                violation = new Violation(Agreement.NAME, event.seq(), "P" + node + " decided " + other.getValue()
                        + " but P" + event.node() + " decided " + event.payload(), List.of(eventOf.get(node), event.seq()));
                return;
            }
        }
    }

    @Override
    public Violation violation() {
        return violation;
    }

    /** The first decisions seen, for the verdict on a finished run. */
    Decisions decisions(java.util.BitSet faultyAtEnd) {
        Map<Integer, Integer> events = new LinkedHashMap<>();
        Map<Integer, Object> values = new LinkedHashMap<>();
        eventOf.forEach((node, seq) -> {
            if (!faultyAtEnd.get(node)) {
                events.put(node, seq);
                values.put(node, valueOf.get(node));
            }
        });
        return new Decisions(events, values);
    }
}

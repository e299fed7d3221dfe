package dev.faultlab.protocols.rpc;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The calls of a run as its trace shows them: when each was first sent and at which events the server carried it
 * out. What the semantics monitors and the answer keys count.
 */
public final class Executions {
    private final Map<CallId, Integer> issued = new TreeMap<>();
    private final Map<CallId, List<TraceEvent>> executions = new TreeMap<>();

    /** Reads one event; returns the execution it records, or null. */
    public Execution read(TraceEvent event) {
        if (event.kind() == EventKind.SEND && event.payload() instanceof Call call && event.node() != RpcConfig.SERVER) {
            issued.putIfAbsent(new CallId(event.node(), call.seq()), event.seq());
        } else if (Output.of(event) instanceof Output.Commit commit && commit.entry() instanceof Execution execution) {
            executions.computeIfAbsent(new CallId(execution.client(), execution.seq()), id -> new ArrayList<>()).add(event);
            return execution;
        }
        return null;
    }

    /** The events at which the server carried out {@code call}, in trace order. */
    public List<TraceEvent> of(CallId call) {
        return executions.getOrDefault(call, List.of());
    }

    /** Every call a client sent, with the event of its first request. */
    public Map<CallId, Integer> issued() {
        return issued;
    }

    /** The first call sent that the server never carried out, or null. */
    public CallId neverCarriedOut() {
        return issued.keySet().stream().filter(call -> of(call).isEmpty()).findFirst().orElse(null);
    }
}

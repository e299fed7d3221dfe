package dev.faultlab.protocols.paxos;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.Trace;
import dev.faultlab.sim.TraceEvent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Two leaders compete when two servers send ACCEPTs of different operations for the same timestamp. */
public final class CompetingLeaders {
    /** Where it shows: the two ACCEPT sends. */
    public record Competition(String explanation, List<Integer> witnesses) {
    }

    private record First(int server, Op op, int seq) {
    }

    private CompetingLeaders() {
    }

    public static Optional<Competition> in(Trace trace) {
        Map<Integer, First> first = new HashMap<>();
        for (int i = 0; i < trace.size(); i++) {
            TraceEvent event = trace.event(i);
            if (event.kind() != EventKind.SEND || !(event.payload() instanceof Accept accept)) {
                continue;
            }
            First earlier = first.putIfAbsent(accept.t(), new First(event.node(), accept.op(), event.seq()));
            if (earlier != null && earlier.server() != event.node() && !earlier.op().equals(accept.op())) {
                return Optional.of(new Competition(ProcessLabel.of(earlier.server()) + " sent ACCEPT(" + earlier.op() + ", " + accept.t()
                        + ") and " + ProcessLabel.of(event.node()) + " sent ACCEPT(" + accept.op() + ", " + accept.t() + ")",
                        List.of(earlier.seq(), event.seq())));
            }
        }
        return Optional.empty();
    }
}

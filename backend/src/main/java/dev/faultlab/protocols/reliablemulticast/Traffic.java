package dev.faultlab.protocols.reliablemulticast;

import dev.faultlab.check.Verdict;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** What a finished run of reliable multicast shows, read from its trace as a student reads the run view. */
public final class Traffic {
    private Traffic() {
    }

    /** Feedback messages (ACKs and NACKs) that reach the sender P1: what the lecture calls feedback implosion. */
    public static int feedbackAtSender(Simulation run) {
        int count = 0;
        for (TraceEvent event : run.trace().events()) {
            if (event.kind() == EventKind.DELIVER && event.node() == 0 && (event.payload() instanceof Ack || event.payload() instanceof Nack)) {
                count++;
            }
        }
        return count;
    }

    /** The numbers of P1's messages that reach {@code receiver} as a retransmission (any sender of the copy), ascending. */
    public static TreeSet<Integer> retransmittedTo(Simulation run, int receiver) {
        TreeSet<Integer> seqs = new TreeSet<>();
        for (TraceEvent event : retransmissionsTo(run, receiver)) {
            seqs.add(((Data) event.payload()).seq());
        }
        return seqs;
    }

    /** The DELIVER events of retransmitted copies of P1's messages at {@code receiver}. */
    public static List<TraceEvent> retransmissionsTo(Simulation run, int receiver) {
        List<TraceEvent> events = new ArrayList<>();
        for (TraceEvent event : run.trace().events()) {
            if (event.kind() == EventKind.DELIVER && event.node() == receiver && event.payload() instanceof Data data
                    && data.origin() == 0 && data.copy() == Copy.RETRANSMISSION) {
                events.add(event);
            }
        }
        return events;
    }

    /** The events at which {@code node} sent a NACK (a multicast NACK counts once: the handler event that sent it). */
    public static List<Integer> nacksBy(Simulation run, int node) {
        TreeSet<Integer> handlers = new TreeSet<>();
        for (TraceEvent event : run.trace().events()) {
            if (event.kind() == EventKind.SEND && event.node() == node && event.payload() instanceof Nack) {
                handlers.add(event.parent());
            }
        }
        return new ArrayList<>(handlers);
    }

    /** The messages to {@code receiver} lost on the way (DROP events of P1's DATA). */
    public static List<TraceEvent> lostTo(Simulation run, int receiver) {
        List<TraceEvent> events = new ArrayList<>();
        for (TraceEvent event : run.trace().events()) {
            if (event.kind() == EventKind.DROP && event.peer() == receiver && event.payload() instanceof Data data && data.origin() == 0) {
                events.add(event);
            }
        }
        return events;
    }

    /** The all-or-nothing property judged on a finished run. */
    public static Verdict allOrNothing(Simulation run) {
        AllOrNothing monitor = new AllOrNothing(run.nodeCount());
        for (TraceEvent event : run.trace().events()) {
            monitor.onEvent(event, States.NONE);
        }
        return Verdict.of(monitor);
    }
}

package dev.faultlab.protocols.omcast.key;

import dev.faultlab.key.KeyException;
import dev.faultlab.key.Reference;
import dev.faultlab.protocols.omcast.Carrying;
import dev.faultlab.protocols.omcast.Delivered;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The events a vector-clock exercise asks about, as lab.yaml lists them, and where they are in a run. */
final class ClockEvents {
    private static final List<String> KINDS = List.of("multicast", "receive", "deliver");

    private ClockEvents() {
    }

    /** An event asked about: {@code node} multicasts, receives or delivers {@code message}. */
    record Wanted(int node, String kind, String message) {
        String describe() {
            return ProcessLabel.of(node) + " " + switch (kind) {
                case "multicast" -> "multicasts ";
                case "receive" -> "receives ";
                default -> "delivers ";
            } + message;
        }

        /** The rule that gives the clock after such an event, without its value. */
        String rule() {
            return switch (kind) {
                case "multicast" -> "a member that multicasts adds one to its own entry and sends its whole clock along";
                case "receive" -> "a message that arrives changes no clock until it is delivered: if its timestamp does not admit it, "
                        + "it waits in the hold-back queue";
                default -> "delivering a message from Pj sets entry j to the message's entry j (one more than before); the other "
                        + "entries stay, and the message may let held-back ones through";
            };
        }

        boolean matches(TraceEvent event) {
            if (event.node() != node) {
                return false;
            }
            if (kind.equals("receive")) {
                return event.kind() == EventKind.DELIVER && event.payload() instanceof Carrying carrying && carrying.id().name().equals(message);
            }
            return Output.of(event) instanceof Output.Deliver deliver && deliver.message() instanceof Delivered delivered
                    && delivered.id().name().equals(message) && (kind.equals("deliver") || delivered.id().origin() == node);
        }
    }

    /** An event found in the run: its row, trace index and the member's clock right after it. */
    record Found(String row, Wanted wanted, int seq, List<Integer> clock) {
    }

    /** Row ids a, b, c, ... as the figure labels the events. */
    static String row(int index) {
        return String.valueOf((char) ('a' + index));
    }

    static List<Wanted> of(Map<String, Object> args, String field) {
        if (!(args.get("events") instanceof List<?> events) || events.isEmpty() || events.size() > 26) {
            throw new KeyException(field + ".events", "must list 1 to 26 events as {node, event, message}");
        }
        List<Wanted> wanted = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            String at = field + ".events[" + i + "]";
            if (!(events.get(i) instanceof Map<?, ?> event) || !(event.get("node") instanceof Integer node) || node < 0
                    || !(event.get("event") instanceof String kind) || !KINDS.contains(kind) || !(event.get("message") instanceof String message)) {
                throw new KeyException(at, "must be {node: a member id from 0, event: multicast, receive or deliver, message: a name such as m1}");
            }
            wanted.add(new Wanted(node, kind, message));
        }
        return wanted;
    }

    /**
     * The member's clock right after the event: a delivery (its own multicast too) carries it; a message that arrives
     * changes no clock, so it is the clock the member had before, right after the event before (the arrival starts
     * its handler).
     */
    private static List<Integer> clock(Reference reference, Wanted wanted, TraceEvent at) {
        List<Integer> clock = at.kind() == EventKind.DELIVER ? stateClock(reference, wanted.node(), at.seq() - 1)
                : ((Delivered) ((Output.Deliver) Output.of(at)).message()).clock();
        if (clock == null) {
            throw new KeyException("answer", ProcessLabel.of(wanted.node()) + " keeps no vector clock in this run: use the causal "
                    + "or causal-total ordering");
        }
        return clock;
    }

    private static List<Integer> stateClock(Reference reference, int node, int seq) {
        return reference.processesAt(seq).get(node).state().get("clock") instanceof List<?> clock
                ? clock.stream().map(v -> ((Number) v).intValue()).toList() : null;
    }

    static List<Found> find(Reference reference, List<Wanted> wanted) {
        List<TraceEvent> events = reference.run().trace().events();
        List<Found> found = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            Wanted event = wanted.get(i);
            TraceEvent at = events.stream().filter(event::matches).findFirst()
                    .orElseThrow(() -> new KeyException("answer.events", "the run has no event where " + event.describe()));
            found.add(new Found(row(i), event, at.seq(), clock(reference, event, at)));
        }
        return found;
    }
}

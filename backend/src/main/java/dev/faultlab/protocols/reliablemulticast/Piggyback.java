package dev.faultlab.protocols.reliablemulticast;

import dev.faultlab.sim.Context;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.StateDisplay;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The acknowledgements a member owes in the piggyback scheme (the lecture's Example 26): they ride on its next
 * multicast; a member with nothing to multicast within {@code ackDelay} sends them on their own.
 */
final class Piggyback {
    /** {@code to}: who waits for it (the copy's sender for a positive one, the message's sender for a negative one). */
    record Owed(Feedback feedback, int to) {
    }

    private final List<Owed> owed = new ArrayList<>();

    /** Owes one more (once); true when it is the first, so the caller sets the flush timer. */
    /** The feedback owed, in order, for the member's fingerprint. */
    Object fingerprint() {
        return List.copyOf(owed);
    }

    boolean queue(Feedback feedback, int to) {
        boolean first = owed.isEmpty();
        Owed one = new Owed(feedback, to);
        if (!owed.contains(one)) {
            owed.add(one);
        }
        return first;
    }

    /** The message arrived after all: no NACK for it any more. */
    void received(int origin, int seq) {
        owed.remove(new Owed(new Feedback(origin, seq, false), origin));
    }

    /** Everything owed, to ride on the multicast being sent now. */
    List<Feedback> take(Context ctx) {
        List<Feedback> riding = owed.stream().map(Owed::feedback).toList();
        owed.clear();
        ctx.cancelTimer(Member.FLUSH);
        return riding;
    }

    /** Nothing to ride on came in time: each positive one goes as an ACK, the negative ones as a NACK per sender. */
    void flush(Context ctx, FeedbackCounts counts) {
        TreeMap<Integer, List<Integer>> missing = new TreeMap<>();
        for (Owed one : owed) {
            Feedback feedback = one.feedback();
            if (feedback.positive()) {
                ctx.send(one.to(), new Ack(feedback.origin(), feedback.seq()));
                counts.ack();
            } else {
                missing.computeIfAbsent(feedback.origin(), o -> new ArrayList<>()).add(feedback.seq());
            }
        }
        missing.forEach((origin, seqs) -> {
            ctx.send(origin, new Nack(origin, seqs));
            counts.nack();
        });
        owed.clear();
    }

    StateDisplay.Table table() {
        List<List<Object>> rows = new ArrayList<>();
        for (Owed one : owed) {
            rows.add(StateDisplay.Table.row(one.feedback().toString(), ProcessLabel.of(one.to())));
        }
        return new StateDisplay.Table("Owed acknowledgements", List.of("feedback", "for"), rows);
    }
}

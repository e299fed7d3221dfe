package dev.faultlab.protocols.checkpointing;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.TraceEvent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether the processes' states (live or saved) form a consistent cut: every message a state records as received
 * is recorded as sent in its sender's state. Reads who sent which application message, and where it was sent and
 * received, from the trace as the monitors are fed it.
 */
final class CutCheck {
    /** One process's state at the cut: what it has sent and received. */
    record Picture(List<String> sent, List<String> received) {
    }

    /** A message received in {@code receiver}'s state but never sent in its sender's. */
    record Orphan(String id, int sender, int receiver, List<Integer> witnesses) {
        String explain(String where) {
            return ProcessLabel.of(receiver) + "'s state " + where + " has received " + id + " from " + ProcessLabel.of(sender)
                    + ", but " + ProcessLabel.of(sender) + "'s state never sent it: " + id + " is an orphan message";
        }
    }

    private final Map<String, Integer> sender = new HashMap<>();
    private final Map<String, Integer> sentAt = new HashMap<>();
    private final Map<String, Integer> receivedAt = new HashMap<>();

    void read(TraceEvent event) {
        if (!(event.payload() instanceof App app)) {
            return;
        }
        if (event.kind() == EventKind.SEND) {
            sender.put(app.id(), event.node());
            sentAt.put(app.id(), event.seq());
        } else if (event.kind() == EventKind.DELIVER) {
            receivedAt.put(event.node() + ":" + app.id(), event.seq());
        }
    }

    /**
     * The first orphan, looking at processes in id order and their messages in the order received; null if none. A
     * null picture is a process the cut cannot judge (down, with no checkpoint named): its messages are skipped.
     */
    Orphan orphan(List<Picture> pictures) {
        for (int receiver = 0; receiver < pictures.size(); receiver++) {
            if (pictures.get(receiver) == null) {
                continue;
            }
            for (String id : pictures.get(receiver).received()) {
                Integer from = sender.get(id);
                if (from != null && pictures.get(from) != null && !pictures.get(from).sent().contains(id)) {
                    Integer delivered = receivedAt.get(receiver + ":" + id);
                    List<Integer> witnesses = delivered == null ? List.of(sentAt.get(id)) : List.of(sentAt.get(id), delivered);
                    return new Orphan(id, from, receiver, witnesses);
                }
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    static Picture of(Map<String, Object> view) {
        return new Picture((List<String>) view.getOrDefault("sent", List.of()), (List<String>) view.getOrDefault("received", List.of()));
    }

    static Picture of(SavedCheckpoint checkpoint) {
        return new Picture(checkpoint.sent(), checkpoint.received());
    }
}

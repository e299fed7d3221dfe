package dev.faultlab.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Messages on their way: sending (the sender's faults, the links and the network decide what becomes of a
 * message), delivery (or its loss on arrival), and the messages a student holds or acts on by hand.
 */
final class Transport {
    private static final long ROUND_TICKS = Simulation.ROUND_TICKS;

    private final Kernel kernel;
    private final Network network;
    /** Messages a HOLD action took out of the queue until a RELEASE, DELIVER or DROP. */
    private final List<Deliver> held = new ArrayList<>();
    private int nextMessage;

    Transport(Kernel kernel, Network network) {
        this.kernel = kernel;
        this.network = network;
    }

    Network network() {
        return network;
    }

    /** The messages held by a HOLD action, in the order they were held. */
    List<Enabled> held() {
        return held.stream().map(Deliver::describe).toList();
    }

    int heldCount() {
        return held.size();
    }

    /** {@code voice} is the context the sender speaks through: a handler whose voice is no longer the node's is cut. */
    void send(NodeState from, Context voice, int to, Message message) {
        kernel.beforeEvent();
        // A fault applied just now crashed the sender or turned it Byzantine: this handler stops here.
        Kernel.cutIfSilenced(from, voice);
        if (to < 0 || to >= kernel.n) {
            throw new IllegalArgumentException(ProcessLabel.of(from.id) + " sent to a process that does not exist: " + to);
        }
        if (from.crashReaches != null && !from.crashReaches.contains(to)) {
            return;
        }
        boolean local = to == from.id;
        int id = nextMessage++;
        int lamport = ++from.lamport;
        int sendSeq = kernel.recordAttended(EventKind.SEND, from.id, to, id, kernel.currentCause, message, null, lamport);
        boolean lastSend = from.crashAfterSends > 0 && --from.crashAfterSends == 0;
        if (lastSend) {
            kernel.faults.crash(from);
        }
        if (local) {
            kernel.schedule(new Deliver(localDeliveryTime(), id, from.id, to, message, sendSeq, lamport, kernel.round));
        } else {
            transmit(from, to, message, id, sendSeq, lamport);
        }
        if (lastSend) {
            throw Kernel.CrashedMidHandler.INSTANCE;
        }
        Kernel.cutIfSilenced(from, voice);
    }

    /** What happens to a sent message on its way out: the sender's faults, then the link and the network. */
    private void transmit(NodeState from, int to, Message sent, int id, int sendSeq, int lamport) {
        if (from.sendOmission > 0 && kernel.faults.omits(from.sendOmission)) {
            kernel.record(EventKind.DROP, from.id, to, id, sendSeq, sent, "send omission");
            return;
        }
        boolean clean = network.clean();
        if (!clean) {
            String cut = network.cutOff(from.id, to);
            if (cut != null) {
                kernel.record(EventKind.DROP, from.id, to, id, sendSeq, sent, cut);
                return;
            }
            if (network.losesAtSend(from.id, to)) {
                kernel.record(EventKind.DROP, from.id, to, id, sendSeq, sent, "lost in the network");
                return;
            }
        }
        kernel.schedule(new Deliver(deliveryTime(from, to), id, from.id, to, sent, sendSeq, lamport, kernel.round));
        if (!clean && network.duplicates()) {
            kernel.record(EventKind.DUPLICATE, from.id, to, id, sendSeq, sent, "duplicated by the network");
            kernel.schedule(new Deliver(deliveryTime(from, to), id, from.id, to, sent, sendSeq, lamport, kernel.round));
        }
    }

    /**
     * In a round protocol a message arrives by the round's last tick, even one sent mid-round (by a recovered
     * process); only a timing fault makes a message late.
     */
    private long deliveryTime(NodeState from, int to) {
        long now = kernel.now;
        long maxDelay = kernel.roundBased ? Math.max(0, (long) kernel.round * ROUND_TICKS - 1 - now) : Long.MAX_VALUE;
        return network.deliveryTime(from.id, to, now, from.extraDelay, maxDelay);
    }

    /** A message to oneself takes one tick, and in a round protocol stays inside the round like any other. */
    private long localDeliveryTime() {
        long now = kernel.now;
        return kernel.roundBased ? now + Math.max(0, Math.min(1, (long) kernel.round * ROUND_TICKS - 1 - now)) : now + 1;
    }

    void deliver(Deliver d) {
        kernel.beforeEvent();
        NodeState to = kernel.nodes[d.to];
        String dropped = null;
        if (!to.up) {
            dropped = "receiver crashed";
        } else if (kernel.roundBased && (d.round < kernel.round || kernel.roundsOver)) {
            dropped = "late: arrived after round " + d.round + " ended";
        } else if (d.from != d.to) {
            dropped = network.clean() ? null : network.blocks(d.from, d.to);
            if (dropped == null && to.receiveOmission > 0 && kernel.faults.omits(to.receiveOmission)) {
                dropped = "receive omission";
            }
        }
        if (dropped != null) {
            kernel.record(EventKind.DROP, d.to, d.from, d.message, d.sendSeq, d.payload, dropped);
            return;
        }
        to.lamport = Math.max(to.lamport, d.lamport) + 1;
        int seq = kernel.recordAttended(EventKind.DELIVER, d.to, d.from, d.message, d.sendSeq, d.payload, null, to.lamport);
        if (kernel.roundBased) {
            to.inbox.add(new Delivery(d.from, d.round, d.payload, seq));
            if (to.adversary != null) {
                // A round protocol's honest process reads its inbox at the round's end; an adversary may answer at once.
                kernel.invokeOnMessage(to, seq, d.from, d.payload);
            }
        } else {
            kernel.invokeOnMessage(to, seq, d.from, d.payload);
        }
    }

    // ---------------------------------------------------------------- message actions

    /**
     * The student acting as the network on one in-flight message: a FAULT event naming it (its receiver, sender
     * and id), then what the action does, caused by that event. An action on a message no longer in flight (or
     * not held, for RELEASE) is recorded as such and does nothing.
     */
    void messageAction(Fault recorded, Intervention.MessageAction action) {
        int message = action.message();
        int queued = queuedPosition(message);
        int heldAt = heldIndex(message);
        Deliver d = queued >= 0 ? (Deliver) kernel.queue.itemAt(queued) : heldAt >= 0 ? held.get(heldAt) : null;
        String missing = action.missing(queued >= 0, heldAt >= 0);
        String kind = recorded.kind().name();
        int previousCause = kernel.currentCause;
        kernel.currentCause = kernel.record(EventKind.FAULT, d == null ? -1 : d.to, d == null ? -1 : d.from, message, -1, recorded,
                missing == null ? kind : kind + ": " + missing);
        try {
            if (missing == null) {
                action.act(new Found(d, queued, heldAt));
            }
        } finally {
            kernel.currentCause = previousCause;
        }
    }

    /** Why a message action cannot act on its message right now, or null if it can. */
    String missing(Intervention.MessageAction action) {
        return action.missing(queuedPosition(action.message()) >= 0, heldIndex(action.message()) >= 0);
    }

    /** A message a message action found, queued at a heap position or held at an index. */
    private final class Found implements InFlight {
        private final Deliver d;
        private final int queued;
        private final int heldAt;

        Found(Deliver d, int queued, int heldAt) {
            this.d = d;
            this.queued = queued;
            this.heldAt = heldAt;
        }

        @Override
        public void take() {
            if (queued >= 0) {
                kernel.queue.removeAt(queued);
            } else {
                held.remove(heldAt);
            }
        }

        @Override
        public void hold() {
            held.add(d);
        }

        @Override
        public void release() {
            kernel.schedule(d.at(Math.max(kernel.now, d.time)));
        }

        @Override
        public void deliverNow() {
            deliver(d);
        }

        @Override
        public void drop() {
            kernel.record(EventKind.DROP, d.to, d.from, d.message, d.sendSeq, d.payload, "dropped by hand");
        }

        @Override
        public void duplicate() {
            kernel.record(EventKind.DUPLICATE, d.from, d.to, d.message, d.sendSeq, d.payload, "duplicated by hand");
            kernel.schedule(d.at(Math.max(kernel.now, d.time)));
        }
    }

    /** Heap position of the first copy (in the clock's order) of this message still queued, or -1. */
    private int queuedPosition(int message) {
        int best = -1;
        for (Integer position : kernel.queue.inOrder()) {
            if (kernel.queue.itemAt(position) instanceof Deliver d && d.message == message) {
                best = position;
                break;
            }
        }
        return best;
    }

    private int heldIndex(int message) {
        for (int i = 0; i < held.size(); i++) {
            if (held.get(i).message == message) {
                return i;
            }
        }
        return -1;
    }

    /** A message due at a time: queued, or held by a HOLD action. */
    final class Deliver extends Kernel.Item {
        final int message;
        final int from;
        final int to;
        final Message payload;
        final int sendSeq;
        final int lamport;
        final int round;

        Deliver(long time, int message, int from, int to, Message payload, int sendSeq, int lamport, int round) {
            super(time);
            this.message = message;
            this.from = from;
            this.to = to;
            this.payload = payload;
            this.sendSeq = sendSeq;
            this.lamport = lamport;
            this.round = round;
        }

        @Override
        Enabled describe() {
            return new Enabled("deliver", time, to, from, message, payload.type());
        }

        /** The same message due at another time (released, or a copy). */
        Deliver at(long newTime) {
            return new Deliver(newTime, message, from, to, payload, sendSeq, lamport, round);
        }

        @Override
        void run() {
            deliver(this);
        }
    }
}

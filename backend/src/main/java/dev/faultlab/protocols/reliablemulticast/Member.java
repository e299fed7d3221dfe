package dev.faultlab.protocols.reliablemulticast;

import dev.faultlab.sim.AsyncProcess;
import dev.faultlab.sim.Context;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.StateDisplay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A group member: it receives every other sender's messages, delivers them (in FIFO order per sender unless that
 * is switched off), gives feedback as the run's {@link Variant} says, and repairs or re-multicasts what it holds
 * where the scheme lets it. P1 to P{senders} also multicast their own numbered messages. Everything is volatile:
 * a crashed member stays down (crash-stop).
 */
final class Member implements AsyncProcess {
    static final String SEND = "send";
    static final String RETRANSMIT = "retransmit";
    static final String SESSION = "session";
    static final String FLUSH = "flush";
    static final String NACK = "nack:";
    static final String REPAIR = "repair:";

    private final Config config;
    private final int self;
    private int sent;
    private final TreeMap<Integer, Incoming> incoming = new TreeMap<>();
    private final Pending pending = new Pending();
    private final Piggyback piggyback = new Piggyback();
    private boolean retransmitArmed;
    private final TreeSet<Integer> nackArmed = new TreeSet<>();
    /** Suppression: origins whose NACK waits out its random delay and has not gone out yet, so another's can suppress it. */
    private final TreeSet<Integer> nackScheduled = new TreeSet<>();
    private final TreeSet<Long> repairArmed = new TreeSet<>();
    private final FeedbackCounts counts = new FeedbackCounts();

    /** A recovered member (the kernel makes a fresh one) starts empty: crash-stop keeps nothing in stable storage. */
    Member(Config config, int self) {
        this.config = config;
        this.self = self;
        for (int origin = 0; origin < config.senders(); origin++) {
            incoming.put(origin, new Incoming(config.fifo()));
        }
    }

    @Override
    public void onStart(Context ctx) {
        if (config.sender(self) && config.messages() > 0) {
            arm(ctx, SEND, config.interval());
        }
    }

    @Override
    public void onTimer(Context ctx, String timer) {
        if (timer.equals(SEND)) {
            multicastNext(ctx);
        } else if (timer.equals(RETRANSMIT)) {
            retransmitArmed = false;
            retransmitPending(ctx);
        } else if (timer.equals(SESSION)) {
            ctx.broadcast(new Session(self, sent));
            arm(ctx, SESSION, config.timeout());
        } else if (timer.equals(FLUSH)) {
            piggyback.flush(ctx, counts);
        } else if (timer.startsWith(NACK)) {
            int origin = Integer.parseInt(timer.substring(NACK.length()));
            nackArmed.remove(origin);
            nackScheduled.remove(origin);
            nackAgain(ctx, origin);
        } else if (timer.startsWith(REPAIR)) {
            String[] parts = timer.substring(REPAIR.length()).split(":");
            repair(ctx, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        }
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (message instanceof Data data) {
            onData(ctx, from, data);
        } else if (message instanceof Ack ack) {
            pending.acked(ack.origin(), ack.seq(), from);
        } else if (message instanceof Nack nack) {
            onNack(ctx, from, nack);
        } else if (message instanceof Session session && session.origin() != self) {
            incoming.get(session.origin()).announce(session.highest());
            noticeGap(ctx, session.origin());
        }
    }

    // ---------------------------------------------------------------- sending

    private void multicastNext(Context ctx) {
        sent++;
        List<Feedback> riding = config.variant() == Variant.PIGGYBACK ? piggyback.take(ctx) : List.of();
        Data data = new Data(self, sent, Copy.ORIGINAL, riding);
        List<Integer> to = config.variant() == Variant.HIERARCHY ? coordinators() : ctx.peers();
        List<Integer> ready = incoming.get(self).receive(data);
        if (config.variant().positive()) {
            pending.add(data, to, ctx.now());
            armRetransmit(ctx);
        }
        if (sent < config.messages()) {
            arm(ctx, SEND, config.interval());
        } else if (config.variant().needsSession()) {
            arm(ctx, SESSION, config.timeout());
        }
        for (int receiver : to) {
            ctx.send(receiver, data);
        }
        deliver(ctx, self, ready);
    }

    private void retransmitPending(Context ctx) {
        for (Pending.Entry entry : pending.due(ctx.now(), config.timeout())) {
            Data copy = entry.data().copy() == Copy.RELAY ? entry.data() : entry.data().as(Copy.RETRANSMISSION);
            for (int to : entry.waitingFor()) {
                ctx.send(to, copy);
                counts.retransmitted(copy);
            }
        }
        armRetransmit(ctx);
    }

    private void armRetransmit(Context ctx) {
        if (!retransmitArmed && !pending.isEmpty()) {
            retransmitArmed = arm(ctx, RETRANSMIT, pending.untilNextDue(ctx.now(), config.timeout()));
        }
    }

    /** Sets a timer unless it would fire after {@code runFor}; says whether it did. */
    private boolean arm(Context ctx, String timer, long delay) {
        if (ctx.now() + delay > config.runFor()) {
            return false;
        }
        ctx.setTimer(timer, delay);
        return true;
    }

    // ---------------------------------------------------------------- receiving

    private void onData(Context ctx, int from, Data data) {
        int origin = data.origin();
        if (data.copy() == Copy.RETRANSMISSION && repairArmed.remove(key(origin, data.seq()))) {
            ctx.cancelTimer(REPAIR + origin + ":" + data.seq());
            ctx.note("another member repaired " + Payload.label(origin, data.seq()) + " first: no repair from "
                    + ProcessLabel.of(self));
        }
        readPiggyback(ctx, from, data.piggyback());
        acknowledge(ctx, from, data);
        Incoming in = incoming.get(origin);
        if (origin == self || in.has(data.seq())) {
            return;
        }
        List<Integer> ready = in.receive(data);
        piggyback.received(origin, data.seq());
        if (config.coordinator(self)) {
            List<Integer> children = children();
            pending.add(data.as(Copy.FORWARD), children, ctx.now());
            armRetransmit(ctx);
            for (int child : children) {
                ctx.send(child, data.as(Copy.FORWARD));
            }
        }
        if (config.remulticast()) {
            remulticast(ctx, from, data);
        }
        deliver(ctx, origin, ready);
        noticeGap(ctx, origin);
    }

    /** The slide's re-multicast: pass the message to every other receiver before delivering it, and see it acknowledged. */
    private void remulticast(Context ctx, int from, Data data) {
        List<Integer> others = new ArrayList<>();
        for (int peer : ctx.peers()) {
            if (peer != from && peer != data.origin()) {
                others.add(peer);
            }
        }
        Data relay = data.as(Copy.RELAY);
        pending.add(relay, others, ctx.now());
        armRetransmit(ctx);
        for (int peer : others) {
            ctx.send(peer, relay);
        }
    }

    private void deliver(Context ctx, int origin, List<Integer> ready) {
        for (int seq : ready) {
            ctx.output(new Output.Deliver(origin, Payload.of(origin, seq)));
        }
    }

    /** Positive schemes acknowledge every copy to whoever sent it; a re-multicast copy is acknowledged in every scheme. */
    private void acknowledge(Context ctx, int from, Data data) {
        if (data.origin() == self || !(config.variant().positive() || data.copy() == Copy.RELAY)) {
            return;
        }
        if (config.variant() == Variant.PIGGYBACK) {
            armFlush(ctx, piggyback.queue(new Feedback(data.origin(), data.seq(), true), from));
        } else {
            ctx.send(from, new Ack(data.origin(), data.seq()));
            counts.ack();
        }
    }

    private void readPiggyback(Context ctx, int from, List<Feedback> riding) {
        for (Feedback feedback : riding) {
            if (feedback.positive()) {
                pending.acked(feedback.origin(), feedback.seq(), from);
            } else if (feedback.origin() == self && incoming.get(self).has(feedback.seq())) {
                Data copy = incoming.get(self).copy(feedback.seq()).as(Copy.RETRANSMISSION);
                ctx.send(from, copy);
                counts.retransmitted(copy);
            }
        }
    }

    // ---------------------------------------------------------------- negative acknowledgements

    /** A gap (or a lost tail a SESSION revealed): ask for what is missing, as the scheme says. */
    private void noticeGap(Context ctx, int origin) {
        if (!config.variant().negative() || origin == self) {
            return;
        }
        List<Integer> missing = incoming.get(origin).missing();
        if (missing.isEmpty()) {
            return;
        }
        switch (config.variant()) {
            case NACK -> {
                if (!nackArmed.contains(origin)) {
                    sendNack(ctx, origin, missing, false);
                    armNack(ctx, origin, config.timeout());
                }
            }
            case SUPPRESSION -> {
                if (!nackArmed.contains(origin) && armNack(ctx, origin, 1 + ctx.random().nextInt(config.suppressionDelay()))) {
                    nackScheduled.add(origin);
                }
            }
            case PIGGYBACK -> {
                for (int seq : missing) {
                    armFlush(ctx, piggyback.queue(new Feedback(origin, seq, false), origin));
                }
            }
            default -> throw new IllegalStateException("no NACKs in " + config.variant());
        }
    }

    private void nackAgain(Context ctx, int origin) {
        List<Integer> missing = incoming.get(origin).missing();
        if (missing.isEmpty()) {
            return;
        }
        if (config.variant() == Variant.SUPPRESSION) {
            sendNack(ctx, origin, missing, true);
            armNack(ctx, origin, config.timeout() + ctx.random().nextInt(config.suppressionDelay()));
        } else {
            sendNack(ctx, origin, missing, false);
            armNack(ctx, origin, config.timeout());
        }
    }

    private void sendNack(Context ctx, int origin, List<Integer> missing, boolean multicast) {
        Nack nack = new Nack(origin, missing);
        if (multicast) {
            ctx.broadcast(nack);
        } else {
            ctx.send(origin, nack);
        }
        counts.nack();
    }

    private boolean armNack(Context ctx, int origin, int delay) {
        if (arm(ctx, NACK + origin, delay)) {
            nackArmed.add(origin);
            return true;
        }
        return false;
    }

    private void onNack(Context ctx, int from, Nack nack) {
        int origin = nack.origin();
        if (config.variant() != Variant.SUPPRESSION) {
            if (origin == self) {
                for (int seq : nack.missing()) {
                    Data copy = incoming.get(self).copy(seq).as(Copy.RETRANSMISSION);
                    ctx.send(from, copy);
                    counts.retransmitted(copy);
                }
            }
            return;
        }
        Incoming in = incoming.get(origin);
        if (origin != self) {
            suppress(ctx, from, nack, in);
        }
        for (int seq : nack.missing()) {
            if (in.has(seq) && repairArmed.add(key(origin, seq))) {
                arm(ctx, REPAIR + origin + ":" + seq, 1 + ctx.random().nextInt(config.suppressionDelay()));
            }
        }
    }

    /**
     * Someone else asked for everything this member misses: it keeps its own NACK back (if it has not sent it yet)
     * and waits for the repair, asking again only if none comes.
     */
    private void suppress(Context ctx, int from, Nack nack, Incoming in) {
        in.announce(nack.missing().get(nack.missing().size() - 1));
        List<Integer> missing = in.missing();
        if (missing.isEmpty()) {
            return;
        }
        if (!nack.missing().containsAll(missing)) {
            noticeGap(ctx, nack.origin());
            return;
        }
        ctx.cancelTimer(NACK + nack.origin());
        boolean waitingForRepair = nackArmed.remove(nack.origin()) && !nackScheduled.contains(nack.origin());
        nackScheduled.remove(nack.origin());
        if (!waitingForRepair) {
            counts.suppressed();
            ctx.note("suppresses its NACK for " + labels(nack.origin(), missing) + ": " + ProcessLabel.of(from) + " asked first");
        }
        armNack(ctx, nack.origin(), config.timeout() + ctx.random().nextInt(config.suppressionDelay()));
    }

    /** Suppression: no other member repaired the message within this member's random delay, so it multicasts it. */
    private void repair(Context ctx, int origin, int seq) {
        repairArmed.remove(key(origin, seq));
        Data copy = incoming.get(origin).copy(seq).as(Copy.RETRANSMISSION);
        ctx.broadcast(copy);
        counts.retransmitted(copy);
    }

    private void armFlush(Context ctx, boolean first) {
        if (first) {
            arm(ctx, FLUSH, config.ackDelay());
        }
    }

    // ---------------------------------------------------------------- the hierarchy

    private List<Integer> coordinators() {
        List<Integer> coordinators = new ArrayList<>();
        for (int node = 1; node < config.n(); node += config.groupSize()) {
            coordinators.add(node);
        }
        return coordinators;
    }

    private List<Integer> children() {
        List<Integer> children = new ArrayList<>();
        for (int node = self + 1; node < Math.min(self + config.groupSize(), config.n()); node++) {
            children.add(node);
        }
        return children;
    }

    private static long key(int origin, int seq) {
        return ((long) origin << 32) | seq;
    }

    private static String labels(int origin, List<Integer> seqs) {
        return String.join(", ", seqs.stream().map(seq -> Payload.label(origin, seq)).toList());
    }

    // ---------------------------------------------------------------- state display

    private String role() {
        if (config.sender(self)) {
            return "sender";
        }
        return config.coordinator(self) ? "local coordinator" : "receiver";
    }

    private Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("role", role());
        fields.put("variant", config.variant().id());
        if (config.sender(self)) {
            fields.put("sent", sent + " of " + config.messages());
        }
        if (config.variant() == Variant.HIERARCHY && !config.sender(self)) {
            fields.put("coordinator", ProcessLabel.of(config.coordinatorOf(self)));
        }
        fields.putAll(counts.view());
        return fields;
    }

    /** The sender's history buffer; receivers show what they wait to see acknowledged (forwarded or re-multicast). */
    private StateDisplay.Table history() {
        List<List<Object>> rows = new ArrayList<>();
        for (Pending.Entry entry : pending.entries()) {
            rows.add(StateDisplay.Table.row(Payload.label(entry.data().origin(), entry.data().seq()),
                    entry.data().copy().name().toLowerCase(), Pending.names(entry.waitingFor())));
        }
        if (config.sender(self) && !config.variant().positive()) {
            // Nobody acknowledges: the sender never learns that a message is safe to drop, so it keeps them all.
            for (int seq : incoming.get(self).numbers()) {
                rows.add(StateDisplay.Table.row(Payload.label(self, seq), "kept", "any NACK"));
            }
        }
        return new StateDisplay.Table("History buffer", List.of("message", "copy", "waiting for"), rows);
    }

    private StateDisplay.Table receiving() {
        List<List<Object>> rows = new ArrayList<>();
        incoming.forEach((origin, in) -> {
            if (origin != self) {
                rows.add(StateDisplay.Table.row(ProcessLabel.of(origin), in.nextExpected(), labels(origin, in.held()),
                        labels(origin, in.missing()), in.received()));
            }
        });
        return new StateDisplay.Table("Receiving", List.of("from", "next expected", "held back", "missing", "received"), rows);
    }

    /** The feedback counts are left out: they are only shown. */
    private Map<Integer, Object> incomingFingerprint() {
        Map<Integer, Object> fingerprints = new TreeMap<>();
        incoming.forEach((origin, in) -> fingerprints.put(origin, in.fingerprint()));
        return fingerprints;
    }

    @Override
    public Object fingerprint() {
        return Arrays.asList(sent, incomingFingerprint(), pending.fingerprint(), piggyback.fingerprint(), retransmitArmed,
                new TreeSet<>(nackArmed), new TreeSet<>(nackScheduled), new TreeSet<>(repairArmed));
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>(fields());
        view.put("history", history().asMaps());
        view.put("receiving", receiving().asMaps());
        if (config.variant() == Variant.PIGGYBACK) {
            view.put("piggyback", piggyback.table().asMaps());
        }
        return view;
    }

    @Override
    public StateDisplay display() {
        List<StateDisplay.Section> sections = new ArrayList<>();
        sections.add(new StateDisplay.Fields("Member", fields()));
        sections.add(history());
        if (!incoming.isEmpty() && !(incoming.size() == 1 && incoming.containsKey(self))) {
            sections.add(receiving());
        }
        if (config.variant() == Variant.PIGGYBACK) {
            sections.add(piggyback.table());
        }
        return new StateDisplay(sections);
    }
}

package dev.faultlab.protocols.paxos;

import dev.faultlab.sim.AsyncProcess;
import dev.faultlab.sim.Context;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.StateDisplay;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A server of the slides' construction. The leader (first S1; on suspicion the next one, S2, then S3, ...) gives
 * each client request the next timestamp and sends ACCEPT(o, t) to the others; a server that takes an operation
 * tells everyone with LEARN(o, t) and executes timestamps in order, each once it knows a majority holds its
 * operation. Missed messages show in the timestamps (an ACCEPT after a gap, an ALIVE with a higher timestamp) and
 * are asked for again. With leader ids, messages carry the leader's regime, a new leader takes over explicitly
 * (TAKEOVER, answered by what each server holds) and flushes the outstanding operations before assigning new
 * timestamps, and servers reject accepts of an older regime. The regime and the held operations are on stable
 * storage ({@link Holdings}); what was executed is volatile and learned again after a crash.
 */
final class Server implements AsyncProcess {
    /** Timestamps retransmitted per heartbeat, or asked for in one MISSED. */
    static final int WINDOW = 8;
    /** Rows of held and executed operations in the state display. */
    static final int SHOWN = 30;

    private final PaxosConfig config;
    private Holdings holdings;
    private Learning learning;
    private int leader;
    private boolean leading;
    private boolean takingOver;
    private int takeoverBase;
    private final TreeMap<Integer, TakeoverAck> acks = new TreeMap<>();
    private int nextT = 1;
    private final List<Op> executed = new ArrayList<>();
    private final ArrayDeque<Op> queued = new ArrayDeque<>();
    /** Client → highest request number executed; looked up by key only. */
    private final Map<Integer, Integer> lastSeqOf = new HashMap<>();
    /** Operation → the timestamp it holds or executed at, so a retransmitted request is not assigned twice; by key only. */
    private final Map<Op, Integer> timestampOf = new HashMap<>();
    /** The leader's executed count from its last ALIVE: how far behind this server is. */
    private int leaderExecuted;
    private int suspicions;

    Server(PaxosConfig config) {
        this.config = config;
    }

    @Override
    public void onStart(Context ctx) {
        holdings = Holdings.open(ctx.stable());
        learning = new Learning(config.majority());
        leader = 0;
        if (ctx.self() == leader) {
            leading = true;
            ctx.stateChanged("leader from the start: assigns timestamps from 1");
            Timers.set(ctx, config.runFor(), Timers.ALIVE, config.heartbeat());
        } else {
            ctx.stateChanged("backup; " + ProcessLabel.of(leader) + " leads");
            expectLeader(ctx);
        }
    }

    @Override
    public void onRecover(Context ctx) {
        if (!Holdings.written(ctx.stable())) {
            onStart(ctx);
            return;
        }
        holdings = Holdings.open(ctx.stable());
        learning = new Learning(config.majority());
        leader = leaderOf(holdings.regime());
        for (Slot slot : holdings.after(0)) {
            timestampOf.put(slot.op(), slot.t());
        }
        ctx.stateChanged("recovered: regime " + holdings.regime() + ", " + holdings.size()
                + " held operations; executes them again as it learns that a majority holds them");
        if (leader == ctx.self()) {
            startLeading(ctx);
        } else {
            expectLeader(ctx);
            ctx.send(leader, new Missed(1, WINDOW));
        }
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (message instanceof ClientRequest request) {
            onRequest(ctx, from, request.op());
        } else if (message instanceof Accept accept) {
            onAccept(ctx, from, accept);
        } else if (message instanceof Learn learn) {
            onLearn(ctx, from, learn);
        } else if (message instanceof Alive alive) {
            onAlive(ctx, from, alive);
        } else if (message instanceof Missed missed) {
            onMissed(ctx, from, missed);
        } else if (message instanceof Chosen chosen) {
            onChosen(ctx, chosen);
        } else if (message instanceof Takeover takeover) {
            onTakeover(ctx, from, takeover);
        } else if (message instanceof TakeoverAck ack) {
            onTakeoverAck(ctx, from, ack);
        }
    }

    @Override
    public void onTimer(Context ctx, String timer) {
        if (timer.equals(Timers.ALIVE) && leading) {
            heartbeat(ctx);
        } else if (timer.equals(Timers.SUSPECT) && takingOver) {
            ctx.note("no majority answered the takeover yet: announces it again");
            broadcastServers(ctx, new Takeover(holdings.regime(), takeoverBase));
            expectLeader(ctx);
        } else if (timer.equals(Timers.SUSPECT) && !leading) {
            suspect(ctx);
        }
    }

    // ---------------------------------------------------------------- leadership

    private int leaderOf(int regime) {
        return regime % config.servers();
    }

    /** The deterministic succession: the next server in line leads the next regime. */
    private void suspect(Context ctx) {
        int suspected = leader;
        suspicions++;
        int regime = holdings.regime() + 1;
        holdings.regime(regime);
        leader = leaderOf(regime);
        ctx.output(new Output.Suspect(suspected));
        ctx.stateChanged("heard nothing from " + ProcessLabel.of(suspected) + " for " + config.suspectTimeout()
                + " ticks: suspects it; " + ProcessLabel.of(leader) + " is next in line (regime " + regime + ")");
        if (leader == ctx.self()) {
            startLeading(ctx);
        } else {
            expectLeader(ctx);
        }
    }

    private void startLeading(Context ctx) {
        if (!config.leaderIds()) {
            // The construction before the fix: no announcement, the successor simply goes on after what it holds.
            nextT = Math.max(holdings.lastT(), executed.size()) + 1;
            leading = true;
            ctx.stateChanged("leads now, without telling anyone: assigns timestamps from " + nextT);
            Timers.set(ctx, config.runFor(), Timers.ALIVE, config.heartbeat());
            assignQueued(ctx);
            return;
        }
        takingOver = true;
        takeoverBase = executed.size();
        acks.clear();
        acks.put(ctx.self(), new TakeoverAck(holdings.regime(), holdings.after(takeoverBase)));
        ctx.stateChanged("takes over as leader of regime " + holdings.regime() + ": asks every server what it holds after timestamp "
                + takeoverBase);
        broadcastServers(ctx, new Takeover(holdings.regime(), takeoverBase));
        expectLeader(ctx);
        finishTakeoverIfMajority(ctx);
    }

    private void onTakeover(Context ctx, int from, Takeover takeover) {
        if (takeover.regime() < holdings.regime()) {
            ctx.note("ignores the takeover of " + ProcessLabel.of(from) + " for regime " + takeover.regime() + ": regime "
                    + holdings.regime() + " is newer");
            return;
        }
        if (takeover.regime() > holdings.regime()) {
            adopt(ctx, takeover.regime());
        }
        expectLeader(ctx);
        ctx.send(from, new TakeoverAck(takeover.regime(), holdings.after(takeover.executed())));
    }

    private void onTakeoverAck(Context ctx, int from, TakeoverAck ack) {
        if (!takingOver || ack.regime() != holdings.regime()) {
            return;
        }
        acks.put(from, ack);
        finishTakeoverIfMajority(ctx);
    }

    /** With a majority's answers, every operation one of them holds is re-sent in this regime; gaps get a no-op. */
    private void finishTakeoverIfMajority(Context ctx) {
        if (acks.size() < config.majority()) {
            return;
        }
        TreeMap<Integer, Slot> newest = new TreeMap<>();
        for (TakeoverAck ack : acks.values()) {
            for (Slot slot : ack.slots()) {
                Slot known = newest.get(slot.t());
                if (known == null || slot.regime() > known.regime()) {
                    newest.put(slot.t(), slot);
                }
            }
        }
        int last = newest.isEmpty() ? takeoverBase : Math.max(takeoverBase, newest.lastKey());
        takingOver = false;
        leading = true;
        ctx.cancelTimer(Timers.SUSPECT);
        ctx.stateChanged("took over with the answers of " + listed(acks.keySet()) + ": flushes timestamps " + (takeoverBase + 1)
                + " to " + last + " (" + newest.size() + " held operations, " + (last - takeoverBase - newest.size())
                + " no-ops), then assigns from " + (last + 1));
        for (int t = takeoverBase + 1; t <= last; t++) {
            Slot held = newest.get(t);
            assign(ctx, t, held == null ? Op.NOOP : held.op());
        }
        nextT = last + 1;
        acks.clear();
        Timers.set(ctx, config.runFor(), Timers.ALIVE, config.heartbeat());
        assignQueued(ctx);
    }

    /** A newer regime is under way: follow its leader (a leader learns this way that it was replaced). */
    private void adopt(Context ctx, int regime) {
        boolean wasLeading = leading || takingOver;
        holdings.regime(regime);
        leader = leaderOf(regime);
        leading = false;
        takingOver = false;
        acks.clear();
        ctx.cancelTimer(Timers.ALIVE);
        ctx.stateChanged((wasLeading ? "learns it was replaced: steps down; " : "follows ") + ProcessLabel.of(leader)
                + " as leader of regime " + regime);
        expectLeader(ctx);
    }

    private void expectLeader(Context ctx) {
        Timers.set(ctx, config.runFor(), Timers.SUSPECT, config.suspectTimeout());
    }

    // ---------------------------------------------------------------- the leader assigns timestamps

    private void onRequest(Context ctx, int client, Op op) {
        Integer t = timestampOf.get(op);
        if (t != null && t <= executed.size()) {
            ctx.send(client, new ClientReply(op.seq(), t));
        } else if (leading && t == null) {
            assign(ctx, nextT++, op);
        } else if (leading) {
            ctx.note(op + " is already at timestamp " + t + ", not yet executed");
        } else if (takingOver) {
            if (!queued.contains(op)) {
                queued.add(op);
            }
        } else {
            ctx.send(client, new Redirect(op.seq(), leader));
        }
    }

    private void assignQueued(Context ctx) {
        while (!queued.isEmpty()) {
            Op op = queued.poll();
            if (!timestampOf.containsKey(op)) {
                assign(ctx, nextT++, op);
            }
        }
    }

    private void assign(Context ctx, int t, Op op) {
        Slot slot = new Slot(t, op, regimeShown());
        hold(ctx, slot);
        // Before the ACCEPTs leave: without the majority wait the leader executes at once, and may crash right after.
        executeReady(ctx);
        broadcastServers(ctx, new Accept(op, t, config.leaderIds() ? ctx.self() : -1, regimeShown()));
    }

    private void heartbeat(Context ctx) {
        broadcastServers(ctx, new Alive(regimeShown(), nextT - 1, executed.size()));
        // ACCEPTs not yet answered with a LEARN go again, with their original timestamps.
        for (int t = executed.size() + 1; t <= Math.min(nextT - 1, executed.size() + WINDOW); t++) {
            Slot slot = holdings.at(t);
            if (slot == null) {
                continue;
            }
            for (int server = 0; server < config.servers(); server++) {
                if (server != ctx.self() && !learning.holdersOf(slot).contains(server)) {
                    ctx.send(server, new Accept(slot.op(), t, config.leaderIds() ? ctx.self() : -1, slot.regime()));
                }
            }
        }
        Timers.set(ctx, config.runFor(), Timers.ALIVE, config.heartbeat());
    }

    private void onMissed(Context ctx, int from, Missed missed) {
        if (!leading) {
            return;
        }
        for (int t = missed.from(); t <= Math.min(missed.to(), missed.from() + WINDOW - 1); t++) {
            if (t <= executed.size()) {
                ctx.send(from, new Chosen(executed.get(t - 1), t));
            } else if (holdings.at(t) != null) {
                Slot slot = holdings.at(t);
                ctx.send(from, new Accept(slot.op(), t, config.leaderIds() ? ctx.self() : -1, slot.regime()));
            }
        }
    }

    // ---------------------------------------------------------------- every server

    private void onAccept(Context ctx, int from, Accept accept) {
        if (config.leaderIds()) {
            if (accept.regime() < holdings.regime()) {
                reject(ctx, from, accept);
                return;
            }
            if (accept.regime() > holdings.regime()) {
                adopt(ctx, accept.regime());
            }
        } else if (from > leader) {
            // Without ids the only sign of a takeover is an ACCEPT from a server further down the line S1, S2, S3.
            adopt(ctx, holdings.regime() + from - leader);
        }
        if (from == leader) {
            expectLeader(ctx);
        }
        int t = accept.t();
        Slot mine = holdings.at(t);
        Slot offered = new Slot(t, accept.op(), accept.regime());
        if (offered.equals(mine)) {
            ctx.send(from, new Learn(accept.op(), t, accept.regime()));
            return;
        }
        if (!config.leaderIds() && (mine != null || t <= executed.size())) {
            Op there = t <= executed.size() ? executed.get(t - 1) : mine.op();
            if (from == leader) {
                // The slides' correction after a crash: the new leader missed an operation, so it is told.
                ctx.note("already has " + there + " at timestamp " + t + ": tells " + ProcessLabel.of(from) + " that it missed it");
                ctx.send(from, new Learn(there, t, accept.regime()));
            } else {
                // The slides' trouble: an ACCEPT of a server earlier in line is taken for a retransmission and
                // acknowledged; without a leader id nothing says that its sender has been replaced.
                ctx.note("already has " + there + " at timestamp " + t + "; without a leader id it takes this ACCEPT of "
                        + accept.op() + " for a retransmission and acknowledges it");
                ctx.send(from, new Learn(accept.op(), t, accept.regime()));
            }
            return;
        }
        if (mine != null) {
            learning.releases(ctx.self(), mine);
        }
        learning.holds(from, offered);
        hold(ctx, offered);
        broadcastServers(ctx, new Learn(accept.op(), t, accept.regime()));
        askForGaps(ctx, from, t - 1);
        executeReady(ctx);
    }

    private void reject(Context ctx, int from, Accept accept) {
        ctx.note("rejects ACCEPT(" + accept.op() + ", " + accept.t() + ") of " + ProcessLabel.of(from) + ": it is from regime "
                + accept.regime() + ", " + ProcessLabel.of(leader) + " leads regime " + holdings.regime() + " now");
        Slot mine = holdings.at(accept.t());
        if (mine != null && mine.regime() > accept.regime()) {
            ctx.send(from, new Learn(mine.op(), mine.t(), mine.regime()));
        } else {
            ctx.send(from, new Alive(holdings.regime(), 0, 0));
        }
    }

    private void onLearn(Context ctx, int from, Learn learn) {
        if (config.leaderIds() && learn.regime() > holdings.regime()) {
            adopt(ctx, learn.regime());
        }
        if (learn.t() <= executed.size()) {
            return;
        }
        Slot mine = holdings.at(learn.t());
        if (!config.leaderIds() && leading && mine != null && !mine.op().equals(learn.op())) {
            catchUp(ctx, from, mine, learn);
        }
        learning.holds(from, new Slot(learn.t(), learn.op(), learn.regime()));
        executeReady(ctx);
    }

    /** Without ids, a leader told that it missed an operation holds that one instead and gives its own a new timestamp. */
    private void catchUp(Context ctx, int from, Slot mine, Learn learn) {
        ctx.note(ProcessLabel.of(from) + " already has " + learn.op() + " at timestamp " + learn.t() + ": holds it there and gives "
                + mine.op() + " timestamp " + nextT);
        learning.releases(ctx.self(), mine);
        hold(ctx, new Slot(learn.t(), learn.op(), mine.regime()));
        broadcastServers(ctx, new Learn(learn.op(), learn.t(), mine.regime()));
        if (mine.op().fromClient()) {
            assign(ctx, nextT++, mine.op());
        }
    }

    private void onChosen(Context ctx, Chosen chosen) {
        if (chosen.t() > executed.size()) {
            learning.chosen(chosen.t(), chosen.op());
            executeReady(ctx);
        }
    }

    private void onAlive(Context ctx, int from, Alive alive) {
        if (config.leaderIds()) {
            if (alive.regime() < holdings.regime()) {
                return;
            }
            if (alive.regime() > holdings.regime()) {
                adopt(ctx, alive.regime());
            }
        }
        if (from != leader) {
            return;
        }
        expectLeader(ctx);
        leaderExecuted = alive.executed();
        askForGaps(ctx, from, Math.max(alive.lastT(), alive.executed()));
    }

    /**
     * The first timestamp up to {@code upTo} that this server missed: one it does not hold, or one the leader executed
     * while this server still waits for LEARNs it may have lost. It asks for a window from there.
     */
    private void askForGaps(Context ctx, int leaderId, int upTo) {
        for (int t = executed.size() + 1; t <= upTo; t++) {
            if ((holdings.at(t) == null || t <= leaderExecuted) && !learning.chosenAt(t)) {
                ctx.note("missed timestamp " + t + ": asks " + ProcessLabel.of(leaderId) + " again");
                ctx.send(leaderId, new Missed(t, Math.min(upTo, t + WINDOW - 1)));
                return;
            }
        }
    }

    private void hold(Context ctx, Slot slot) {
        Slot before = holdings.at(slot.t());
        if (before != null) {
            forgetTimestamp(before.op(), slot.t());
        }
        holdings.hold(slot);
        learning.holds(ctx.self(), slot);
        timestampOf.put(slot.op(), slot.t());
    }

    /** Executes the next timestamps in order while each is settled (with the majority wait, by a majority). */
    private void executeReady(Context ctx) {
        while (true) {
            int t = executed.size() + 1;
            Op op = learning.decided(t);
            if (op == null && !config.majorityWait() && holdings.at(t) != null) {
                op = holdings.at(t).op();
            }
            if (op == null) {
                return;
            }
            executed.add(op);
            learning.forget(t);
            if (holdings.at(t) != null) {
                forgetTimestamp(holdings.at(t).op(), t);
            }
            timestampOf.put(op, t);
            ctx.output(new Output.Commit(t, op));
            if (op.fromClient() && lastSeqOf.getOrDefault(op.client(), 0) < op.seq()) {
                lastSeqOf.put(op.client(), op.seq());
                ctx.send(op.client(), new ClientReply(op.seq(), t));
            }
        }
    }

    /** {@code op} no longer stands at {@code t} here: a request for it may be assigned again. */
    private void forgetTimestamp(Op op, int t) {
        Integer at = timestampOf.get(op);
        if (at != null && at == t) {
            timestampOf.remove(op);
        }
    }

    private int regimeShown() {
        return config.leaderIds() ? holdings.regime() : -1;
    }

    private void broadcastServers(Context ctx, Message message) {
        for (int server = 0; server < config.servers(); server++) {
            if (server != ctx.self()) {
                ctx.send(server, message);
            }
        }
    }

    // ---------------------------------------------------------------- what the inspector shows

    private String role() {
        return leading ? "leader" : takingOver ? "taking over" : "backup";
    }

    /** Suspicions are left out: the count is only shown. */
    @Override
    public Object fingerprint() {
        return Arrays.asList(holdings == null ? null : holdings.fingerprint(), learning == null ? null : learning.fingerprint(),
                leader, leading, takingOver, takeoverBase, new TreeMap<>(acks), nextT, List.copyOf(executed),
                new ArrayList<>(queued), new HashMap<>(lastSeqOf), new HashMap<>(timestampOf), leaderExecuted);
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>(fields());
        view.put("executedOps", executed.stream().map(Op::command).toList());
        return view;
    }

    @Override
    public StateDisplay display() {
        List<StateDisplay.Section> sections = new ArrayList<>();
        sections.add(new StateDisplay.Fields("Server", fields()));
        if (takingOver) {
            sections.add(new StateDisplay.Set("Takeover answers from", new ArrayList<>(names(acks.keySet()))));
        }
        List<List<Object>> held = new ArrayList<>();
        if (holdings != null) {
            for (Slot slot : holdings.last(SHOWN)) {
                held.add(StateDisplay.Table.row(slot.t(), slot.op().command(), config.leaderIds() ? slot.regime() : null,
                        slot.t() <= executed.size()));
            }
        }
        sections.add(new StateDisplay.Table("Held operations", List.of("timestamp", "operation", "regime", "executed"), held));
        List<List<Object>> done = new ArrayList<>();
        for (int t = Math.max(1, executed.size() - SHOWN + 1); t <= executed.size(); t++) {
            done.add(StateDisplay.Table.row(t, executed.get(t - 1).command()));
        }
        sections.add(new StateDisplay.Table("Executed, in order", List.of("timestamp", "operation"), done));
        return new StateDisplay(sections);
    }

    private Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("role", role());
        fields.put("regime", holdings == null ? 0 : holdings.regime());
        fields.put("leader", ProcessLabel.of(leader));
        fields.put("executed", executed.size());
        fields.put("nextTimestamp", leading ? nextT : null);
        fields.put("suspicions", suspicions);
        return fields;
    }

    private static List<String> names(Iterable<Integer> ids) {
        List<String> names = new ArrayList<>();
        ids.forEach(id -> names.add(ProcessLabel.of(id)));
        return names;
    }

    private static String listed(Iterable<Integer> ids) {
        return String.join(", ", names(ids));
    }
}

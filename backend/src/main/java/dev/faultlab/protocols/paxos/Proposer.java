package dev.faultlab.protocols.paxos;

import dev.faultlab.sim.AsyncProcess;
import dev.faultlab.sim.Context;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.Request;
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
 * A proposer of classic Paxos. It picks a proposal number no other proposer uses (round × proposers + its index + 1)
 * and asks the acceptors to promise it (PREPARE). With a majority of promises it must propose, for every slot where
 * an acceptor reported an accepted value, the value of the highest-numbered such proposal; only free slots get its
 * own values (client requests, or in single-decree Paxos its own value for slot 1). Once it leads it proposes each
 * new value with one round trip (ACCEPT, ACCEPTED), which is multi-decree Paxos. A refusal, or no progress within
 * a randomly drawn backoff, sends it back to PREPARE with a higher number. Its round is on stable storage, so a
 * recovered proposer never reuses a number it may have proposed under.
 */
final class Proposer implements AsyncProcess {
    static final String ROUND = "round";

    private enum Phase { IDLE, PREPARING, LEADING }

    private final ClassicConfig config;
    private final Learning learning;
    private Phase phase = Phase.IDLE;
    private int round;
    private int ballot;
    private int highestSeen;
    private final TreeMap<Integer, Promise> promises = new TreeMap<>();
    private final ArrayDeque<Op> queued = new ArrayDeque<>();
    private final TreeMap<Integer, Op> inflight = new TreeMap<>();
    private final TreeMap<Integer, Op> chosen = new TreeMap<>();
    /** Operation → the slot it was chosen for; by key only. */
    private final Map<Op, Integer> chosenAt = new HashMap<>();
    private int nextSlot = 1;

    Proposer(ClassicConfig config) {
        this.config = config;
        this.learning = new Learning(config.majority());
    }

    @Override
    public void onStart(Context ctx) {
        if (config.singleDecree()) {
            queued.add(new Op(-1, ctx.self() + 1, "v" + (ctx.self() + 1)));
            // Proposers wake at different moments, so one may get its value chosen before the other starts.
            Timers.set(ctx, config.runFor(), Timers.RETRY, ctx.random().nextInt(config.backoffMax() + 1));
        }
    }

    @Override
    public void onRecover(Context ctx) {
        Integer saved = ctx.stable().get(ROUND);
        round = saved == null ? 0 : saved;
        ctx.stateChanged("recovered: proposal numbers go on after round " + round);
        onStart(ctx);
    }

    @Override
    public void onRequest(Context ctx, Request request) {
        ctx.note("only clients take requests: " + ProcessLabel.of(ctx.self()) + " is a proposer");
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (message instanceof ClientRequest request) {
            onClientRequest(ctx, from, request.op());
        } else if (message instanceof Promise promise) {
            onPromise(ctx, from, promise);
        } else if (message instanceof Nack nack) {
            onNack(ctx, nack);
        } else if (message instanceof Accepted accepted && config.acceptor(from)) {
            onAccepted(ctx, from, accepted);
        }
    }

    @Override
    public void onTimer(Context ctx, String timer) {
        if (timer.equals(Timers.RETRY) && hasWork()) {
            prepare(ctx);
        }
    }

    private boolean hasWork() {
        return config.singleDecree() ? !chosen.containsKey(1) : !queued.isEmpty() || !inflight.isEmpty();
    }

    private void onClientRequest(Context ctx, int client, Op op) {
        Integer slot = chosenAt.get(op);
        if (slot != null) {
            ctx.send(client, new ClientReply(op.seq(), slot));
        } else if (!queued.contains(op) && !inflight.containsValue(op)) {
            queued.add(op);
            if (phase == Phase.LEADING) {
                proposeQueued(ctx);
            } else if (phase == Phase.IDLE) {
                prepare(ctx);
            }
        }
    }

    // ---------------------------------------------------------------- phase 1

    private void prepare(Context ctx) {
        round = Math.max(round + 1, highestSeen / config.proposers() + 1);
        ctx.stable().put(ROUND, round);
        ballot = round * config.proposers() + ctx.self() + 1;
        phase = Phase.PREPARING;
        promises.clear();
        int from = firstUnchosen();
        ctx.stateChanged("prepares proposal number " + ballot + " for the slots from " + from);
        for (int acceptor = config.firstAcceptor(); acceptor < config.firstLearner(); acceptor++) {
            ctx.send(acceptor, new Prepare(ballot, from));
        }
        retryLater(ctx);
    }

    private void onPromise(Context ctx, int from, Promise promise) {
        if (phase != Phase.PREPARING || promise.ballot() != ballot) {
            return;
        }
        promises.put(from, promise);
        if (promises.size() >= config.majority()) {
            lead(ctx);
        }
    }

    /** A majority promised: re-propose the highest-numbered value reported for each slot, no-ops in the gaps. */
    private void lead(Context ctx) {
        TreeMap<Integer, Vote> highest = new TreeMap<>();
        for (Promise promise : promises.values()) {
            for (Vote vote : promise.accepted()) {
                Vote known = highest.get(vote.slot());
                if (known == null || vote.ballot() > known.ballot()) {
                    highest.put(vote.slot(), vote);
                }
            }
        }
        phase = Phase.LEADING;
        List<Op> orphans = new ArrayList<>(inflight.values());
        inflight.clear();
        int base = firstUnchosen();
        int last = highest.isEmpty() ? base - 1 : Math.max(base - 1, highest.lastKey());
        ctx.stateChanged("leads with proposal number " + ballot + " (promises from " + names(promises.keySet()) + "): "
                + highest.size() + " accepted values to propose again");
        for (int slot = base; slot <= last; slot++) {
            if (!chosen.containsKey(slot)) {
                Vote vote = highest.get(slot);
                propose(ctx, slot, vote == null ? Op.NOOP : vote.op());
            }
        }
        nextSlot = last + 1;
        for (int i = orphans.size() - 1; i >= 0; i--) {
            Op orphan = orphans.get(i);
            if (!chosenAt.containsKey(orphan) && !inflight.containsValue(orphan) && !queued.contains(orphan)) {
                queued.addFirst(orphan);
            }
        }
        proposeQueued(ctx);
    }

    private void onNack(Context ctx, Nack nack) {
        if (nack.ballot() != ballot || phase == Phase.IDLE) {
            return;
        }
        highestSeen = Math.max(highestSeen, nack.promised());
        phase = Phase.IDLE;
        ctx.stateChanged("pre-empted: an acceptor promised proposal number " + nack.promised() + "; tries again after a backoff");
        retryLater(ctx);
    }

    // ---------------------------------------------------------------- phase 2

    private void proposeQueued(Context ctx) {
        while (!queued.isEmpty()) {
            Op op = queued.poll();
            if (chosenAt.containsKey(op)) {
                continue;
            }
            if (config.singleDecree() && nextSlot > 1) {
                ctx.note("the one slot already carries a value accepted earlier: proposes that instead of " + op);
                return;
            }
            propose(ctx, nextSlot++, op);
        }
    }

    private void propose(Context ctx, int slot, Op op) {
        inflight.put(slot, op);
        for (int acceptor = config.firstAcceptor(); acceptor < config.firstLearner(); acceptor++) {
            ctx.send(acceptor, new Propose(ballot, slot, op));
        }
        retryLater(ctx);
    }

    private void onAccepted(Context ctx, int from, Accepted accepted) {
        int slot = accepted.slot();
        if (chosen.containsKey(slot)) {
            return;
        }
        learning.holds(from, new Slot(slot, accepted.op(), accepted.ballot()));
        Op op = learning.decided(slot);
        if (op == null) {
            return;
        }
        chosen.put(slot, op);
        chosenAt.put(op, slot);
        learning.forget(slot);
        Op mine = inflight.remove(slot);
        if (mine != null && !mine.equals(op) && !chosenAt.containsKey(mine)) {
            queued.addFirst(mine);
        }
        ctx.stateChanged(op + " is chosen for slot " + slot);
        for (int learner = config.firstLearner(); learner < config.firstLearner() + config.learners(); learner++) {
            ctx.send(learner, new Chosen(op, slot));
        }
        if (op.fromClient()) {
            ctx.send(op.client(), new ClientReply(op.seq(), slot));
        }
        if (!hasWork()) {
            ctx.cancelTimer(Timers.RETRY);
        } else if (phase == Phase.LEADING) {
            proposeQueued(ctx);
        }
    }

    private int firstUnchosen() {
        int slot = 1;
        while (chosen.containsKey(slot)) {
            slot++;
        }
        return slot;
    }

    private void retryLater(Context ctx) {
        int spread = config.backoffMax() - config.backoffMin();
        Timers.set(ctx, config.runFor(), Timers.RETRY, config.backoffMin() + (spread == 0 ? 0 : ctx.random().nextInt(spread + 1)));
    }

    private static String names(Iterable<Integer> ids) {
        List<String> names = new ArrayList<>();
        ids.forEach(id -> names.add(ProcessLabel.of(id)));
        return String.join(", ", names);
    }

    @Override
    public Object fingerprint() {
        return Arrays.asList(learning.fingerprint(), phase, round, ballot, highestSeen, new TreeMap<>(promises),
                new ArrayList<>(queued), new TreeMap<>(inflight), new TreeMap<>(chosen), new HashMap<>(chosenAt), nextSlot);
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("phase", phase.name());
        view.put("proposalNumber", ballot);
        view.put("nextSlot", nextSlot);
        view.put("chosen", chosen.size());
        view.put("queued", queued.size());
        return view;
    }

    @Override
    public StateDisplay display() {
        List<List<Object>> rows = new ArrayList<>();
        inflight.forEach((slot, op) -> rows.add(StateDisplay.Table.row(slot, op.command())));
        List<Object> promised = new ArrayList<>();
        promises.keySet().forEach(id -> promised.add(ProcessLabel.of(id)));
        return StateDisplay.of(new StateDisplay.Fields("Proposer", view()),
                new StateDisplay.Set("Promises from", promised),
                new StateDisplay.Table("Proposed, not yet known chosen", List.of("slot", "value"), rows));
    }
}

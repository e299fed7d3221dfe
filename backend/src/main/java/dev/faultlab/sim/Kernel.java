package dev.faultlab.sim;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The engine behind a {@link Simulation}: a virtual clock, one event queue ordered by (time, insertion
 * order), the network and fault model, and the trace it writes. It runs whole queue items (a handler and
 * everything it sends); {@link Simulation} shows their events one at a time. Single-threaded and free of
 * wall-clock or hash-order effects, so the same recipe always gives the same trace. Nothing a protocol does
 * escapes as an exception: a failure or a runaway handler ends the run with the reason.
 *
 * <p>A fault planned at event index p applies between event p-1 and event p: before the kernel records
 * anything more once the trace has p events (also in the middle of a handler, which a crash then cuts), or
 * when the step that wrote event p-1 ends.
 */
final class Kernel {
    private static final long ROUND_TICKS = Simulation.ROUND_TICKS;
    private static final int WALL_CHECK_INTERVAL = 256;
    /** A handler may overshoot the event budget by this much before it is cut off mid-way. */
    private static final int EVENT_BUDGET_SLACK = 10_000;

    private final Protocol protocol;
    private final Setup setup;
    private final int n;
    private final List<List<Integer>> peers;
    private final NodeState[] nodes;
    private final Context[] contexts;
    private final Network network;
    private final Trace trace = new Trace();
    private final EventQueue<Item> queue = new EventQueue<>();
    /** Omission decisions and Byzantine randomness: a stream of its own, so faults never shift the network's or a process's numbers. */
    private final SplittableRandom faultRandom;
    private final List<Fault> faultsByEvent = new ArrayList<>();
    private final Scheduler scheduler;
    /** Messages a HOLD action took out of the queue until a RELEASE, DELIVER or DROP. */
    private final List<Deliver> held = new ArrayList<>();
    /** maxEvents plus the handler slack, saturated: a budget near Long.MAX_VALUE must not wrap to negative. */
    private final long eventCutOff;
    private final BitSet everFaulty = new BitSet();
    /** Nodes made faulty by anything but a crash: under crash-recovery, only these and the nodes down now are faulty. */
    private final BitSet faultyBesidesCrash = new BitSet();
    /** Role name → its processes in ascending id order. */
    private final Map<String, List<Integer>> byRole = new LinkedHashMap<>();
    private int requests;
    private Recipe recipe;
    private long now;
    private int nextMessage;
    private int round = -1;
    /** Set when the last round has ended: every message still on its way arrives too late. */
    private boolean roundsOver;
    private long wallNanos;
    private EndReason end;
    /** The trace event that set the current handler or fault going: the parent of what it causes. */
    private int currentCause = -1;
    /** A replay for seeking stops right before it would write this event (or run anything more); -1: never. */
    private long haltAt = -1;
    private boolean halted;
    /** A fault whose application {@link Simulation} waits for in a replay, and the trace size right after it. */
    private Fault watched;
    private int watchedEnd = -1;
    /** The monitors following this run, told of each event once the state right after it is final; null: none. */
    private MonitorFeed feed;

    /** Checks the recipe (throwing {@link RecipeException} naming the field) and sets the run up at time 0. */
    static Kernel start(Recipe recipe, ProtocolRegistry registry) {
        return new Kernel(recipe, RecipeValidator.check(recipe, registry));
    }

    private Kernel(Recipe recipe, RecipeValidator.Checked checked) {
        this.recipe = recipe;
        this.protocol = checked.protocol();
        this.setup = checked.setup();
        this.n = setup.nodes();
        SplittableRandom root = new SplittableRandom(recipe.seed());
        this.network = new Network(n, recipe.network(), root.split());
        this.faultRandom = root.split();
        this.scheduler = Scheduler.replaying(recipe.schedule());
        long maxEvents = recipe.budgets().maxEvents();
        this.eventCutOff = maxEvents > Long.MAX_VALUE - EVENT_BUDGET_SLACK ? Long.MAX_VALUE : maxEvents + EVENT_BUDGET_SLACK;
        this.nodes = new NodeState[n];
        this.contexts = new Context[n];
        this.peers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            nodes[i] = new NodeState(i, root.split());
            contexts[i] = new NodeContext(nodes[i]);
            List<Integer> others = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    others.add(j);
                }
            }
            peers.add(List.copyOf(others));
            byRole.computeIfAbsent(setup.roleOf(i), role -> new ArrayList<>()).add(i);
        }
        byRole.replaceAll((role, members) -> List.copyOf(members));
        for (Fault fault : recipe.faults()) {
            schedulePlanned(fault);
        }
        runItem(new CreateProcesses());
        if (setup.roundBased()) {
            schedule(new RoundStart(0, 1));
        } else {
            for (int i = 0; i < n; i++) {
                schedule(new Start(0, i));
            }
        }
    }

    // ---------------------------------------------------------------- running

    /**
     * Advances the run by one step: the faults due at this event index, then queue items until one of them
     * adds to the trace (items that change nothing visible, like a cancelled timer, are not steps of their own,
     * so every step boundary has its own trace size and {@code atEvent} faults replay exactly).
     * Returns false once the run has ended.
     */
    boolean step() {
        long started = System.nanoTime();
        stepItem();
        checkWallBudget(started);
        wallNanos += System.nanoTime() - started;
        return end == null;
    }

    /** Runs until the trace has at least {@code events} events or the run ends. */
    void runUntilEvents(long events) {
        long started = System.nanoTime();
        int sinceCheck = 0;
        try {
            while (end == null && !halted && trace.written() < events) {
                if (!stepItem()) {
                    return;
                }
                if (++sinceCheck == WALL_CHECK_INTERVAL) {
                    sinceCheck = 0;
                    checkWallBudget(started);
                }
            }
            checkWallBudget(started);
        } finally {
            wallNanos += System.nanoTime() - started;
        }
    }

    /**
     * Runs until the trace has at least {@code events} events or the run ends, without checking the computing-time
     * budget: a replay of events computed within it once must not end elsewhere because this machine is busier.
     */
    void replayTo(long events) {
        while (end == null && !halted && trace.written() < events && stepItem()) {
            // each step adds to the trace
        }
    }

    /** Ends the run by a reason a replay cannot reproduce (the computing-time budget); an ended run keeps its own. */
    void endWith(EndReason reason) {
        if (end == null) {
            finish(reason);
        }
    }

    /** Replays until the watched fault has been applied (or the run ends); returns the trace size right after it. */
    int runUntilApplied(Fault fault) {
        watched = fault;
        while (end == null && watchedEnd < 0 && stepItem()) {
            // each step either applies the fault or brings it closer
        }
        return watchedEnd;
    }

    /** Replays until right after event {@code eventIndex}: nothing after it runs, not even the rest of a handler. */
    void runToJustAfter(int eventIndex) {
        haltAt = eventIndex + 1L;
        runUntilEvents(Long.MAX_VALUE);
    }

    /** Millis are compared, not nanos: maxWallMillis × 1,000,000 overflows for budgets near Long.MAX_VALUE. */
    private void checkWallBudget(long started) {
        if (end == null && (wallNanos + System.nanoTime() - started) / 1_000_000 >= recipe.budgets().maxWallMillis()) {
            finish(new EndReason("budget.wall", "the run used its " + recipe.budgets().maxWallMillis()
                    + " ms of computing time"));
        }
    }

    private boolean stepItem() {
        if (end != null || halted) {
            return false;
        }
        if (haltsNow()) {
            return false;
        }
        if (applyNextFaultDueByEvent()) {
            checkBudgets();
            return end == null;
        }
        int before = trace.written();
        while (end == null && !halted && trace.written() == before) {
            if (queue.isEmpty()) {
                finish(new EndReason("completed", held.isEmpty() ? "nothing is left to happen"
                        : "nothing is left to happen but the " + held.size() + " messages held"));
                return false;
            }
            Item item = nextItem();
            if (item == null) {
                return false;
            }
            // Only an item chosen out of the clock's order can be due before now: it runs late, at the current time.
            long at = Math.max(now, item.time);
            if (at > recipe.budgets().maxTime()) {
                finish(new EndReason("budget.time", "virtual time would pass the budget of " + recipe.budgets().maxTime() + " ticks"));
                return false;
            }
            now = at;
            runItem(item);
        }
        checkBudgets();
        return end == null;
    }

    /** The item the scheduler chooses: the clock's next one, or one from the list of enabled items. */
    private Item nextItem() {
        if (scheduler.followsClock()) {
            return queue.poll();
        }
        Integer[] order = queue.inOrder();
        List<Enabled> enabled = describe(order);
        int choice = scheduler.choose(enabled);
        if (choice < 0 || choice >= order.length) {
            finish(new EndReason("schedule", "scheduling choice " + choice + " is not one of the " + order.length
                    + " items enabled at time " + now));
            return null;
        }
        return queue.removeAt(order[choice]);
    }

    private List<Enabled> describe(Integer[] order) {
        List<Enabled> enabled = new ArrayList<>(order.length);
        for (int position : order) {
            enabled.add(queue.itemAt(position).describe());
        }
        return enabled;
    }

    /** What may run next, in the clock's order: what a {@link Scheduler} chooses from. */
    List<Enabled> enabled() {
        return describe(queue.inOrder());
    }

    /** The messages held by a HOLD action, in the order they were held. */
    List<Enabled> held() {
        return held.stream().map(Deliver::describe).toList();
    }

    private void runItem(Item item) {
        if (haltsNow()) {
            return;
        }
        try {
            item.run();
        } catch (Halt e) {
            // a seek's replay has reached its event; the engine is discarded
        } catch (BudgetExceeded e) {
            finish(new EndReason("budget.events", "a handler produced more events than the budget allows"));
        } catch (ProtocolFailure e) {
            record(EventKind.NOTE, e.node, -1, -1, -1, "protocol error: " + e.getCause(), null);
            finish(new EndReason("protocol-error", "the protocol failed at " + ProcessLabel.of(e.node) + ": " + e.getCause()));
        }
        if (!halted) {
            settle();
        }
    }

    /**
     * Feeds the monitors the events written so far. Called where the state right after the last event is what
     * {@link Simulation#processesAt} would show for it: before the next event is written, and when a handler is
     * done; so at most the newest event waits, and its state is the present one.
     */
    void settle() {
        if (feed != null) {
            feed.catchUp();
        }
    }

    void feed(MonitorFeed monitors) {
        this.feed = monitors;
    }

    NodeState node(int id) {
        return nodes[id];
    }

    String roleOf(int node) {
        return setup.roleOf(node);
    }

    private void checkBudgets() {
        if (end != null) {
            return;
        }
        Budgets b = recipe.budgets();
        if (trace.written() >= b.maxEvents()) {
            finish(new EndReason("budget.events", "the trace reached the budget of " + b.maxEvents() + " events"));
        } else if (trace.approximateBytes() >= b.maxTraceBytes()) {
            finish(new EndReason("budget.trace", "the trace reached the budget of " + b.maxTraceBytes() + " bytes"));
        }
    }

    private void finish(EndReason reason) {
        end = reason;
        trace.append(now, EventKind.END, -1, -1, -1, -1, 0, round, reason.message(), reason.code());
    }

    // ---------------------------------------------------------------- live faults

    /**
     * Applies a fault now and appends it to the recipe, recorded at the current event index so a replay of
     * the new recipe applies it at exactly this point. Returns the fault as recorded.
     */
    Fault inject(Fault fault) {
        if (end != null) {
            throw new IllegalStateException("the run has ended (" + end.message() + "); branch it to try other faults");
        }
        checkInjected(fault);
        Fault recorded = fault.atEvent(trace.written());
        recipe = recipe.withFault(recorded);
        runItem(new FaultItem(now, recorded));
        checkBudgets();
        return recorded;
    }

    /** Checks a fault about to be injected live, throwing {@link RecipeException} (field {@code fault}). */
    void checkInjected(Fault fault) {
        RecipeValidator.checkInjected(new Fault(now, null, fault.kind(), fault.target(), fault.params()), protocol, n);
        if (fault.kind().actsOnMessage()) {
            int message = ((Number) fault.params().get("message")).intValue();
            String missing = missing(fault.kind(), message, queuedPosition(message), heldIndex(message));
            if (missing != null) {
                throw new RecipeException("fault.params.message", missing);
            }
        }
    }

    private void schedulePlanned(Fault fault) {
        if (fault.at() != null) {
            schedule(new FaultItem(fault.at(), fault));
        } else {
            int i = faultsByEvent.size();
            while (i > 0 && faultsByEvent.get(i - 1).atEvent() > fault.atEvent()) {
                i--;
            }
            faultsByEvent.add(i, fault);
        }
    }

    /**
     * A fault planned by event index is a step of its own, one fault per step, as {@link #inject} was between
     * two steps of the live run: so seeking to its FAULT event shows what the live run showed right after it.
     */
    private boolean applyNextFaultDueByEvent() {
        if (faultsByEvent.isEmpty() || faultsByEvent.get(0).atEvent() > trace.written()) {
            return false;
        }
        runItem(new FaultItem(now, faultsByEvent.remove(0)));
        return true;
    }

    /**
     * Called before the kernel writes an event or acts on a message, a timer or a round: a replay for seeking
     * stops here once it has its event, and a fault planned for exactly this trace size applies here, so it
     * lands between the two events even in the middle of a handler. A fault whose index the trace had already
     * passed at a step boundary waits for the next step, one per step, as it always did.
     */
    private void beforeEvent() {
        if (haltAt >= 0 && trace.written() >= haltAt) {
            halted = true;
            throw Halt.INSTANCE;
        }
        settle();
        while (!faultsByEvent.isEmpty()) {
            int due = firstDueNow();
            if (due < 0) {
                return;
            }
            apply(faultsByEvent.remove(due));
        }
    }

    /** The first planned fault whose index is the trace's size right now, or -1. */
    private int firstDueNow() {
        int size = trace.written();
        for (int i = 0; i < faultsByEvent.size(); i++) {
            long at = faultsByEvent.get(i).atEvent();
            if (at == size) {
                return i;
            }
            if (at > size) {
                return -1;
            }
        }
        return -1;
    }

    private boolean haltsNow() {
        if (haltAt >= 0 && trace.written() >= haltAt) {
            halted = true;
        }
        return halted;
    }

    /** Applies a fault; what it causes (a crash, a recovery and the recovered process's sends) has its FAULT event as parent. */
    private void apply(Fault fault) {
        try {
            if (fault.kind() == FaultKind.REQUEST) {
                request(nodes[fault.targetNode()], (String) fault.params().get("command"));
                return;
            }
            if (fault.kind().actsOnMessage()) {
                messageAction(fault);
                return;
            }
            int previousCause = currentCause;
            currentCause = record(EventKind.FAULT, fault.targetNode(), -1, -1, -1, fault, fault.kind().name());
            try {
                applyEffects(fault);
            } finally {
                currentCause = previousCause;
            }
        } finally {
            if (fault == watched) {
                watchedEnd = trace.written();
            }
        }
    }

    private void applyEffects(Fault fault) {
        int target = fault.targetNode();
        Map<String, Object> p = fault.params();
        if (fault.kind().makesFaulty()) {
            everFaulty.set(target);
            if (fault.kind() != FaultKind.CRASH) {
                faultyBesidesCrash.set(target);
            }
        }
        switch (fault.kind()) {
            case CRASH -> {
                NodeState node = nodes[target];
                if (!node.up) {
                    // Arming afterSends or reaches here would crash the node's next life instead.
                    return;
                }
                if (p.containsKey("reaches")) {
                    node.crashReaches = new HashSet<>(intList(p.get("reaches")));
                } else if (number(p, "afterSends", 0).intValue() > 0) {
                    node.crashAfterSends = number(p, "afterSends", 0).intValue();
                } else {
                    crash(node);
                }
            }
            case RECOVER -> recover(nodes[target]);
            case SEND_OMISSION -> {
                nodes[target].sendOmission = number(p, "probability", 1.0).doubleValue();
                endLater(fault, p);
            }
            case RECEIVE_OMISSION -> {
                nodes[target].receiveOmission = number(p, "probability", 1.0).doubleValue();
                endLater(fault, p);
            }
            case TIMING -> {
                nodes[target].extraDelay = number(p, "extraDelay", 0).longValue();
                nodes[target].timerFactor = number(p, "timerFactor", 1.0).doubleValue();
                endLater(fault, p);
            }
            case BYZANTINE -> {
                NodeState node = nodes[target];
                String name = (String) p.get("behaviour");
                BehaviourSpec spec = protocol.behaviours().stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
                node.byzantineName = name;
                node.byzantine = spec.factory().apply(p);
                node.byzantineRandom = faultRandom.split();
            }
            case LINK_DOWN, LINK_UP -> {
                int to = number(p, "to", 0).intValue();
                boolean down = fault.kind() == FaultKind.LINK_DOWN;
                network.links().setDown(target, to, down);
                if (!Boolean.TRUE.equals(p.get("oneWay"))) {
                    network.links().setDown(to, target, down);
                }
            }
            case LINK_LOSS -> network.links().setLoss(target, number(p, "to", 0).intValue(), number(p, "probability", 0).doubleValue());
            case PARTITION -> {
                int[] group = new int[n];
                List<?> groups = (List<?>) p.get("groups");
                for (int g = 0; g < groups.size(); g++) {
                    for (int member : intList(groups.get(g))) {
                        group[member] = g + 1;
                    }
                }
                network.links().partition(group);
            }
            case HEAL -> network.links().heal();
            case NETWORK -> network.change(p);
        }
    }

    /** A lasting fault's duration ends only that fault: not a newer one of the same kind that replaced it. */
    private void endLater(Fault fault, Map<String, Object> p) {
        int generation = ++nodes[fault.targetNode()].lastingFaults[fault.kind().ordinal()];
        if (p.containsKey("duration")) {
            schedule(new FaultEnd(now + number(p, "duration", 0).longValue(), fault.kind(), fault.targetNode(), generation));
        }
    }

    /**
     * The student acting as the network on one in-flight message: a FAULT event naming it (its receiver, sender
     * and id), then what the action does, caused by that event. An action on a message no longer in flight (or
     * not held, for RELEASE) is recorded as such and does nothing.
     */
    private void messageAction(Fault fault) {
        FaultKind kind = fault.kind();
        int message = ((Number) fault.params().get("message")).intValue();
        int queued = queuedPosition(message);
        int heldAt = heldIndex(message);
        Deliver d = queued >= 0 ? (Deliver) queue.itemAt(queued) : heldAt >= 0 ? held.get(heldAt) : null;
        String missing = missing(kind, message, queued, heldAt);
        int previousCause = currentCause;
        currentCause = record(EventKind.FAULT, d == null ? -1 : d.to, d == null ? -1 : d.from, message, -1, fault,
                missing == null ? kind.name() : kind.name() + ": " + missing);
        try {
            if (missing != null) {
                return;
            }
            if (kind == FaultKind.DUPLICATE) {
                record(EventKind.DUPLICATE, d.from, d.to, message, d.sendSeq, d.payload, "duplicated by hand");
                schedule(d.at(Math.max(now, d.time)));
                return;
            }
            if (queued >= 0) {
                queue.removeAt(queued);
            } else {
                held.remove(heldAt);
            }
            switch (kind) {
                case HOLD -> held.add(d);
                case RELEASE -> schedule(d.at(Math.max(now, d.time)));
                case DELIVER -> deliver(d);
                case DROP -> record(EventKind.DROP, d.to, d.from, message, d.sendSeq, d.payload, "dropped by hand");
                default -> throw new IllegalStateException(kind + " is not a message action");
            }
        } finally {
            currentCause = previousCause;
        }
    }

    /** Why a message action cannot act, or null if it can. */
    private static String missing(FaultKind kind, int message, int queued, int heldAt) {
        if (kind == FaultKind.HOLD && queued < 0) {
            return heldAt >= 0 ? "message " + message + " is held already" : "message " + message + " is not in flight";
        }
        if (kind == FaultKind.RELEASE && heldAt < 0) {
            return "message " + message + " is not held";
        }
        return queued < 0 && heldAt < 0 ? "message " + message + " is not in flight" : null;
    }

    /** Heap position of the first copy (in the clock's order) of this message still queued, or -1. */
    private int queuedPosition(int message) {
        int best = -1;
        for (Integer position : queue.inOrder()) {
            if (queue.itemAt(position) instanceof Deliver d && d.message == message) {
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

    /** A client request reaches a process: a REQUEST event, then the process's onRequest, caused by that event. */
    private void request(NodeState node, String command) {
        Request request = new Request(++requests, node.id, command);
        int seq = record(EventKind.REQUEST, node.id, -1, -1, -1, request, node.up ? null : "lost: P" + node.id + " is down");
        if (node.up) {
            invoke(node, seq, target -> {
                if (target.process instanceof AsyncProcess async) {
                    async.onRequest(contextOf(target), request);
                } else {
                    ((RoundProcess) target.process).onRequest(contextOf(target), request);
                }
            });
        }
    }

    private void crash(NodeState node) {
        if (!node.up) {
            return;
        }
        node.up = false;
        node.incarnation++;
        node.process = null;
        node.timers.clear();
        node.inbox.clear();
        node.crashAfterSends = -1;
        node.crashReaches = null;
        record(EventKind.CRASH, node.id, -1, -1, -1, null, null);
    }

    private void recover(NodeState node) {
        if (node.up) {
            return;
        }
        node.up = true;
        node.incarnation++;
        int seq = record(EventKind.RECOVER, node.id, -1, -1, -1, null, null);
        invoke(node, seq, recovered -> {
            recovered.process = setup.factory().apply(recovered.id);
            if (recovered.process instanceof AsyncProcess async) {
                async.onRecover(contextOf(recovered));
            } else {
                ((RoundProcess) recovered.process).onRecover(contextOf(recovered));
            }
        });
    }

    // ---------------------------------------------------------------- processes and messages

    /** A call of one of a process's handlers. Queue items that make one implement it, so calling allocates nothing. */
    private interface Call {
        void call(NodeState node);
    }

    /**
     * Runs a handler of {@code node}; afterwards a crash armed with "reaches" takes effect. A crash part-way
     * (afterSends) stops the handler where it is; whatever else the handler throws ends the run as a protocol error.
     */
    private void invoke(NodeState node, int cause, Call handler) {
        int previousCause = currentCause;
        currentCause = cause;
        try {
            handler.call(node);
        } catch (CrashedMidHandler e) {
            return;
        } catch (BudgetExceeded | ProtocolFailure | Halt e) {
            throw e;
        } catch (StackOverflowError e) {
            throw new ProtocolFailure(node.id, e);
        } catch (VirtualMachineError e) {
            // Out of memory or a broken JVM is the server's trouble, not the protocol's.
            throw e;
        } catch (Throwable e) {
            throw new ProtocolFailure(node.id, e);
        } finally {
            currentCause = previousCause;
        }
        if (node.crashReaches != null) {
            crash(node);
        }
    }

    private void send(NodeState from, int to, Message message) {
        beforeEvent();
        if (!from.up) {
            // A fault applied just now crashed the sender: its handler stops here.
            throw CrashedMidHandler.INSTANCE;
        }
        if (to < 0 || to >= n) {
            throw new IllegalArgumentException(ProcessLabel.of(from.id) + " sent to a process that does not exist: " + to);
        }
        if (from.crashReaches != null && !from.crashReaches.contains(to)) {
            return;
        }
        boolean local = to == from.id;
        Message sent = message;
        if (from.byzantine != null && !local) {
            sent = from.byzantine.tamper(from.id, to, round, message, from.byzantineRandom);
            if (sent == null) {
                return;
            }
        }
        int id = nextMessage++;
        int lamport = ++from.lamport;
        int sendSeq = record(EventKind.SEND, from.id, to, id, currentCause, sent, null, lamport);
        boolean lastSend = from.crashAfterSends > 0 && --from.crashAfterSends == 0;
        if (lastSend) {
            crash(from);
        }
        if (local) {
            schedule(new Deliver(localDeliveryTime(), id, from.id, to, sent, sendSeq, lamport, round));
        } else {
            transmit(from, to, sent, id, sendSeq, lamport);
        }
        if (lastSend) {
            throw CrashedMidHandler.INSTANCE;
        }
        cutIfDown(from);
    }

    /** A fault applied between two events of a handler crashed its process: the handler stops right there. */
    private static void cutIfDown(NodeState node) {
        if (!node.up) {
            throw CrashedMidHandler.INSTANCE;
        }
    }

    /** What happens to a sent message on its way out: the sender's faults, then the link and the network. */
    private void transmit(NodeState from, int to, Message sent, int id, int sendSeq, int lamport) {
        if (omits(from.sendOmission)) {
            record(EventKind.DROP, from.id, to, id, sendSeq, sent, "send omission");
            return;
        }
        String cut = network.cutOff(from.id, to);
        if (cut != null) {
            record(EventKind.DROP, from.id, to, id, sendSeq, sent, cut);
            return;
        }
        if (network.losesAtSend(from.id, to)) {
            record(EventKind.DROP, from.id, to, id, sendSeq, sent, "lost in the network");
            return;
        }
        schedule(new Deliver(deliveryTime(from, to), id, from.id, to, sent, sendSeq, lamport, round));
        if (network.duplicates()) {
            record(EventKind.DUPLICATE, from.id, to, id, sendSeq, sent, "duplicated by the network");
            schedule(new Deliver(deliveryTime(from, to), id, from.id, to, sent, sendSeq, lamport, round));
        }
    }

    private boolean omits(double probability) {
        return probability > 0 && (probability >= 1 || faultRandom.nextDouble() < probability);
    }

    /**
     * In a round protocol a message arrives by the round's last tick, even one sent mid-round (by a recovered
     * process); only a timing fault makes a message late.
     */
    private long deliveryTime(NodeState from, int to) {
        long maxDelay = setup.roundBased() ? Math.max(0, (long) round * ROUND_TICKS - 1 - now) : Long.MAX_VALUE;
        return network.deliveryTime(from.id, to, now, from.extraDelay, maxDelay);
    }

    /** A message to oneself takes one tick, and in a round protocol stays inside the round like any other. */
    private long localDeliveryTime() {
        return setup.roundBased() ? now + Math.max(0, Math.min(1, (long) round * ROUND_TICKS - 1 - now)) : now + 1;
    }

    private void deliver(Deliver d) {
        beforeEvent();
        NodeState to = nodes[d.to];
        String dropped = null;
        if (!to.up) {
            dropped = "receiver crashed";
        } else if (setup.roundBased() && (d.round < round || roundsOver)) {
            dropped = "late: arrived after round " + d.round + " ended";
        } else if (d.from != d.to) {
            dropped = network.blocks(d.from, d.to);
            if (dropped == null && omits(to.receiveOmission)) {
                dropped = "receive omission";
            }
        }
        if (dropped != null) {
            record(EventKind.DROP, d.to, d.from, d.message, d.sendSeq, d.payload, dropped);
            return;
        }
        to.lamport = Math.max(to.lamport, d.lamport) + 1;
        int seq = record(EventKind.DELIVER, d.to, d.from, d.message, d.sendSeq, d.payload, null, to.lamport);
        if (setup.roundBased()) {
            to.inbox.add(new Delivery(d.from, d.round, d.payload, seq));
        } else {
            invoke(to, seq, d);
        }
    }

    private void roundStart(int r) {
        beforeEvent();
        boolean last = r > setup.rounds();
        // What processes decide once all rounds are over belongs to the last round: there is no round m+2.
        round = last ? setup.rounds() : r;
        roundsOver = last;
        int seq = record(EventKind.ROUND, -1, -1, -1, -1, round, last ? Simulation.END_OF_ROUNDS + round : "round " + r);
        for (NodeState node : nodes) {
            if (!node.up) {
                continue;
            }
            List<Delivery> inbox = List.copyOf(node.inbox);
            node.inbox.clear();
            RoundProcess process = (RoundProcess) node.process;
            invoke(node, seq, self -> {
                if (last) {
                    process.onEnd(contextOf(self), inbox);
                } else {
                    process.onRound(contextOf(self), r, inbox);
                }
            });
        }
        if (!last) {
            schedule(new RoundStart(r * ROUND_TICKS, r + 1));
        }
    }

    private int record(EventKind kind, int node, int peer, int message, int parent, Object payload, String detail) {
        int lamport = node >= 0 ? nodes[node].lamport : 0;
        return record(kind, node, peer, message, parent, payload, detail, lamport);
    }

    private int record(EventKind kind, int node, int peer, int message, int parent, Object payload, String detail, int lamport) {
        beforeEvent();
        int seq = trace.append(now, kind, node, peer, message, parent < 0 ? currentCause : parent, lamport, round, payload, detail);
        guardEventBudget();
        return seq;
    }

    private void guardEventBudget() {
        if (trace.written() > eventCutOff) {
            throw BudgetExceeded.INSTANCE;
        }
    }

    private void schedule(Item item) {
        queue.add(item.time, item);
    }

    private static Number number(Map<String, Object> p, String key, Number fallback) {
        Object value = p.get(key);
        return value instanceof Number number ? number : fallback;
    }

    private static List<Integer> intList(Object value) {
        return ((List<?>) value).stream().map(v -> ((Number) v).intValue()).toList();
    }

    // ---------------------------------------------------------------- what a caller can see

    public Recipe recipe() {
        return recipe;
    }

    public Trace trace() {
        return trace;
    }

    public Protocol protocol() {
        return protocol;
    }

    public int nodeCount() {
        return n;
    }

    public boolean roundBased() {
        return setup.roundBased();
    }

    public int rounds() {
        return setup.rounds();
    }

    /** The current round of a round protocol (after the last one, still rounds()), or -1. */
    public int round() {
        return round;
    }

    public long now() {
        return now;
    }

    public boolean ended() {
        return end != null;
    }

    public EndReason endReason() {
        return end;
    }

    /** The process object of a node, for protocol-specific result extraction (null while crashed). */
    public NodeProcess process(int node) {
        return nodes[node].process;
    }

    /**
     * The nodes correctness properties exempt, by the protocol's failure model: under crash-stop every node
     * that a crash, omission, timing or Byzantine fault hit at any time; under crash-recovery a crash counts
     * only while the node is down, so a node that recovered is correct again.
     */
    public BitSet faultyNodes() {
        if (protocol.failureModel() == FailureModel.CRASH_STOP) {
            return (BitSet) everFaulty.clone();
        }
        BitSet faulty = (BitSet) faultyBesidesCrash.clone();
        for (NodeState node : nodes) {
            if (!node.up) {
                faulty.set(node.id);
            }
        }
        return faulty;
    }

    /** The role of each process, by id. */
    public List<String> roles() {
        List<String> roles = new ArrayList<>(n);
        for (int node = 0; node < n; node++) {
            roles.add(setup.roleOf(node));
        }
        return roles;
    }

    /** The first decision of each node that decided. */
    public Map<Integer, Object> decisions() {
        Map<Integer, Object> decisions = new LinkedHashMap<>();
        for (NodeState node : nodes) {
            if (node.decided) {
                decisions.put(node.id, node.decision);
            }
        }
        return decisions;
    }

    public List<ProcessStatus> processes() {
        List<ProcessStatus> all = new ArrayList<>(n);
        for (NodeState node : nodes) {
            Map<String, Object> stable = node.stable.view();
            all.add(new ProcessStatus(node.id, setup.roleOf(node.id), node.up, node.byzantineName, stateOf(node), stable,
                    node.decision, displayOf(node, stable)));
        }
        return all;
    }

    /** While up, the protocol's display (or the error if building it fails); while crashed, what survived. */
    static StateDisplay displayOf(NodeState node, Map<String, Object> stable) {
        if (!node.up || node.process == null) {
            return StateDisplay.fromView(stable);
        }
        try {
            return node.process.display();
        } catch (RuntimeException e) {
            return StateDisplay.of(new StateDisplay.Fields(StateDisplay.ERROR_TITLE, Map.of("error", e.toString())));
        }
    }

    /** A process's state view; empty while crashed, and the error instead if the protocol's view fails. */
    static Map<String, Object> stateOf(NodeState node) {
        if (!node.up || node.process == null) {
            return Map.of();
        }
        try {
            return node.process.view();
        } catch (RuntimeException e) {
            return Map.of("viewError", e.toString());
        }
    }

    // ---------------------------------------------------------------- queue items

    private abstract static class Item {
        final long time;

        Item(long time) {
            this.time = time;
        }

        abstract void run();

        /** The item as a scheduler sees it. */
        abstract Enabled describe();
    }

    /** Not queued: run once by the constructor, so a factory that throws ends the run like any protocol error. */
    private final class CreateProcesses extends Item implements Call {
        CreateProcesses() {
            super(0);
        }

        @Override
        Enabled describe() {
            return new Enabled("start", time, -1, -1, -1, "create the processes");
        }

        @Override
        void run() {
            for (NodeState node : nodes) {
                invoke(node, -1, this);
            }
        }

        @Override
        public void call(NodeState node) {
            node.process = setup.factory().apply(node.id);
        }
    }

    private final class Start extends Item implements Call {
        final int node;

        Start(long time, int node) {
            super(time);
            this.node = node;
        }

        @Override
        Enabled describe() {
            return new Enabled("start", time, node, -1, -1, "P" + node + " starts");
        }

        @Override
        void run() {
            NodeState state = nodes[node];
            if (state.up) {
                invoke(state, -1, this);
            }
        }

        @Override
        public void call(NodeState state) {
            ((AsyncProcess) state.process).onStart(contextOf(state));
        }
    }

    private final class RoundStart extends Item {
        final int number;

        RoundStart(long time, int number) {
            super(time);
            this.number = number;
        }

        @Override
        Enabled describe() {
            return new Enabled("round", time, -1, -1, -1, "round " + number);
        }

        @Override
        void run() {
            roundStart(number);
        }
    }

    private final class Deliver extends Item implements Call {
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

        @Override
        public void call(NodeState receiver) {
            ((AsyncProcess) receiver.process).onMessage(contextOf(receiver), from, payload);
        }
    }

    private final class TimerFire extends Item implements Call {
        final int node;
        final String name;
        final int generation;
        final int incarnation;

        TimerFire(long time, int node, String name, int generation, int incarnation) {
            super(time);
            this.node = node;
            this.name = name;
            this.generation = generation;
            this.incarnation = incarnation;
        }

        @Override
        Enabled describe() {
            return new Enabled("timer", time, node, -1, -1, name);
        }

        @Override
        void run() {
            beforeEvent();
            NodeState state = nodes[node];
            Integer current = state.timers.get(name);
            if (!state.up || state.incarnation != incarnation || current == null || current != generation) {
                return;
            }
            state.timers.remove(name);
            int seq = record(EventKind.TIMER, node, -1, -1, -1, name, name);
            invoke(state, seq, this);
        }

        @Override
        public void call(NodeState state) {
            ((AsyncProcess) state.process).onTimer(contextOf(state), name);
        }
    }

    private final class FaultItem extends Item {
        final Fault fault;

        FaultItem(long time, Fault fault) {
            super(time);
            this.fault = fault;
        }

        @Override
        Enabled describe() {
            return new Enabled("fault", time, fault.targetNode(), -1, -1, fault.kind().name());
        }

        @Override
        void run() {
            apply(fault);
        }
    }

    private final class FaultEnd extends Item {
        final FaultKind kind;
        final int node;
        final int generation;

        FaultEnd(long time, FaultKind kind, int node, int generation) {
            super(time);
            this.kind = kind;
            this.node = node;
            this.generation = generation;
        }

        @Override
        Enabled describe() {
            return new Enabled("fault-end", time, node, -1, -1, kind.name() + " ends");
        }

        @Override
        void run() {
            beforeEvent();
            NodeState state = nodes[node];
            if (state.lastingFaults[kind.ordinal()] != generation) {
                return;
            }
            switch (kind) {
                case SEND_OMISSION -> state.sendOmission = 0;
                case RECEIVE_OMISSION -> state.receiveOmission = 0;
                case TIMING -> {
                    state.extraDelay = 0;
                    state.timerFactor = 1;
                }
                default -> throw new IllegalStateException(kind + " does not end by itself");
            }
            record(EventKind.NOTE, node, -1, -1, -1, kind.name().toLowerCase().replace('_', ' ') + " ended", "fault ended");
        }
    }

    /** A process's handler threw; caught by the step loop, which ends the run with the reason. */
    private static final class ProtocolFailure extends RuntimeException {
        final int node;

        ProtocolFailure(int node, Throwable cause) {
            super(cause.toString(), cause, false, false);
            this.node = node;
        }
    }

    /**
     * Thrown inside a runaway handler; caught by the step loop, never escapes. An Error, so a protocol's own
     * {@code catch (RuntimeException e)} cannot swallow it and keep the handler running.
     */
    private static final class BudgetExceeded extends Error {
        static final BudgetExceeded INSTANCE = new BudgetExceeded();

        private BudgetExceeded() {
            super(null, null, false, false);
        }
    }

    /** Stops a replay for seeking at its event, wherever the kernel is; caught by the step loop. */
    private static final class Halt extends Error {
        static final Halt INSTANCE = new Halt();

        private Halt() {
            super(null, null, false, false);
        }
    }

    /** Stops the handler of a node that crashed part-way through it; caught by invoke. An Error for the same reason. */
    private static final class CrashedMidHandler extends Error {
        static final CrashedMidHandler INSTANCE = new CrashedMidHandler();

        private CrashedMidHandler() {
            super(null, null, false, false);
        }
    }

    // ---------------------------------------------------------------- the context a process sees

    private Context contextOf(NodeState node) {
        return contexts[node.id];
    }

    private final class NodeContext implements Context {
        private final NodeState node;

        NodeContext(NodeState node) {
            this.node = node;
        }

        @Override
        public int self() {
            return node.id;
        }

        @Override
        public List<Integer> peers() {
            return peers.get(node.id);
        }

        @Override
        public int n() {
            return n;
        }

        @Override
        public long now() {
            return now;
        }

        @Override
        public int round() {
            return round;
        }

        @Override
        public void send(int to, Message message) {
            Kernel.this.send(node, to, message);
        }

        @Override
        public void broadcast(Message message) {
            for (int to : peers.get(node.id)) {
                Kernel.this.send(node, to, message);
            }
        }

        @Override
        public void broadcastAll(Message message) {
            for (int to = 0; to < n; to++) {
                Kernel.this.send(node, to, message);
            }
        }

        @Override
        public String role() {
            return setup.roleOf(node.id);
        }

        @Override
        public String roleOf(int other) {
            if (other < 0 || other >= n) {
                throw new IllegalArgumentException("process " + other + " does not exist (n=" + n + ")");
            }
            return setup.roleOf(other);
        }

        @Override
        public List<Integer> withRole(String role) {
            return byRole.getOrDefault(role, List.of());
        }

        @Override
        public void setTimer(String name, long delay) {
            if (!node.up) {
                return;
            }
            if (setup.roundBased()) {
                throw new IllegalStateException("timers belong to asynchronous protocols; round protocols use rounds");
            }
            int generation = ++node.timerGeneration;
            node.timers.put(name, generation);
            long scaled = Math.max(1, Math.round(delay * node.timerFactor));
            schedule(new TimerFire(now + scaled, node.id, name, generation, node.incarnation));
        }

        @Override
        public void cancelTimer(String name) {
            node.timers.remove(name);
        }

        @Override
        public StableStorage stable() {
            return node.stable;
        }

        @Override
        public void decide(Object value) {
            beforeEvent();
            cutIfDown(node);
            if (!node.decided) {
                node.decided = true;
                node.decision = value;
            }
            recordOwn(EventKind.DECIDE, value, null);
        }

        @Override
        public void output(Output output) {
            if (output instanceof Output.Decide decide) {
                decide(decide.value());
            } else {
                recordOwn(EventKind.OUTPUT, output, output.kind());
            }
        }

        @Override
        public void note(String text) {
            recordOwn(EventKind.NOTE, text, null);
        }

        @Override
        public void stateChanged(String description) {
            recordOwn(EventKind.STATE, description, null);
        }

        /** An event of the process's own; a fault due before it (or set off by it) that crashes the process cuts the handler. */
        private void recordOwn(EventKind kind, Object payload, String detail) {
            beforeEvent();
            cutIfDown(node);
            record(kind, node.id, -1, -1, -1, payload, detail);
            cutIfDown(node);
        }

        @Override
        public SplittableRandom random() {
            return node.random;
        }
    }
}

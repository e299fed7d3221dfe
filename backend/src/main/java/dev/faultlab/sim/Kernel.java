package dev.faultlab.sim;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * The engine behind a {@link Simulation}: the step loop over one event queue ordered by (time, insertion
 * order), the virtual clock, the budgets and the trace it writes. Messages are the {@link Transport}'s job,
 * faults the {@link FaultModel}'s and what a process may do the {@link NodeContext}'s. It runs whole queue
 * items (a handler and everything it sends); {@link Simulation} shows their events one at a time. Single-threaded and free of
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

    final Protocol protocol;
    final Setup setup;
    final int n;
    final List<List<Integer>> peers;
    final NodeState[] nodes;
    private final Context[] contexts;
    final Trace trace = new Trace();
    final EventQueue<Item> queue = new EventQueue<>();
    final Transport transport;
    final FaultModel faults;
    private final Scheduler scheduler;
    /** The budgets, read on every step. */
    private final Budgets budgets;
    /** Read on every delivery and send. */
    final boolean roundBased;
    /** maxEvents plus the handler slack, saturated: a budget near Long.MAX_VALUE must not wrap to negative. */
    private final long eventCutOff;
    /** Role name → its processes in ascending id order. */
    final Map<String, List<Integer>> byRole = new LinkedHashMap<>();
    private Recipe recipe;
    long now;
    int round = -1;
    /** Set when the last round has ended: every message still on its way arrives too late. */
    boolean roundsOver;
    private long wallNanos;
    private EndReason end;
    /** The trace event that set the current handler or fault going: the parent of what it causes. */
    int currentCause = -1;
    /** A replay for seeking stops right before it would write this event (or run anything more); -1: never. */
    private long haltAt = -1;
    private boolean halted;
    /** The scheduler answered {@link Scheduler#PAUSE}: the run waits, not ended, for a caller that knows what next. */
    private boolean paused;
    /**
     * The trace size from which {@link #beforeEvent} has something to do (a seek's halt or a fault planned by event
     * index), so the check before every event is one comparison. Never above what is due; a stale lower value only
     * costs the full check.
     */
    private long attentionAt = Long.MAX_VALUE;
    /** The monitors following this run, told of each event once the state right after it is final; null: none. */
    private MonitorFeed feed;

    /** Checks the recipe (throwing {@link RecipeException} naming the field) and sets the run up at time 0. */
    static Kernel start(Recipe recipe, ProtocolRegistry registry) {
        return new Kernel(recipe, RecipeValidator.check(recipe, registry), Scheduler.replaying(recipe.schedule()));
    }

    /** The same, replaying the recipe's schedule and then pausing before the next choice (see {@link #paused()}). */
    static Kernel startPausing(Recipe recipe, ProtocolRegistry registry, PausingScheduler scheduler) {
        return new Kernel(recipe, RecipeValidator.check(recipe, registry), scheduler);
    }

    private Kernel(Recipe recipe, RecipeValidator.Checked checked, Scheduler scheduler) {
        this.recipe = recipe;
        this.protocol = checked.protocol();
        this.setup = checked.setup();
        this.n = setup.nodes();
        SplittableRandom root = new SplittableRandom(recipe.seed());
        this.transport = new Transport(this, new Network(n, recipe.network(), root.split()));
        this.faults = new FaultModel(this, root.split());
        this.scheduler = scheduler;
        this.budgets = recipe.budgets();
        this.roundBased = setup.roundBased();
        long maxEvents = budgets.maxEvents();
        this.eventCutOff = maxEvents > Long.MAX_VALUE - EVENT_BUDGET_SLACK ? Long.MAX_VALUE : maxEvents + EVENT_BUDGET_SLACK;
        this.nodes = new NodeState[n];
        this.contexts = new Context[n];
        this.peers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            nodes[i] = new NodeState(i, root.split());
            contexts[i] = new NodeContext(this, nodes[i]);
            nodes[i].voice = contexts[i];
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
        for (int i = 0; i < recipe.faults().size(); i++) {
            faults.schedulePlanned(new FaultModel.Planned(recipe.faults().get(i), checked.interventions().get(i)));
        }
        runItem(new CreateProcesses());
        if (roundBased) {
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
        faults.watch(fault);
        while (end == null && faults.watchedEnd() < 0 && stepItem()) {
            // each step either applies the fault or brings it closer
        }
        return faults.watchedEnd();
    }

    /** Replays until right after event {@code eventIndex}: nothing after it runs, not even the rest of a handler. */
    void runToJustAfter(int eventIndex) {
        haltAt = eventIndex + 1L;
        needsAttention(haltAt);
        runUntilEvents(Long.MAX_VALUE);
    }

    /** Millis are compared, not nanos: maxWallMillis × 1,000,000 overflows for budgets near Long.MAX_VALUE. */
    private void checkWallBudget(long started) {
        if (end == null && (wallNanos + System.nanoTime() - started) / 1_000_000 >= budgets.maxWallMillis()) {
            finish(new EndReason("budget.wall", "the run used its " + budgets.maxWallMillis()
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
        if (faults.applyNextDueByEvent()) {
            checkBudgets();
            return end == null;
        }
        int before = trace.written();
        while (end == null && !halted && trace.written() == before) {
            if (queue.isEmpty()) {
                finish(new EndReason("completed", transport.heldCount() == 0 ? "nothing is left to happen"
                        : "nothing is left to happen but the " + transport.heldCount() + " messages held"));
                return false;
            }
            Item item = nextItem();
            if (item == null) {
                return false;
            }
            // Only an item chosen out of the clock's order can be due before now: it runs late, at the current time.
            long at = Math.max(now, item.time);
            if (at > budgets.maxTime()) {
                finish(new EndReason("budget.time", "virtual time would pass the budget of " + budgets.maxTime() + " ticks"));
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
        int choice = scheduler.choose(new EnabledNow());
        if (choice == Scheduler.PAUSE) {
            paused = true;
            return null;
        }
        if (choice < 0 || choice >= queue.size()) {
            finish(new EndReason("schedule", "scheduling choice " + choice + " is not one of the " + queue.size()
                    + " items enabled at time " + now));
            return null;
        }
        return queue.removeAt(queue.positionOfRank(choice));
    }

    /**
     * The enabled items in the clock's order while a scheduler chooses, sorted and described only if it looks at
     * them: replaying a recorded choice needs neither.
     */
    private final class EnabledNow extends AbstractList<Enabled> {
        private Integer[] order;

        @Override
        public Enabled get(int index) {
            if (order == null) {
                order = queue.inOrder();
            }
            return queue.itemAt(order[index]).describe();
        }

        @Override
        public int size() {
            return queue.size();
        }
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
        return transport.held();
    }

    void runItem(Item item) {
        if (haltsNow()) {
            return;
        }
        try {
            // Most items are deliveries: a type check is cheaper than a call dispatched over every kind of item.
            if (item instanceof Transport.Deliver delivery) {
                transport.deliver(delivery);
            } else {
                item.run();
            }
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
        Budgets b = budgets;
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
        Intervention what = checkInjected(fault);
        Fault recorded = fault.atEvent(trace.written());
        recipe = recipe.withFault(recorded);
        runItem(faults.now(new FaultModel.Planned(recorded, what)));
        checkBudgets();
        return recorded;
    }

    /** Checks a fault about to be injected live, throwing {@link RecipeException} (field {@code fault}); returns it typed. */
    Intervention checkInjected(Fault fault) {
        return faults.checkInjected(fault);
    }

    /**
     * Called before the kernel writes an event or acts on a message, a timer or a round: a replay for seeking
     * stops here once it has its event, and a fault planned for exactly this trace size applies here, so it
     * lands between the two events even in the middle of a handler. A fault whose index the trace had already
     * passed at a step boundary waits for the next step, one per step, as it always did.
     */
    void beforeEvent() {
        settle();
        if (trace.written() >= attentionAt) {
            attend();
        }
    }

    private void attend() {
        if (haltAt >= 0 && trace.written() >= haltAt) {
            halted = true;
            throw Halt.INSTANCE;
        }
        faults.applyDueNow();
        attentionAt = Math.min(haltAt >= 0 ? haltAt : Long.MAX_VALUE, faults.firstPlannedEvent());
    }

    /** Something is due once the trace has {@code events} events: {@link #beforeEvent} looks from then on. */
    void needsAttention(long events) {
        attentionAt = Math.min(attentionAt, events);
    }

    private boolean haltsNow() {
        if (haltAt >= 0 && trace.written() >= haltAt) {
            halted = true;
        }
        return halted;
    }

    // ---------------------------------------------------------------- processes and messages

    /** A call of one of a process's handlers. Queue items that make one implement it, so calling allocates nothing. */
    interface Call {
        void call(NodeState node);
    }

    /**
     * Runs a handler of {@code node}; afterwards a crash armed with "reaches" takes effect. A crash part-way
     * (afterSends) stops the handler where it is; whatever else the handler throws ends the run as a protocol error.
     */
    void invoke(NodeState node, int cause, Call handler) {
        int previousCause = currentCause;
        currentCause = cause;
        try {
            handler.call(node);
        } catch (CrashedMidHandler e) {
            return;
        } catch (Throwable e) {
            throw failure(node, e);
        } finally {
            currentCause = previousCause;
        }
        afterHandler(node);
    }

    /**
     * {@link #invoke} for a message to an asynchronous process, its hottest use: calling onMessage directly spares
     * the dispatch over every kind of handler call.
     */
    void invokeOnMessage(NodeState node, int cause, int from, Message payload) {
        int previousCause = currentCause;
        currentCause = cause;
        try {
            if (node.adversary != null) {
                node.adversary.message(from, payload);
            } else {
                ((AsyncProcess) node.process).onMessage(contexts[node.id], from, payload);
            }
        } catch (CrashedMidHandler e) {
            return;
        } catch (Throwable e) {
            throw failure(node, e);
        } finally {
            currentCause = previousCause;
        }
        afterHandler(node);
    }

    /** A crash armed with "reaches" takes effect once the handler has sent its messages. */
    private void afterHandler(NodeState node) {
        if (node.crashReaches != null) {
            faults.crash(node);
        }
    }

    /**
     * What a handler's throwable becomes: the kernel's own signals and a broken JVM go on as they are (thrown from
     * here), anything else the protocol threw, a stack overflow too, is returned as a protocol failure to throw.
     */
    private static RuntimeException failure(NodeState node, Throwable e) {
        if (e instanceof ProtocolFailure failure) {
            return failure;
        }
        if (e instanceof BudgetExceeded || e instanceof Halt) {
            throw (Error) e;
        }
        if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
            // Out of memory or a broken JVM is the server's trouble, not the protocol's.
            throw (Error) e;
        }
        return new ProtocolFailure(node.id, e);
    }

    /**
     * A fault applied between two events of a handler crashed its process, or turned it Byzantine so that the
     * handler's voice is no longer the node's: the handler stops right there.
     */
    static void cutIfSilenced(NodeState node, Context voice) {
        if (!node.up || node.voice != voice) {
            throw CrashedMidHandler.INSTANCE;
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
                if (self.adversary != null && last) {
                    self.adversary.end(inbox);
                } else if (self.adversary != null) {
                    self.adversary.round(r, inbox);
                } else if (last) {
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

    int record(EventKind kind, int node, int peer, int message, int parent, Object payload, String detail) {
        int lamport = node >= 0 ? nodes[node].lamport : 0;
        return record(kind, node, peer, message, parent, payload, detail, lamport);
    }

    int record(EventKind kind, int node, int peer, int message, int parent, Object payload, String detail, int lamport) {
        beforeEvent();
        return recordAttended(kind, node, peer, message, parent, payload, detail, lamport);
    }

    /**
     * {@link #record} for the hottest callers (a send, a delivery), which call {@link #beforeEvent} first themselves
     * and write nothing before recording: a second look would find nothing due.
     */
    int recordAttended(EventKind kind, int node, int peer, int message, int parent, Object payload, String detail, int lamport) {
        int seq = trace.append(now, kind, node, peer, message, parent < 0 ? currentCause : parent, lamport, round, payload, detail);
        guardEventBudget();
        return seq;
    }

    private void guardEventBudget() {
        if (trace.written() > eventCutOff) {
            throw BudgetExceeded.INSTANCE;
        }
    }

    void schedule(Item item) {
        queue.add(item);
    }

    void scheduleTimer(long time, NodeState node, String name, int generation) {
        schedule(new TimerFire(time, node.id, name, generation, node.incarnation));
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
        return roundBased;
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

    /** Whether a pausing scheduler stopped the run before a choice it was not given. */
    boolean paused() {
        return paused;
    }

    /** Lets a paused run go on, once its scheduler has been given the next choice. */
    void resume() {
        paused = false;
    }

    /**
     * The state of the run as the explorer compares states, hashed, or empty when it cannot be compared: a live
     * process offers no {@link NodeProcess#fingerprint()} or a node is Byzantine (an adversary's state is its own).
     * Virtual time counts: a protocol may read the clock (a time stored as "last heard", no timer after its end), so
     * two states at different times may go on differently. It costs little: the clock is the latest due time of what
     * has run, the same whatever order that ran in. A timer that would no longer fire counts for nothing, so a state
     * that only differs by one is the same state. A round
     * process's inbox counts as a multiset: it reads the round's messages whatever their order.
     */
    OptionalLong fingerprint() {
        long hash = Fingerprint.mix(round * 2L + (roundsOver ? 1 : 0));
        hash = Fingerprint.combine(hash, now);
        for (NodeState node : nodes) {
            if (node.adversary != null) {
                return OptionalLong.empty();
            }
            Object own = null;
            if (node.up) {
                own = node.process.fingerprint();
                if (own == null) {
                    return OptionalLong.empty();
                }
            }
            long inbox = 0;
            for (Delivery delivery : node.inbox) {
                inbox += Fingerprint.mix(Objects.hash(delivery.from(), delivery.round(), delivery.message()));
            }
            hash = Fingerprint.combine(hash, Objects.hash(own, inbox, node.up, node.stable.contentHash(), node.decided,
                    node.decision, node.sendOmission, node.receiveOmission, node.extraDelay, node.timerFactor,
                    node.crashAfterSends, node.crashReaches, Arrays.hashCode(node.lastingFaults)));
        }
        long items = 0;
        for (int i = 0; i < queue.size(); i++) {
            items += Fingerprint.mix(queue.itemAt(i).fingerprint());
        }
        hash = Fingerprint.combine(hash, items);
        hash = Fingerprint.combine(hash, transport.heldFingerprint());
        hash = Fingerprint.combine(hash, faults.plannedFingerprint());
        return OptionalLong.of(Fingerprint.combine(hash, transport.network().stateHash()));
    }

    public EndReason endReason() {
        return end;
    }

    /** The process object of a node, for protocol-specific result extraction (null while crashed). */
    public NodeProcess process(int node) {
        return nodes[node].process;
    }

    /** The nodes correctness properties exempt, by the protocol's failure model: see {@link FailureModel}. */
    public BitSet faultyNodes() {
        return faults.faultyNodes();
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

    abstract static class Item extends EventQueue.Entry {
        Item(long time) {
            super(time);
        }

        abstract void run();

        /** The item as a scheduler sees it. */
        abstract Enabled describe();

        /** What the item would do, hashed for {@link Kernel#fingerprint()}; 0 for an item that would do nothing. */
        abstract long fingerprint();
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
        long fingerprint() {
            return 1;
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
            return new Enabled("start", time, node, -1, -1, ProcessLabel.of(node) + " starts");
        }

        @Override
        long fingerprint() {
            return Objects.hash("start", node);
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
            if (state.adversary != null) {
                state.adversary.start();
                return;
            }
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
        long fingerprint() {
            return Objects.hash("round", number);
        }

        @Override
        void run() {
            roundStart(number);
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
        long fingerprint() {
            NodeState state = nodes[node];
            Integer current = state.timers.get(name);
            boolean fires = state.up && state.incarnation == incarnation && current != null && current == generation;
            return fires ? Objects.hash("timer", node, name) : 0;
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
            if (state.adversary != null) {
                state.adversary.timer(name);
                return;
            }
            ((AsyncProcess) state.process).onTimer(contextOf(state), name);
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
    static final class CrashedMidHandler extends Error {
        static final CrashedMidHandler INSTANCE = new CrashedMidHandler();

        private CrashedMidHandler() {
            super(null, null, false, false);
        }
    }

    Context contextOf(NodeState node) {
        return contexts[node.id];
    }
}

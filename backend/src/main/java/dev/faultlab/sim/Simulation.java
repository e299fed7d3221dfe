package dev.faultlab.sim;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One deterministic run of a protocol, as a host drives it: the same recipe always yields the same trace.
 * A step shows one more event. Any event is a place: a fault injected with k events shown applies right
 * after event k-1, also in the middle of a handler's burst of sends (the kernel then replays the recipe with
 * the fault in it, so the live run is exactly its replay). Single-threaded and not thread-safe.
 */
public final class Simulation {
    /**
     * Detail of the ROUND event after the last round, at which processes decide: it carries the last
     * round's number, so nothing in a trace ever says round m+2.
     */
    public static final String END_OF_ROUNDS = "end of round ";
    /** Length of one synchronous round; message delays are kept inside it. */
    public static final long ROUND_TICKS = 10;

    private final ProtocolRegistry registry;
    /** Makes the monitors that follow the run, or null for none. */
    private final MonitorSource monitorSource;
    /** Set for a run the explorer drives ({@link #explore}), which pauses before every choice it was not given. */
    private final PausingScheduler choices;
    private Kernel kernel;
    private MonitorFeed feed;

    private Simulation(Kernel kernel, ProtocolRegistry registry, MonitorSource monitorSource, PausingScheduler choices) {
        this.kernel = kernel;
        this.registry = registry;
        this.monitorSource = monitorSource;
        this.choices = choices;
        follow(kernel);
    }

    /** Checks the recipe (throwing {@link RecipeException} naming the field) and sets the run up at time 0. */
    public static Simulation start(Recipe recipe, ProtocolRegistry registry) {
        return start(recipe, registry, null);
    }

    /**
     * The same, with monitors that follow the run event by event ({@link MonitorSource#PROTOCOL}: the protocol's
     * own); read them with {@link #properties()} and {@link #monitors()}.
     */
    public static Simulation start(Recipe recipe, ProtocolRegistry registry, MonitorSource monitors) {
        Simulation run = new Simulation(Kernel.start(recipe, registry), registry, monitors, null);
        run.revealAll();
        return run;
    }

    /**
     * A run the explorer drives: it replays the recipe's schedule, then pauses before the next scheduling choice
     * ({@link #paused()}), where {@link #enabled()} lists what may run, {@link #inject} applies a fault and
     * {@link #choose} runs one item. The monitors follow it as usual.
     */
    public static Simulation explore(Recipe recipe, ProtocolRegistry registry, MonitorSource monitors) {
        PausingScheduler scheduler = new PausingScheduler(recipe.schedule());
        Simulation run = new Simulation(Kernel.startPausing(recipe, registry, scheduler), registry, monitors, scheduler);
        run.runUntilEvents(Long.MAX_VALUE);
        return run;
    }

    /** Runs the enabled item at {@code index} of {@link #enabled()}, and whatever follows it, until the next choice. */
    public void choose(int index) {
        if (choices == null || !kernel.paused()) {
            throw new IllegalStateException("only a paused run of the explorer takes a choice");
        }
        choices.add(index);
        kernel.resume();
        runUntilEvents(Long.MAX_VALUE);
    }

    /** Whether a run the explorer drives waits for its next choice (false once it has ended). */
    public boolean paused() {
        return kernel.paused();
    }

    /**
     * The recipe that replays this run of the explorer to where it stands: its faults, injected ones included, and
     * the choices made.
     */
    public Recipe explored() {
        if (choices == null) {
            throw new IllegalStateException("not a run of the explorer");
        }
        return kernel.recipe().withSchedule(choices.made());
    }

    /**
     * The run's state hashed as the explorer compares states, or empty when it cannot be: see
     * {@link NodeProcess#fingerprint()}.
     */
    public OptionalLong fingerprint() {
        return kernel.fingerprint();
    }

    /** Fresh monitors on a kernel that has not stepped yet (it only set the processes up). */
    private void follow(Kernel engine) {
        if (monitorSource == null) {
            return;
        }
        Protocol protocol = engine.protocol();
        Recipe recipe = engine.recipe();
        feed = new MonitorFeed(engine, monitorSource.monitorsFor(protocol,
                Params.check(protocol.parameters(), recipe.params(), recipe.seed()), recipe));
        engine.feed(feed);
    }

    // ---------------------------------------------------------------- running

    /** Shows one more event (running the next handler when every written event is shown); false once ended. */
    public boolean step() {
        Trace trace = kernel.trace();
        if (trace.size() == trace.written()) {
            kernel.step();
        }
        trace.reveal(trace.size() + 1);
        return !ended();
    }

    /** Runs until {@code events} events are shown, or the run ends. */
    public void runUntilEvents(long events) {
        kernel.runUntilEvents(events);
        kernel.trace().reveal((int) Math.min(events, Integer.MAX_VALUE));
    }

    /**
     * Runs until the next round starts and shows what its processes sent at its start (round protocols), or one
     * more event (asynchronous ones).
     */
    public void runToNextRound() {
        if (!roundBased()) {
            step();
            return;
        }
        int from = round();
        while (!ended() && round() == from) {
            step();
        }
        // The engine runs a round's start with every process's handler as one item: show all of it.
        revealAll();
    }

    public void runToEnd() {
        runUntilEvents(Long.MAX_VALUE);
    }

    /**
     * Applies a fault right after the last event shown and appends it to the recipe with that event index, so a
     * replay of the new recipe applies it at exactly this point. Returns the fault as recorded.
     */
    public Fault inject(Fault fault) {
        if (ended()) {
            throw new IllegalStateException("the run has ended (" + endReason().message() + "); branch it to try other faults");
        }
        Trace trace = kernel.trace();
        if (trace.size() == trace.written()) {
            Fault recorded = kernel.inject(fault);
            revealAll();
            return recorded;
        }
        kernel.checkInjected(fault);
        Fault recorded = fault.atEvent(trace.size());
        Kernel replay = Kernel.start(kernel.recipe().withFault(recorded), registry);
        follow(replay);
        int after = replay.runUntilApplied(recorded);
        kernel = replay;
        // A fault that ends the run (a protocol error on recovery, a budget) shows the end at once.
        kernel.trace().reveal(after < 0 || kernel.ended() ? Integer.MAX_VALUE : after);
        return recorded;
    }

    /**
     * Replays events this recipe produced before: runs until {@code events} events are shown or the run ends, without
     * checking the computing-time budget. Those events were computed within it once, and how long they take depends
     * on the machine and its load, so a replay checking it could end elsewhere.
     */
    public void replayTo(long events) {
        kernel.replayTo(events);
        kernel.trace().reveal((int) Math.min(events, Integer.MAX_VALUE));
    }

    /**
     * Ends a replayed run as it ended when first computed, by a reason a replay cannot reproduce (the computing-time
     * budget); a run that already ended keeps its own reason.
     */
    public void endWith(EndReason reason) {
        kernel.endWith(reason);
        revealAll();
    }

    private void revealAll() {
        kernel.trace().reveal(Integer.MAX_VALUE);
    }

    // ---------------------------------------------------------------- what a caller can see

    public Recipe recipe() {
        return kernel.recipe();
    }

    /** The events shown so far. */
    public Trace trace() {
        return kernel.trace();
    }

    /**
     * The events computed so far: the kernel runs a handler whole, so while one is being shown this is more than
     * {@code trace().size()}. A fault injected once they are all shown needs no replay.
     */
    public int computed() {
        return kernel.trace().written();
    }

    public Protocol protocol() {
        return kernel.protocol();
    }

    public int nodeCount() {
        return kernel.nodeCount();
    }

    public boolean roundBased() {
        return kernel.roundBased();
    }

    public int rounds() {
        return kernel.rounds();
    }

    /** The round of the last event shown (after the last round, still rounds()), or -1 (asynchronous, or none yet). */
    public int round() {
        Trace trace = kernel.trace();
        return trace.size() == 0 ? -1 : trace.event(trace.size() - 1).round();
    }

    /** Virtual time of the last event shown. */
    public long now() {
        Trace trace = kernel.trace();
        return trace.size() == 0 ? 0 : trace.time(trace.size() - 1);
    }

    /** Whether the run has ended and its END event is shown. */
    public boolean ended() {
        return kernel.ended() && kernel.trace().size() == kernel.trace().written();
    }

    public EndReason endReason() {
        return ended() ? kernel.endReason() : null;
    }

    /** The process object of a node, for protocol-specific result extraction (null while crashed). */
    public NodeProcess process(int node) {
        return kernel.process(node);
    }

    /**
     * Each monitor's verdict over the events shown, with the changes that led to it; empty for a run started
     * without monitors. The kernel feeds them as it writes events, a few ahead of those shown, but what a
     * monitor said about an event not shown yet is left out.
     */
    public List<PropertyStatus> properties() {
        return properties(kernel.trace().size());
    }

    /** The monitors' verdicts over the first {@code events} events shown (a view of an earlier event). */
    public List<PropertyStatus> properties(int events) {
        if (feed == null) {
            return List.of();
        }
        kernel.settle();
        return feed.statuses(Math.min(events, kernel.trace().size()));
    }

    /**
     * The monitors following the run, having read every event written (on a run stepped to its end: the whole
     * trace); empty for a run started without monitors.
     */
    public List<Monitor> monitors() {
        if (feed == null) {
            return List.of();
        }
        kernel.settle();
        return feed.monitors();
    }

    /** The nodes correctness properties exempt, by the protocol's failure model: see {@link FailureModel}. */
    public BitSet faultyNodes() {
        return kernel.faultyNodes();
    }

    /**
     * What may run next, in the clock's order (a {@link Scheduler}'s choice is an index into this list), and the
     * messages held by HOLD actions; both as the engine stands, which may be a few events past those shown.
     */
    public List<Enabled> enabled() {
        return kernel.enabled();
    }

    public List<Enabled> held() {
        return kernel.held();
    }

    /** The role of each process, by id. */
    public List<String> roles() {
        return kernel.roles();
    }

    /** The first decision of each node that decided. */
    public Map<Integer, Object> decisions() {
        return kernel.decisions();
    }

    /** Every process right after the last event shown. */
    public List<ProcessStatus> processes() {
        Trace trace = kernel.trace();
        if (trace.size() == trace.written() || trace.size() == 0) {
            return kernel.processes();
        }
        return processesAt(kernel.recipe(), registry, trace.size() - 1);
    }

    /**
     * The processes right after event {@code eventIndex} (before anything after it, even the rest of the handler
     * that wrote it), by replaying the recipe: runs are fast enough that replay beats keeping snapshots.
     */
    public static List<ProcessStatus> processesAt(Recipe recipe, ProtocolRegistry registry, int eventIndex) {
        Kernel replay = Kernel.start(recipe, registry);
        replay.runToJustAfter(eventIndex);
        return replay.processes();
    }
}

package dev.faultlab.run;

import dev.faultlab.chart.Chart;
import dev.faultlab.chart.RunCharts;
import dev.faultlab.sim.EndReason;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.ProcessStatus;
import dev.faultlab.sim.PropertyStatus;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.RecipeException;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;
import dev.faultlab.store.RunStore;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A run held in memory: its simulation, whether it plays and how fast, and who watches it.
 * Every method that touches the simulation holds this object's lock; the simulation itself is
 * single-threaded and deterministic.
 */
public final class LiveRun {
    public static final double DEFAULT_SPEED = 20;
    public static final double MAX_SPEED = 1_000_000;
    /** The longest a playing run goes without a tick: an hour. */
    private static final double MAX_WAIT_NANOS = 3.6e12;

    private final UUID id;
    private final Optional<Long> ownerId;
    private final Optional<Long> courseId;
    private final Optional<UUID> parentRunId;
    private final Optional<Long> branchedAtEvent;
    private final Simulation sim;
    private final ProtocolRegistry registry;
    private final RunSettings settings;
    private final List<StreamClient> clients = new ArrayList<>();
    /** What each watcher was last told about the properties: a frame goes out only when that changes. */
    private final Map<StreamClient, List<PropertyStatus>> propertiesSent = new IdentityHashMap<>();
    /** Set while a tick is queued or running: a run never has more than one tick waiting for a worker. */
    private final AtomicBoolean tickPending = new AtomicBoolean();
    /** When the run next needs a tick (see {@link #reschedule}); {@link Long#MAX_VALUE} while nothing will come due. */
    private volatile long dueNanos = Long.MAX_VALUE;
    /** A client's window opened on events that wait for it: the run is due at once. */
    private volatile boolean woken;
    private long lastTickNanos = System.nanoTime();
    /** When a tick last showed events of the playing run: its next frame is a flush period after. */
    private long lastFlushNanos = lastTickNanos;
    private RunStatus status = RunStatus.PAUSED;
    private double speed = DEFAULT_SPEED;
    private double credit;
    private volatile long lastActivityNanos = System.nanoTime();
    private volatile boolean watched;
    /** The events the run had when it was created or reopened: how far a crash can have set it back starts here. */
    private final int restoredAt;
    /** The events reached when progress was last handed to the saver, and when. */
    private int progressRequested;
    private long progressRequestedNanos = System.nanoTime();
    /** The faults of the recipe known to be in the database: a save sends the recipe only when there are more. */
    private int faultsSaved;
    /** Set once this server let the run go: a command still arriving on a closing stream must not change it. */
    private boolean evicted;

    LiveRun(UUID id, Optional<Long> ownerId, Optional<Long> courseId, Optional<UUID> parentRunId,
            Optional<Long> branchedAtEvent, Simulation sim, ProtocolRegistry registry, RunSettings settings) {
        this.id = id;
        this.ownerId = ownerId;
        this.courseId = courseId;
        this.parentRunId = parentRunId;
        this.branchedAtEvent = branchedAtEvent;
        this.sim = sim;
        this.registry = registry;
        this.settings = settings;
        this.restoredAt = sim.trace().size();
        this.progressRequested = restoredAt;
        this.faultsSaved = sim.recipe().faults().size();
        if (sim.ended()) {
            status = RunStatus.ENDED;
        }
    }

    public UUID id() {
        return id;
    }

    public Optional<Long> ownerId() {
        return ownerId;
    }

    public Optional<Long> courseId() {
        return courseId;
    }

    public synchronized RunSummary summary() {
        return new RunSummary(id, sim.recipe().protocol(), sim.nodeCount(), sim.roundBased(), sim.rounds(), status, speed,
                sim.trace().size(), sim.now(), sim.round(), sim.endReason(), parentRunId.orElse(null),
                branchedAtEvent.orElse(null), sim.roles());
    }

    public synchronized Recipe recipe() {
        return sim.recipe();
    }

    public synchronized int eventCount() {
        return sim.trace().size();
    }

    public synchronized List<TraceEvent> events(int from, int to) {
        return List.copyOf(sim.trace().events(from, to));
    }

    /** What to save, read at once: a replay of that recipe to that event (and that end) is this run. */
    record Snapshot(RunStore.RunSave save, int faults) {
    }

    Snapshot toSave() {
        Recipe recipe;
        int events;
        EndReason end;
        boolean recipeChanged;
        synchronized (this) {
            recipe = sim.recipe();
            events = sim.trace().size();
            end = sim.endReason();
            recipeChanged = recipe.faults().size() != faultsSaved;
        }
        Optional<RunStore.End> ended = end == null ? Optional.empty()
                : Optional.of(new RunStore.End(events - 1L, end.code(), end.message()));
        return new Snapshot(new RunStore.RunSave(id, recipeChanged ? Optional.of(RunCodec.recipeJson(recipe)) : Optional.empty(),
                events, ended), recipe.faults().size());
    }

    /** The snapshot is in the database. */
    synchronized void saved(Snapshot snapshot) {
        faultsSaved = Math.max(faultsSaved, snapshot.faults());
    }

    /**
     * Whether the run's progress should be saved now (and if so, notes that it is being): once it is
     * {@link RunSettings#progressEvents()} past the last save, a {@link RunSettings#progressPeriod()} after it if
     * it moved at all, and at once when it ended, so a reopened run ends where this one did.
     */
    synchronized boolean takeProgressDue(long nowNanos) {
        int count = sim.trace().size();
        if (count <= progressRequested) {
            return false;
        }
        boolean due = count - progressRequested >= settings.progressEvents() || sim.ended()
                || nowNanos - progressRequestedNanos >= settings.progressPeriod().toNanos();
        if (due) {
            progressRequested = count;
            progressRequestedNanos = nowNanos;
        }
        return due;
    }

    public synchronized RunStatus status() {
        return status;
    }

    // ---------------------------------------------------------------- commands

    public synchronized void play() {
        touch();
        requireHere();
        if (status == RunStatus.PAUSED) {
            status = RunStatus.PLAYING;
            credit = 0;
            lastTickNanos = System.nanoTime();
            publishStatus();
        }
    }

    public synchronized void pause() {
        touch();
        requireHere();
        if (status == RunStatus.PLAYING) {
            status = RunStatus.PAUSED;
            publishStatus();
        }
    }

    /** Advances by at least {@code events} trace events (one step may add several) and pauses. */
    public synchronized void step(int events) {
        touch();
        requireHere();
        if (status == RunStatus.PLAYING) {
            status = RunStatus.PAUSED;
        }
        advanceBy(events);
        publishStatus();
    }

    /** Advances to the start of the next round (round protocols) or by one step, and pauses. */
    public synchronized void stepToNextRound() {
        touch();
        requireHere();
        if (status == RunStatus.PLAYING) {
            status = RunStatus.PAUSED;
        }
        sim.runToNextRound();
        afterAdvance();
        publishStatus();
    }

    public synchronized void speed(double eventsPerSecond) {
        touch();
        requireHere();
        if (!(eventsPerSecond > 0 && eventsPerSecond <= MAX_SPEED)) {
            throw RunProblem.invalid("eventsPerSecond", "eventsPerSecond must be more than 0 and at most " + (long) MAX_SPEED);
        }
        // The time since the last tick played at the old speed; from now on the next event comes at the new one.
        earnCredit(System.nanoTime());
        speed = eventsPerSecond;
        publishStatus();
    }

    /** Applies a fault now; it joins the recipe at the current event, so the run stays replayable. */
    public synchronized Fault inject(Fault fault) {
        touch();
        requireHere();
        if (sim.ended()) {
            throw new RunProblem(RunProblem.Kind.CONFLICT, null,
                    "the run has ended (" + sim.endReason().message() + "); branch it to try other faults");
        }
        finishHandler();
        Fault recorded;
        try {
            recorded = sim.inject(fault);
        } catch (RecipeException e) {
            throw RunProblem.invalid(e.problems().get(0).field(), e.getMessage());
        }
        afterAdvance();
        pumpClients();
        publishStatus();
        return recorded;
    }

    /**
     * While the run plays, shows the rest of the handler whose events are being shown before a fault lands, when that
     * is no more than a frame of this run carries anyway: a fault in the middle of a handler replays the whole run, and
     * a student who injects while it plays does not aim at an event (a paused run takes the fault exactly where the
     * student stepped it to). The events shown early are taken from the run's pace.
     */
    private void finishHandler() {
        int rest = sim.computed() - sim.trace().size();
        double perFrame = speed * settings.pacing().flushNanos(speed) / 1e9;
        if (status == RunStatus.PLAYING && rest > 0 && rest <= Math.min(perFrame, settings.maxEventsPerFrame())) {
            sim.runUntilEvents(sim.computed());
            credit -= rest;
            afterAdvance();
            if (sim.ended()) {
                publishStatus();
            }
        }
    }

    /** The processes right after the step that produced event {@code at}; replays the recipe outside the lock. */
    public Frames.State stateAt(int at) {
        Recipe recipe;
        int count;
        synchronized (this) {
            touch();
            recipe = sim.recipe();
            count = sim.trace().size();
        }
        if (at < 0 || at >= count) {
            throw RunProblem.invalid("at", count == 0 ? "the run has no events yet"
                    : "event " + at + " does not exist; the run has events 0 to " + (count - 1));
        }
        List<ProcessStatus> processes = Simulation.processesAt(recipe, registry, at);
        long time;
        synchronized (this) {
            time = sim.trace().time(at);
        }
        return new Frames.State(at, time, processes);
    }

    /** What the run view's charts panel shows at event {@code at}: whether the protocol declares charts, and the charts. */
    public record ChartsAt(int at, boolean declared, List<Chart> charts) {
    }

    /**
     * The protocol's charts of the run up to and including event {@code at} (-1: before any event); computed outside
     * the lock from the events shown.
     */
    public ChartsAt chartsAt(int at) {
        Recipe recipe;
        List<TraceEvent> events;
        synchronized (this) {
            touch();
            int count = sim.trace().size();
            if (at < -1 || at >= count) {
                throw RunProblem.invalid("at", "event " + at + " does not exist; the run has events 0 to " + (count - 1)
                        + " (-1: before the first)");
            }
            recipe = sim.recipe();
            events = List.copyOf(sim.trace().events(0, at + 1));
        }
        var protocol = registry.find(recipe.protocol()).orElseThrow();
        return new ChartsAt(at, RunCharts.declared(protocol), RunCharts.of(protocol, recipe, events));
    }

    /**
     * The valency of the configuration right after event {@code at} (-1: before the first), by a search bounded in
     * time, and the messages in the network then. The search runs outside the run's lock.
     */
    public RunValency.ValencyAt valencyAt(int at) {
        Recipe recipe;
        List<TraceEvent> events;
        synchronized (this) {
            touch();
            int count = sim.trace().size();
            if (at < -1 || at >= count) {
                throw RunProblem.invalid("at", "event " + at + " does not exist; the run has events 0 to " + (count - 1)
                        + " (-1: before the first)");
            }
            recipe = sim.recipe();
            events = List.copyOf(sim.trace().events(0, at + 1));
        }
        return RunValency.of(registry, recipe, at, events);
    }

    // ---------------------------------------------------------------- streaming

    /**
     * Attaches a watcher that has seen every event before {@code firstSeq}; it gets only the events after those.
     * A watcher can be ahead of the run when the server that ran it crashed before saving its progress: a
     * {@code driver}'s reconnect then brings the run back to where the watcher had seen it (the replay is the same
     * events), as far as a crash can have set it back; another watcher waits there for the run to catch up.
     */
    public synchronized StreamClient attach(StreamSink sink, int firstSeq, boolean driver) {
        touch();
        if (driver && firstSeq > sim.trace().size() && !sim.ended()) {
            sim.replayTo(Math.min(firstSeq, (long) restoredAt + settings.resumeWindow()));
            afterAdvance();
        }
        int start = Math.max(0, sim.ended() ? Math.min(firstSeq, sim.trace().size()) : firstSeq);
        StreamClient client = new StreamClient(sink, start, settings.framesInFlight(), this::wake);
        clients.add(client);
        watched = true;
        client.sendNow(RunCodec.frame(new Frames.Hello(summary(), start)));
        client.pump(sim.trace(), settings.maxEventsPerFrame());
        sendProperties(client);
        reschedule(System.nanoTime());
        return client;
    }

    public synchronized void detach(StreamClient client) {
        clients.remove(client);
        propertiesSent.remove(client);
        watched = !clients.isEmpty();
        touch();
    }

    /**
     * This server no longer holds the run (another instance took it, or it was deleted): tells every watcher why and
     * closes their streams, so their reconnect finds the run where it lives now.
     */
    synchronized void evict(String message) {
        byte[] frame = RunCodec.frame(new Frames.Error("moved", message, null));
        for (StreamClient client : List.copyOf(clients)) {
            client.sendNow(frame);
            client.close(message);
        }
        clients.clear();
        propertiesSent.clear();
        evicted = true;
    }

    private void requireHere() {
        if (evicted) {
            throw RunProblem.elsewhere();
        }
    }

    /** Sends a frame to one client (replies and errors). */
    public void reply(StreamClient client, Object frame) {
        client.sendNow(RunCodec.frame(frame));
    }

    /** Whether the run needs a tick by {@code nowNanos}. */
    boolean dueBy(long nowNanos) {
        return woken || dueNanos <= nowNanos;
    }

    /** Reserves this run's next tick; false if one is already waiting, so a slow pool never builds a backlog. */
    boolean reserveTick() {
        return tickPending.compareAndSet(false, true);
    }

    /**
     * Called on a worker after {@link #reserveTick()}: advances a playing run by its speed for the time since its
     * last tick, flushes the streams and works out when the run is due next. Returns whether its progress should be
     * saved now ({@link #takeProgressDue}).
     */
    synchronized boolean tick(long nowNanos) {
        try {
            // Cleared before pumping: a window that opens from here on wakes the run again.
            woken = false;
            if (status == RunStatus.PLAYING) {
                earnCredit(nowNanos);
                // The tick comes when the next event is due; rounding must not leave it for the tick after.
                int due = (int) Math.floor(credit + 1e-9);
                if (due > 0) {
                    lastFlushNanos = nowNanos;
                    credit -= due;
                    advanceBy(due);
                    if (status != RunStatus.PLAYING) {
                        publishStatus();
                    }
                }
            }
            lastTickNanos = Math.max(lastTickNanos, nowNanos);
            pumpClients();
            boolean save = takeProgressDue(nowNanos);
            reschedule(nowNanos);
            return save;
        } finally {
            tickPending.set(false);
        }
    }

    /** Adds what the run has earned by playing since its last tick. */
    private void earnCredit(long nowNanos) {
        // A tick handed out before a command that came first counts from that command.
        if (status == RunStatus.PLAYING && nowNanos > lastTickNanos) {
            credit += speed * (nowNanos - lastTickNanos) / 1e9;
            // A run that cannot keep up with its speed must not build up an ever larger debt.
            credit = Math.min(credit, settings.maxEventsPerTick());
        }
        lastTickNanos = Math.max(lastTickNanos, nowNanos);
    }

    /**
     * When the run next needs a tick: a playing run when its next event is due, but not before its next frame is (see
     * {@link RunSettings.Pacing}); any run when its progress is due to be saved; otherwise only when a client's
     * window opens on events that wait ({@link #wake}) or a command comes.
     */
    private void reschedule(long nowNanos) {
        long due = Long.MAX_VALUE;
        if (status == RunStatus.PLAYING) {
            // Capped, so that a speed of a few events per century cannot overflow the clock.
            long nextEvent = nowNanos + (long) Math.ceil(Math.min(Math.max(0, 1 - credit) / speed * 1e9, MAX_WAIT_NANOS));
            due = Math.max(nextEvent, lastFlushNanos + settings.pacing().flushNanos(speed));
        }
        int count = sim.trace().size();
        if (count > progressRequested) {
            boolean now = count - progressRequested >= settings.progressEvents() || sim.ended();
            due = Math.min(due, now ? nowNanos : progressRequestedNanos + settings.progressPeriod().toNanos());
        }
        dueNanos = due;
    }

    /** A client's window opened on events waiting for it; called on the socket's thread, without the lock. */
    private void wake() {
        woken = true;
    }

    boolean idleSince(long nanos) {
        return !watched && status != RunStatus.PLAYING && lastActivityNanos < nanos;
    }

    private void advanceBy(int events) {
        sim.runUntilEvents((long) sim.trace().size() + Math.max(1, events));
        afterAdvance();
    }

    private void afterAdvance() {
        if (sim.ended()) {
            status = RunStatus.ENDED;
        }
    }

    private void pumpClients() {
        clients.removeIf(c -> !c.isOpen());
        propertiesSent.keySet().retainAll(clients);
        // A send can close a socket, and its close handler detaches the client on this very thread.
        for (StreamClient client : List.copyOf(clients)) {
            client.pump(sim.trace(), settings.maxEventsPerFrame());
            sendProperties(client);
        }
    }

    /**
     * Tells a watcher what the protocol's monitors say over exactly the events it has been sent, if that changed.
     * The kernel feeds the monitors as it writes events, at most a handler ahead of those shown; what they said
     * about the events not sent yet stays out, and a fault injected between two written events replays the run
     * with fresh monitors, so nothing from a discarded future shows.
     */
    private void sendProperties(StreamClient client) {
        int upTo = client.nextSeq();
        List<PropertyStatus> properties = sim.properties(upTo);
        if (properties.isEmpty() || properties.equals(propertiesSent.get(client))) {
            return;
        }
        propertiesSent.put(client, properties);
        client.sendNow(RunCodec.frame(PropertiesFrame.of(upTo, properties)));
    }

    /** Tells every watcher what changed; anything that does may also change when the run is due next. */
    private void publishStatus() {
        pumpClients();
        publish(new Frames.Status(summary()));
        reschedule(System.nanoTime());
    }

    /** Sends a frame other than events to every watcher, after the events they have been sent. */
    private void publish(Object frame) {
        byte[] bytes = RunCodec.frame(frame);
        for (StreamClient client : List.copyOf(clients)) {
            client.sendNow(bytes);
        }
    }

    private void touch() {
        lastActivityNanos = System.nanoTime();
    }
}

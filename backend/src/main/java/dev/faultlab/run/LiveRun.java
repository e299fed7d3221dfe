package dev.faultlab.run;

import dev.faultlab.sim.Fault;
import dev.faultlab.sim.ProcessStatus;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.RecipeException;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;
import dev.faultlab.store.RunStore;

import java.util.ArrayList;
import java.util.List;
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

    private final UUID id;
    private final Optional<Long> ownerId;
    private final Optional<Long> courseId;
    private final Optional<UUID> parentRunId;
    private final Optional<Long> branchedAtEvent;
    private final Simulation sim;
    private final ProtocolRegistry registry;
    private final RunSettings settings;
    private final List<StreamClient> clients = new ArrayList<>();
    /** Set while a tick is queued or running: a run never has more than one tick waiting for a worker. */
    private final AtomicBoolean tickPending = new AtomicBoolean();
    private long lastTickNanos = System.nanoTime();
    private RunStatus status = RunStatus.PAUSED;
    private double speed = DEFAULT_SPEED;
    private double credit;
    private volatile long lastActivityNanos = System.nanoTime();
    private volatile boolean watched;

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

    /** The recipe and the events reached, read together: a replay of that recipe to that event is this run. */
    RunStore.RecipeUpdate toSave() {
        Recipe recipe;
        int events;
        synchronized (this) {
            recipe = sim.recipe();
            events = sim.trace().size();
        }
        return new RunStore.RecipeUpdate(id, RunCodec.recipeJson(recipe), events);
    }

    public synchronized RunStatus status() {
        return status;
    }

    // ---------------------------------------------------------------- commands

    public synchronized void play() {
        touch();
        if (status == RunStatus.PAUSED) {
            status = RunStatus.PLAYING;
            credit = 0;
            lastTickNanos = System.nanoTime();
            publishStatus();
        }
    }

    public synchronized void pause() {
        touch();
        if (status == RunStatus.PLAYING) {
            status = RunStatus.PAUSED;
            publishStatus();
        }
    }

    /** Advances by at least {@code events} trace events (one step may add several) and pauses. */
    public synchronized void step(int events) {
        touch();
        if (status == RunStatus.PLAYING) {
            status = RunStatus.PAUSED;
        }
        advanceBy(events);
        publishStatus();
    }

    /** Advances to the start of the next round (round protocols) or by one step, and pauses. */
    public synchronized void stepToNextRound() {
        touch();
        if (status == RunStatus.PLAYING) {
            status = RunStatus.PAUSED;
        }
        sim.runToNextRound();
        afterAdvance();
        publishStatus();
    }

    public synchronized void speed(double eventsPerSecond) {
        touch();
        if (!(eventsPerSecond > 0 && eventsPerSecond <= MAX_SPEED)) {
            throw RunProblem.invalid("eventsPerSecond", "eventsPerSecond must be more than 0 and at most " + (long) MAX_SPEED);
        }
        speed = eventsPerSecond;
        publishStatus();
    }

    /** Applies a fault now; it joins the recipe at the current event, so the run stays replayable. */
    public synchronized Fault inject(Fault fault) {
        touch();
        if (sim.ended()) {
            throw new RunProblem(RunProblem.Kind.CONFLICT, null,
                    "the run has ended (" + sim.endReason().message() + "); branch it to try other faults");
        }
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

    // ---------------------------------------------------------------- streaming

    /** Attaches a watcher that has seen every event before {@code firstSeq}. */
    public synchronized StreamClient attach(StreamSink sink, int firstSeq) {
        touch();
        int start = Math.max(0, Math.min(firstSeq, sim.trace().size()));
        StreamClient client = new StreamClient(sink, start, settings.framesInFlight());
        clients.add(client);
        watched = true;
        client.sendNow(RunCodec.write(new Frames.Hello(summary(), start)));
        client.pump(this, settings.maxEventsPerFrame());
        return client;
    }

    public synchronized void detach(StreamClient client) {
        clients.remove(client);
        watched = !clients.isEmpty();
        touch();
    }

    /** Sends a frame to one client (replies and errors). */
    public void reply(StreamClient client, Object frame) {
        client.sendNow(RunCodec.write(frame));
    }

    /** Reserves this run's next tick; false if one is already waiting, so a slow pool never builds a backlog. */
    boolean reserveTick() {
        return tickPending.compareAndSet(false, true);
    }

    /**
     * Called on a worker after {@link #reserveTick()}: advances a playing run by its speed for the time since its
     * last tick, and flushes the streams.
     */
    synchronized void tick(long nowNanos) {
        try {
            long elapsedNanos = nowNanos - lastTickNanos;
            lastTickNanos = nowNanos;
            if (status == RunStatus.PLAYING) {
                credit += speed * elapsedNanos / 1e9;
                int due = (int) Math.min(Math.floor(credit), settings.maxEventsPerTick());
                if (due > 0) {
                    credit -= due;
                    advanceBy(due);
                    if (status != RunStatus.PLAYING) {
                        publishStatus();
                    }
                }
                // A run that cannot keep up with its speed must not build up an ever larger debt.
                credit = Math.min(credit, settings.maxEventsPerTick());
            }
            pumpClients();
        } finally {
            tickPending.set(false);
        }
    }

    boolean idleSince(long nanos) {
        return !watched && status != RunStatus.PLAYING && lastActivityNanos < nanos;
    }

    boolean needsTick() {
        return watched || status == RunStatus.PLAYING;
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
        // A send can close a socket, and its close handler detaches the client on this very thread.
        for (StreamClient client : List.copyOf(clients)) {
            client.pump(this, settings.maxEventsPerFrame());
        }
    }

    private void publishStatus() {
        pumpClients();
        String frame = RunCodec.write(new Frames.Status(summary()));
        for (StreamClient client : List.copyOf(clients)) {
            client.sendNow(frame);
        }
    }

    private void touch() {
        lastActivityNanos = System.nanoTime();
    }
}

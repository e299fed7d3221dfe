package dev.faultlab.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.sim.EndReason;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.MonitorSource;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.RecipeException;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.Trace;
import dev.faultlab.store.RunStore;
import dev.faultlab.store.ServerInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Hosts live runs: creates them from recipes (saved in PostgreSQL), reopens them by replaying the saved
 * recipe, paces playing runs on a bounded pool of worker threads, saves their progress as they go, and releases runs
 * nobody uses. A run is live on one server instance at a time: this one holds it in the database while it has it in
 * memory, and refuses runs another live instance holds.
 */
public final class RunService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RunService.class);

    private final ProtocolRegistry registry;
    private final RunStore store;
    private final ServerInstance instance;
    private final RunSettings settings;
    private final Map<UUID, LiveRun> live = new ConcurrentHashMap<>();
    /** Striped locks that make opening and letting go of one run exclusive: see {@link #handover}. */
    private final Object[] handovers = newHandovers();
    /** Releases runs and lets them go: slow work (it waits for saves), kept off the pacer's thread. */
    private final ScheduledExecutorService ticker;
    private final ScheduledExecutorService pacing;
    private final ExecutorService workers;
    private final RunSaver saver;

    public RunService(ProtocolRegistry registry, RunStore store, ServerInstance instance, RunSettings settings) {
        this.registry = registry;
        this.store = store;
        this.instance = instance;
        this.settings = settings;
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("run-ticker"));
        this.pacing = Executors.newSingleThreadScheduledExecutor(daemon("run-pacer"));
        this.workers = Executors.newFixedThreadPool(settings.workerThreads(), daemon("run-worker"));
        this.saver = new RunSaver(store, instance.number(), Executors.newSingleThreadExecutor(daemon("run-saver")),
                this::lost);
        RunPacer pacer = new RunPacer(live.values(), workers, settings.workerThreads(), this::saveProgress);
        long period = settings.pacing().tick().toNanos();
        pacing.scheduleAtFixedRate(pacer::tick, period, period, TimeUnit.NANOSECONDS);
        ticker.scheduleAtFixedRate(this::releaseIdle, 1, 1, TimeUnit.SECONDS);
        instance.watch(id -> onTicker(() -> letGoIfUnused(id)), () -> onTicker(this::letGoOfEverything));
    }

    public ProtocolRegistry registry() {
        return registry;
    }

    /** Checks and saves a new run; it starts paused at event 0. */
    public LiveRun create(Recipe recipe, Optional<Long> ownerId, Optional<Long> courseId) {
        Recipe capped = recipe.withBudgets(recipe.budgets().capTo(settings.budgetCap()));
        Simulation sim = startChecked(capped);
        makeRoomFor(ownerId);
        UUID id = UUID.randomUUID();
        store.insert(id, ownerId, courseId, capped.protocol(), RunCodec.recipeJson(capped), Optional.empty(), Optional.empty(),
                Optional.of(instance.number()));
        LiveRun run = new LiveRun(id, ownerId, courseId, Optional.empty(), Optional.empty(), sim, registry, settings);
        live.put(id, run);
        return run;
    }

    /**
     * The newest of the owner's own runs in this course that started from exactly this recipe (not a branch;
     * faults injected live since then are allowed), or empty. A lab's "open the run of your variant" returns
     * to it, with its branches, instead of starting another copy at each click.
     */
    public Optional<LiveRun> existing(Recipe recipe, long ownerId, long courseId) {
        // Compared as JSON trees: the database keeps recipes as jsonb, which does not keep the order of keys.
        Recipe capped = recipe.withBudgets(recipe.budgets().capTo(settings.budgetCap()));
        JsonNode wanted = tree(capped);
        int planned = capped.faults().size();
        for (RunStore.StoredRun stored : store.listByOwner(ownerId, 100)) {
            if (stored.parentRunId().isEmpty() && stored.courseId().equals(Optional.of(courseId))
                    && stored.protocol().equals(recipe.protocol())) {
                Optional<Recipe> readable = readable(stored);
                if (readable.isEmpty()) {
                    continue;
                }
                Recipe saved = readable.get();
                if (saved.faults().size() >= planned
                        && tree(saved.withFaults(saved.faults().subList(0, planned))).equals(wanted)) {
                    return Optional.of(open(stored.id()));
                }
            }
        }
        return Optional.empty();
    }

    /** A stored run whose recipe no longer reads (an older format, a removed protocol) is never the one to return to. */
    private static Optional<Recipe> readable(RunStore.StoredRun stored) {
        try {
            return Optional.of(RunCodec.recipe(stored.recipeJson()));
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** The recipe as JSON read back, so a number is the same node whichever Java type held it. */
    private static JsonNode tree(Recipe recipe) {
        try {
            return RunCodec.mapper().readTree(RunCodec.recipeJson(recipe));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The run with this id, from memory or replayed from its saved recipe to where it was left (to the very END it
     * had, if it ended). Refused when another live instance holds it, or when its recipe no longer loads.
     */
    public LiveRun open(UUID id) {
        LiveRun run = live.get(id);
        if (run != null) {
            return run;
        }
        RunStore.StoredRun stored;
        Simulation sim;
        synchronized (handover(id)) {
            run = live.get(id);
            if (run != null) {
                return run;
            }
            RunStore.Taken taken = store.takeLive(id, instance.number());
            if (taken instanceof RunStore.LiveElsewhere elsewhere) {
                store.askToLetGo(id, instance.number());
                throw new RunProblem(RunProblem.Kind.ELSEWHERE, null, "This run is open on another FaultLab server (instance "
                        + elsewhere.instance() + ") right now. It moves here as soon as nobody watches or plays it there;"
                        + " try again in a moment.");
            }
            if (!(taken instanceof RunStore.TakenHere here)) {
                throw RunProblem.notFound("There is no run " + id + ".");
            }
            stored = here.run();
            sim = replayOrLetGo(stored, () -> replay(stored));
        }
        replayOrLetGo(stored, () -> {
            makeRoomFor(stored.ownerId());
            return sim;
        });
        LiveRun reopened = new LiveRun(id, stored.ownerId(), stored.courseId(), stored.parentRunId(),
                stored.branchedAtEvent(), sim, registry, settings);
        LiveRun raced = live.putIfAbsent(id, reopened);
        return raced != null ? raced : reopened;
    }

    /** Runs a step of reopening a run taken here; if it fails, the run is let go again unless it is live here. */
    private Simulation replayOrLetGo(RunStore.StoredRun stored, Supplier<Simulation> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            if (!live.containsKey(stored.id())) {
                store.letGo(stored.id(), instance.number());
            }
            throw e;
        }
    }

    /**
     * Opening a run and letting it go exclude each other per run: a release between taking a run out of memory and
     * clearing its lease in PostgreSQL must not meet an open that sees the lease as its own and reopens the run,
     * which the release would then leave live here with no lease, free for another instance to take too.
     */
    private Object handover(UUID id) {
        return handovers[Math.floorMod(id.hashCode(), handovers.length)];
    }

    private static Object[] newHandovers() {
        Object[] locks = new Object[64];
        Arrays.setAll(locks, i -> new Object());
        return locks;
    }

    private Simulation replay(RunStore.StoredRun stored) {
        try {
            Simulation sim = Simulation.start(RunCodec.recipe(stored.recipeJson()), registry, MonitorSource.PROTOCOL);
            stored.end().ifPresentOrElse(end -> {
                sim.replayTo(end.event());
                sim.endWith(new EndReason(end.code(), end.message()));
            }, () -> sim.replayTo(stored.eventsReached()));
            return sim;
        } catch (RuntimeException e) {
            // Whatever the reason (a recipe from an older, laxer version, a protocol since removed), this run
            // cannot be shown; it must not break the routes that can still help, like deleting it.
            log.warn("Run {} cannot be replayed: {}", stored.id(), e.toString());
            throw unreadable(e instanceof RecipeException ? e.getMessage() : "it does not read as a recipe any more");
        }
    }

    private static RunProblem unreadable(String why) {
        return new RunProblem(RunProblem.Kind.UNREADABLE, null, "This run was saved with a recipe this server cannot"
                + " replay any more (" + why + "). Its owner can delete it; start a new run instead.");
    }

    /** Who owns a run, without loading it: for access checks. */
    public Optional<RunStore.StoredRun> stored(UUID id) {
        return store.find(id);
    }

    public List<RunStore.StoredRun> listByOwner(long ownerId, int limit) {
        return store.listByOwner(ownerId, limit);
    }

    /**
     * A what-if run: the parent's recipe with the faults that had taken effect before event {@code atEvent},
     * plus {@code faults}. A fault without a time is applied at {@code atEvent}; one that keeps its time (a
     * planned fault of the parent not reached yet, perhaps edited) must lie after the branch point. The
     * branch is replayed up to {@code atEvent}, so it starts where the student branched, with the same history.
     */
    public LiveRun branch(LiveRun parent, int atEvent, List<Fault> faults, Optional<Long> ownerId) {
        Recipe parentRecipe = parent.recipe();
        int parentEvents = parent.eventCount();
        if (atEvent < 0 || atEvent > parentEvents) {
            throw RunProblem.invalid("atEvent", "atEvent must be between 0 and " + parentEvents + " (the events the run has)");
        }
        List<Fault> kept = new ArrayList<>(faultsAppliedBefore(parentRecipe, atEvent));
        for (int i = 0; i < faults.size(); i++) {
            Fault fault = faults.get(i);
            if (fault.at() == null && fault.atEvent() == null) {
                kept.add(new Fault(null, (long) atEvent, fault.kind(), fault.target(), fault.params()));
            } else {
                requireAfterBranchPoint(parent, atEvent, fault, "faults[" + i + "]");
                kept.add(fault);
            }
        }
        Recipe recipe = parentRecipe.withFaults(kept);
        Simulation sim = startChecked(recipe);
        sim.replayTo(atEvent);
        makeRoomFor(ownerId);
        UUID id = UUID.randomUUID();
        store.insert(id, ownerId, parent.courseId(), recipe.protocol(), RunCodec.recipeJson(recipe),
                Optional.of(parent.id()), Optional.of((long) atEvent), Optional.of(instance.number()));
        LiveRun run = new LiveRun(id, ownerId, parent.courseId(), Optional.of(parent.id()), Optional.of((long) atEvent),
                sim, registry, settings);
        live.put(id, run);
        saver.save(run).join();
        return run;
    }

    /**
     * Saves a run's newest recipe and progress, e.g. after a live fault was injected, on the saver's thread;
     * completes once it is in the database, or fails with a {@link RunProblem} if another instance has the run now.
     */
    public CompletableFuture<Void> save(LiveRun run) {
        return saver.save(run);
    }

    /** Deletes a run whether or not it loads; watchers here are told, an instance that had it live finds out at its next save. */
    public boolean delete(UUID id) {
        LiveRun run = live.remove(id);
        if (run != null) {
            run.evict("This run was deleted.");
        }
        return store.delete(id);
    }

    public int liveRuns() {
        return live.size();
    }

    /** A timed fault in a branch must not change the history the branch shares with its parent. */
    private static void requireAfterBranchPoint(LiveRun parent, int atEvent, Fault fault, String field) {
        if (fault.at() != null && fault.atEvent() != null) {
            throw RunProblem.invalid(field, "a fault has either 'at' or 'atEvent', not both");
        }
        if (fault.atEvent() != null && fault.atEvent() < atEvent) {
            throw RunProblem.invalid(field + ".atEvent", "must be at least the branch point " + atEvent
                    + ", got " + fault.atEvent() + "; leave the time out to apply the fault at the branch point");
        }
        if (fault.at() != null && atEvent > 0) {
            long sharedUntil = parent.events(atEvent - 1, atEvent).get(0).time();
            if (fault.at() <= sharedUntil) {
                throw RunProblem.invalid(field + ".at", "must be after time " + sharedUntil
                        + ", the time of the last shared event; leave the time out to apply the fault at the branch point");
            }
        }
    }

    /** The faults of {@code recipe} whose FAULT event appears before {@code atEvent} in its trace. */
    private List<Fault> faultsAppliedBefore(Recipe recipe, int atEvent) {
        Simulation replay = Simulation.start(recipe, registry);
        replay.replayTo(atEvent);
        Trace trace = replay.trace();
        List<Fault> applied = new ArrayList<>();
        for (int seq = 0; seq < Math.min(atEvent, trace.size()); seq++) {
            if (trace.kind(seq) == EventKind.FAULT) {
                Fault fault = (Fault) trace.event(seq).payload();
                applied.add(fault.at() != null ? fault : new Fault(null, fault.atEvent(), fault.kind(), fault.target(),
                        fault.params()));
            }
        }
        return applied;
    }

    private Simulation startChecked(Recipe recipe) {
        try {
            return Simulation.start(recipe, registry, MonitorSource.PROTOCOL);
        } catch (RecipeException e) {
            RecipeException.Problem first = e.problems().get(0);
            throw RunProblem.invalid("recipe." + first.field(), e.getMessage());
        }
    }

    /** Keeps a user within their run quota, releasing their idle runs first; refuses when all are in use. */
    private void makeRoomFor(Optional<Long> ownerId) {
        if (ownerId.isPresent()) {
            List<LiveRun> mine = live.values().stream().filter(r -> r.ownerId().equals(ownerId)).toList();
            if (mine.size() >= settings.maxRunsPerOwner()) {
                long now = System.nanoTime();
                mine.stream().filter(r -> r.idleSince(now)).findFirst().ifPresentOrElse(this::release, () -> {
                    throw new RunProblem(RunProblem.Kind.TOO_MANY, null, "You already have " + mine.size()
                            + " runs open, the most allowed at once. Pause or close one of them and try again.");
                });
            }
        }
        if (live.size() >= settings.maxLiveRuns()) {
            long now = System.nanoTime();
            live.values().stream().filter(r -> r.idleSince(now)).findFirst().ifPresentOrElse(this::release, () -> {
                throw new RunProblem(RunProblem.Kind.TOO_MANY, null,
                        "The server is running as many simulations as it can. Try again in a minute.");
            });
        }
    }

    /**
     * Lets a run go: saves it (a fault injected just before must not be left to a save still queued) and gives up
     * holding it, so any instance may open it next. A watcher that attached meanwhile is told to reconnect.
     */
    private void release(LiveRun run) {
        synchronized (handover(run.id())) {
            if (!live.remove(run.id(), run)) {
                return;
            }
            try {
                saver.save(run).join();
                store.letGo(run.id(), instance.number());
            } catch (CompletionException e) {
                if (!(e.getCause() instanceof RunProblem)) {
                    throw e;
                }
            } finally {
                run.evict("This run was closed on this server; reconnect to open it again.");
            }
        }
    }

    /** A save found that this instance no longer holds the run. */
    private void lost(LiveRun run) {
        log.warn("Run {} is held by another instance now, or was deleted; dropping it here", run.id());
        live.remove(run.id(), run);
        run.evict(RunProblem.elsewhere().getMessage());
    }

    private void saveProgress(LiveRun run) {
        saver.save(run).whenComplete((saved, failure) -> {
            if (failure != null && !(failure instanceof RunProblem)) {
                log.warn("Saving the progress of run {} failed: {}", run.id(), failure.getMessage());
            }
        });
    }

    /** Another instance asked for this run: it goes if nobody here watches or plays it. */
    private void letGoIfUnused(UUID id) {
        LiveRun run = live.get(id);
        if (run != null && run.idleSince(System.nanoTime())) {
            release(run);
        }
    }

    /**
     * An instance that lost its lock, even for a moment, may have lost runs to other instances: everything it holds
     * is let go (what is still its own is saved first), and opened afresh where its watchers reconnect.
     */
    private void letGoOfEverything() {
        live.values().stream().sorted(Comparator.comparing(LiveRun::id)).forEach(this::release);
    }

    /** Runs a request from the instance's lock watcher on the ticker, so the watcher keeps listening. */
    private void onTicker(Runnable task) {
        try {
            ticker.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.warn("Letting runs go failed: {}", e.getMessage());
                }
            });
        } catch (RejectedExecutionException stopping) {
            log.debug("The run service is stopping; nothing to let go");
        }
    }

    private void releaseIdle() {
        try {
            long cutoff = System.nanoTime() - settings.idleTimeout().toNanos();
            live.values().stream().filter(r -> r.idleSince(cutoff))
                    .sorted(Comparator.comparing(LiveRun::id))
                    .forEach(this::release);
        } catch (RuntimeException e) {
            log.warn("Releasing idle runs failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        pacing.shutdownNow();
        ticker.shutdownNow();
        workers.shutdownNow();
        live.values().forEach(saver::save);
        try {
            saver.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (LiveRun run : live.values()) {
            try {
                store.letGo(run.id(), instance.number());
            } catch (RuntimeException e) {
                log.warn("Could not let run {} go: {}", run.id(), e.getMessage());
            }
        }
        live.clear();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

package dev.faultlab.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.RecipeException;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.Trace;
import dev.faultlab.store.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hosts live runs: creates them from recipes (saved in PostgreSQL), reopens them by replaying the saved
 * recipe, paces playing runs on a bounded pool of worker threads, and releases runs nobody uses.
 */
public final class RunService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RunService.class);

    private final ProtocolRegistry registry;
    private final RunStore store;
    private final RunSettings settings;
    private final Map<UUID, LiveRun> live = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker;
    private final ExecutorService workers;
    private final RecipeSaver saver;

    public RunService(ProtocolRegistry registry, RunStore store, RunSettings settings) {
        this.registry = registry;
        this.store = store;
        this.settings = settings;
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("run-ticker"));
        this.workers = Executors.newFixedThreadPool(settings.workerThreads(), daemon("run-worker"));
        this.saver = new RecipeSaver(store, Executors.newSingleThreadExecutor(daemon("run-saver")));
        long period = settings.tick().toMillis();
        ticker.scheduleAtFixedRate(this::tickAll, period, period, TimeUnit.MILLISECONDS);
        ticker.scheduleAtFixedRate(this::releaseIdle, 1, 1, TimeUnit.SECONDS);
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
        store.insert(id, ownerId, courseId, capped.protocol(), RunCodec.recipeJson(capped), Optional.empty(), Optional.empty());
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
                Recipe saved = RunCodec.recipe(stored.recipeJson());
                if (saved.faults().size() >= planned
                        && tree(saved.withFaults(saved.faults().subList(0, planned))).equals(wanted)) {
                    return Optional.of(open(stored.id()));
                }
            }
        }
        return Optional.empty();
    }

    /** The recipe as JSON read back, so a number is the same node whichever Java type held it. */
    private static JsonNode tree(Recipe recipe) {
        try {
            return RunCodec.mapper().readTree(RunCodec.recipeJson(recipe));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The run with this id, from memory or replayed from its saved recipe to where it was left. */
    public LiveRun open(UUID id) {
        LiveRun run = live.get(id);
        if (run != null) {
            return run;
        }
        RunStore.StoredRun stored = store.find(id).orElseThrow(() -> RunProblem.notFound("There is no run " + id + "."));
        Simulation sim = Simulation.start(RunCodec.recipe(stored.recipeJson()), registry);
        sim.runUntilEvents(stored.eventsReached());
        makeRoomFor(stored.ownerId());
        LiveRun reopened = new LiveRun(id, stored.ownerId(), stored.courseId(), stored.parentRunId(),
                stored.branchedAtEvent(), sim, registry, settings);
        LiveRun raced = live.putIfAbsent(id, reopened);
        return raced != null ? raced : reopened;
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
        sim.runUntilEvents(atEvent);
        makeRoomFor(ownerId);
        UUID id = UUID.randomUUID();
        store.insert(id, ownerId, parent.courseId(), recipe.protocol(), RunCodec.recipeJson(recipe),
                Optional.of(parent.id()), Optional.of((long) atEvent));
        store.updateProgress(id, sim.trace().size());
        LiveRun run = new LiveRun(id, ownerId, parent.courseId(), Optional.of(parent.id()), Optional.of((long) atEvent),
                sim, registry, settings);
        live.put(id, run);
        return run;
    }

    /**
     * Saves a run's newest recipe and progress, e.g. after a live fault was injected, on the saver's thread;
     * completes once it is in the database.
     */
    public CompletableFuture<Void> save(LiveRun run) {
        return saver.save(run);
    }

    public boolean delete(UUID id) {
        live.remove(id);
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
        replay.runUntilEvents(atEvent);
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
            return Simulation.start(recipe, registry);
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

    /** Saves the recipe with the progress: a fault injected just before must not be left to a save still queued. */
    private void release(LiveRun run) {
        saver.save(run).join();
        live.remove(run.id());
    }

    private void tickAll() {
        for (LiveRun run : live.values()) {
            if (run.needsTick() && run.reserveTick()) {
                workers.execute(() -> {
                    try {
                        run.tick(System.nanoTime());
                    } catch (RuntimeException e) {
                        log.error("Run {} failed to advance", run.id(), e);
                    }
                });
            }
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
        ticker.shutdownNow();
        workers.shutdownNow();
        try {
            saver.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (LiveRun run : live.values()) {
            try {
                store.updateProgress(run.id(), run.eventCount());
            } catch (RuntimeException e) {
                log.warn("Could not save the progress of run {}: {}", run.id(), e.getMessage());
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

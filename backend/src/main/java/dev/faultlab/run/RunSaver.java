package dev.faultlab.run;

import dev.faultlab.store.RunStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Saves live runs (recipes that live faults changed, progress, ends) on a thread of its own and many runs per
 * transaction: the socket that injected a fault is not held up by the database, and when a class injects hundreds
 * of faults a second, or a thousand runs play at once, they share commits instead of each waiting for its own.
 * Saves run one batch at a time and each reads the run's state when its batch starts, so a later save of a run never
 * writes an older state than an earlier one.
 */
final class RunSaver implements AutoCloseable {
    private final RunStore store;
    private final int instance;
    private final ExecutorService thread;
    /** Told about a run whose save found that this instance no longer holds it. */
    private final Consumer<LiveRun> lost;
    /** Runs waiting for the next batch; guarded by this. */
    private final Map<UUID, Waiting> waiting = new LinkedHashMap<>();
    /** Whether a batch is queued that has not taken the waiting runs yet; guarded by this. */
    private boolean batchQueued;

    private record Waiting(LiveRun run, CompletableFuture<Void> saved) {
    }

    RunSaver(RunStore store, int instance, ExecutorService thread, Consumer<LiveRun> lost) {
        this.store = store;
        this.instance = instance;
        this.thread = thread;
        this.lost = lost;
    }

    /**
     * Completes once the run's state, as it is now or newer, is in the database; fails with a {@link RunProblem} if
     * this instance no longer holds the run, and then nothing of it was written.
     */
    synchronized CompletableFuture<Void> save(LiveRun run) {
        Waiting entry = waiting.computeIfAbsent(run.id(), id -> new Waiting(run, new CompletableFuture<>()));
        if (!batchQueued) {
            batchQueued = true;
            thread.execute(this::saveWaiting);
        }
        return entry.saved();
    }

    private void saveWaiting() {
        List<Waiting> batch;
        synchronized (this) {
            batch = new ArrayList<>(waiting.values());
            waiting.clear();
            batchQueued = false;
        }
        List<LiveRun.Snapshot> snapshots = batch.stream().map(w -> w.run().toSave()).toList();
        List<UUID> notOurs;
        try {
            notOurs = store.save(snapshots.stream().map(LiveRun.Snapshot::save).toList(), instance);
        } catch (RuntimeException e) {
            batch.forEach(w -> w.saved().completeExceptionally(e));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            Waiting w = batch.get(i);
            if (notOurs.contains(w.run().id())) {
                lost.accept(w.run());
                w.saved().completeExceptionally(RunProblem.elsewhere());
            } else {
                w.run().saved(snapshots.get(i));
                w.saved().complete(null);
            }
        }
    }

    /** Finishes the saves already asked for, then stops. */
    @Override
    public void close() throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(30, TimeUnit.SECONDS);
    }
}

package dev.faultlab.run;

import dev.faultlab.store.RunStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Saves the recipes that live faults changed, on a thread of its own and many runs per transaction: the socket that
 * injected a fault is not held up by the database, and when a class injects hundreds of faults a second they share
 * commits instead of each waiting for its own. Saves run one batch at a time and each reads the run's state when
 * its batch starts, so a later save of a run never writes an older recipe than an earlier one.
 */
final class RecipeSaver implements AutoCloseable {
    private final RunStore store;
    private final ExecutorService thread;
    /** Runs waiting for the next batch; guarded by this. */
    private final Map<UUID, Waiting> waiting = new LinkedHashMap<>();
    /** Whether a batch is queued that has not taken the waiting runs yet; guarded by this. */
    private boolean batchQueued;

    private record Waiting(LiveRun run, CompletableFuture<Void> saved) {
    }

    RecipeSaver(RunStore store, ExecutorService thread) {
        this.store = store;
        this.thread = thread;
    }

    /** Completes once the run's recipe, as it is now or newer, is in the database. */
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
        try {
            store.updateRecipes(batch.stream().map(w -> w.run().toSave()).toList());
            batch.forEach(w -> w.saved().complete(null));
        } catch (RuntimeException e) {
            batch.forEach(w -> w.saved().completeExceptionally(e));
        }
    }

    /** Finishes the saves already asked for, then stops. */
    @Override
    public void close() throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(30, TimeUnit.SECONDS);
    }
}

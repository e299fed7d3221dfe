package dev.faultlab.run;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Paces the live runs. At each tick one task looks for the runs that are due (a playing run's next frame, a stream
 * whose window opened, progress to save; see {@code LiveRun.reschedule}) and hands them to the worker pool in one
 * batch per worker, instead of one task per run: a thousand playing runs cost a few tasks per tick, not thousands.
 */
final class RunPacer {
    private static final Logger log = LoggerFactory.getLogger(RunPacer.class);

    private final Collection<LiveRun> runs;
    private final Executor workers;
    private final int batches;
    /** Saves the progress of a run whose tick found it due. */
    private final Consumer<LiveRun> saveProgress;

    RunPacer(Collection<LiveRun> runs, Executor workers, int batches, Consumer<LiveRun> saveProgress) {
        this.runs = runs;
        this.workers = workers;
        this.batches = Math.max(1, batches);
        this.saveProgress = saveProgress;
    }

    /** One tick: serves every run that is due by now. An exception would end the schedule, so none leaves. */
    void tick() {
        try {
            handOut(System.nanoTime());
        } catch (RuntimeException e) {
            log.error("Pacing the runs failed", e);
        }
    }

    /** Serves the runs due by {@code now}, in at most one task per worker. */
    void handOut(long now) {
        List<LiveRun> due = new ArrayList<>();
        for (LiveRun run : runs) {
            if (run.dueBy(now) && run.reserveTick()) {
                due.add(run);
            }
        }
        int perBatch = (due.size() + batches - 1) / batches;
        for (int from = 0; from < due.size(); from += perBatch) {
            List<LiveRun> batch = due.subList(from, Math.min(due.size(), from + perBatch));
            try {
                workers.execute(() -> serve(batch, now));
            } catch (RejectedExecutionException stopping) {
                log.debug("The run service is stopping; {} runs not advanced", batch.size());
            }
        }
    }

    /** Ticks each run of a batch as of the hand-out: a run served a little later catches up at its next tick. */
    private void serve(List<LiveRun> batch, long now) {
        for (LiveRun run : batch) {
            try {
                if (run.tick(now)) {
                    saveProgress.accept(run);
                }
            } catch (RuntimeException e) {
                log.error("Run {} failed to advance", run.id(), e);
            }
        }
    }
}

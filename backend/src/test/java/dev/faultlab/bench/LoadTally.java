package dev.faultlab.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the load clients measured, shared by all of them. Faults sent once every client is watching are kept apart
 * from those sent while clients were still arriving, since the target is about a thousand open streams.
 */
final class LoadTally {
    private final long steadyFromNanos;
    private final ConcurrentLinkedQueue<Long> rampLatenciesNanos = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> latenciesNanos = new ConcurrentLinkedQueue<>();
    /** Every timed fault as {sent at, latency}, for the latency over time. */
    private final ConcurrentLinkedQueue<long[]> timeline = new ConcurrentLinkedQueue<>();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();
    private final AtomicLong rampTimeouts = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong runs = new AtomicLong();

    LoadTally(long steadyFromNanos) {
        this.steadyFromNanos = steadyFromNanos;
    }

    void latency(long sentAtNanos, long nanos) {
        (sentAtNanos >= steadyFromNanos ? latenciesNanos : rampLatenciesNanos).add(nanos);
        timeline.add(new long[] {sentAtNanos, nanos});
    }

    /** An events frame with {@code count} events arrived. */
    void events(int count) {
        events.addAndGet(count);
        frames.incrementAndGet();
    }

    void timeout(long sentAtNanos) {
        (sentAtNanos >= steadyFromNanos ? timeouts : rampTimeouts).incrementAndGet();
    }

    void run() {
        runs.incrementAndGet();
    }

    /** Errors other than "the run has ended" mean the load generator or the server is wrong: show the first few. */
    void error(String frame) {
        if (errors.incrementAndGet() <= 5) {
            System.err.println("error frame: " + frame);
        }
    }

    long events() {
        return events.get();
    }

    long frames() {
        return frames.get();
    }

    long timeouts(boolean steady) {
        return (steady ? timeouts : rampTimeouts).get();
    }

    long errors() {
        return errors.get();
    }

    long runs() {
        return runs.get();
    }

    /** Latencies in milliseconds, sorted; a fault whose event never came counts as slower than all of them. */
    List<Double> sortedMillis(boolean steady) {
        List<Double> sorted = new ArrayList<>();
        (steady ? latenciesNanos : rampLatenciesNanos).forEach(n -> sorted.add(n / 1e6));
        for (long i = 0; i < timeouts(steady); i++) {
            sorted.add(Double.POSITIVE_INFINITY);
        }
        Collections.sort(sorted);
        return sorted;
    }

    /** Latencies in milliseconds of the faults sent in [from, to), sorted. */
    List<Double> sortedMillisSentBetween(long fromNanos, long toNanos) {
        List<Double> sorted = new ArrayList<>();
        timeline.stream().filter(t -> t[0] >= fromNanos && t[0] < toNanos).forEach(t -> sorted.add(t[1] / 1e6));
        Collections.sort(sorted);
        return sorted;
    }

    static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}

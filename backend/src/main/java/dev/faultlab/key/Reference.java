package dev.faultlab.key;

import dev.faultlab.sim.ProcessStatus;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Simulation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The platform's own run of a student's variant, run to its end: every expected answer is read from it. The
 * registry that ran it comes along, so a key can look at the processes at any earlier event of the run (by
 * replay) or run a variant of its recipe. A run never changes once it has ended, so what a key reads from it
 * may be kept with it ({@link #reading}) and read by many threads.
 */
public final class Reference {
    private final Simulation run;
    private final ProtocolRegistry registry;
    private final Map<Class<?>, Object> readings = new ConcurrentHashMap<>();

    public Reference(Simulation run, ProtocolRegistry registry) {
        this.run = run;
        this.registry = registry;
    }

    public Simulation run() {
        return run;
    }

    public ProtocolRegistry registry() {
        return registry;
    }

    /** Every process right after event {@code event} of the run; with -1, as the run set them up, before any event. */
    public List<ProcessStatus> processesAt(int event) {
        return Simulation.processesAt(run.recipe(), registry, event);
    }

    /**
     * What {@code read} makes of this run, read once and kept as long as the reference is: for keys that read
     * every process's state, which costs more than the grading it serves. Two threads may both read it the first
     * time; one result is kept.
     */
    public <T> T reading(Class<T> type, Function<Reference, T> read) {
        Object kept = readings.get(type);
        if (kept == null) {
            Object fresh = read.apply(this);
            kept = readings.putIfAbsent(type, fresh);
            if (kept == null) {
                kept = fresh;
            }
        }
        return type.cast(kept);
    }
}

package dev.faultlab.check;

import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.MonitorSource;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;

import java.util.Iterator;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/** Searches recipes for one that breaks a property, running each to its end: judged by a checker or by monitors. */
public final class Explorer {
    private Explorer() {
    }

    /** The first candidate (in order) whose run the property rejects, or empty if none does. */
    public static Optional<Counterexample> search(ProtocolRegistry registry, Stream<Recipe> candidates,
                                                  Function<Simulation, Verdict> property) {
        int tried = 0;
        Iterator<Recipe> it = candidates.iterator();
        while (it.hasNext()) {
            Recipe recipe = it.next();
            tried++;
            Simulation run = Simulation.start(recipe, registry);
            run.runToEnd();
            Verdict verdict = property.apply(run);
            if (!verdict.holds()) {
                return Optional.of(new Counterexample(recipe, verdict, tried));
            }
        }
        return Optional.empty();
    }

    /**
     * The first candidate (in order) whose run one of the monitors rejects, or empty if none does: the monitors
     * follow each run as the kernel writes it (they read process states no finished trace keeps).
     */
    public static Optional<Counterexample> search(ProtocolRegistry registry, Stream<Recipe> candidates, MonitorSource monitors) {
        int tried = 0;
        Iterator<Recipe> it = candidates.iterator();
        while (it.hasNext()) {
            Recipe recipe = it.next();
            tried++;
            Simulation run = Simulation.start(recipe, registry, monitors);
            run.runToEnd();
            for (Monitor monitor : run.monitors()) {
                if (monitor.violation() != null) {
                    return Optional.of(new Counterexample(recipe, Verdict.of(monitor), tried));
                }
            }
        }
        return Optional.empty();
    }
}

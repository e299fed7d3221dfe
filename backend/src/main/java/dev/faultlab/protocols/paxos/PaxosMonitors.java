package dev.faultlab.protocols.paxos;

import dev.faultlab.check.Verdict;
import dev.faultlab.sim.MonitorSource;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;

import java.util.List;
import java.util.Optional;

/** Runs a recipe of either Paxos protocol to its end with its safety monitors, for tests and answer keys. */
public final class PaxosMonitors {
    private PaxosMonitors() {
    }

    /** A finished run and what each of its protocol's monitors said. */
    public record Watched(Simulation run, List<Verdict> safety) {
        /** The first safety property that failed, or empty. */
        public Optional<Verdict> firstViolation() {
            return safety.stream().filter(v -> !v.holds()).findFirst();
        }
    }

    public static Watched watch(Recipe recipe, ProtocolRegistry registry) {
        Simulation run = Simulation.start(recipe, registry, MonitorSource.PROTOCOL);
        run.runToEnd();
        return new Watched(run, run.monitors().stream().map(Verdict::of).toList());
    }
}

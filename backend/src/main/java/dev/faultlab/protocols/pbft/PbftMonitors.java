package dev.faultlab.protocols.pbft;

import dev.faultlab.check.Verdict;
import dev.faultlab.sim.MonitorSource;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;

import java.util.List;
import java.util.Optional;

/** PBFT's monitors, and a runner that plays a recipe with them and says what each found. */
public final class PbftMonitors {
    private PbftMonitors() {
    }

    /** What the monitors said about a finished run, and the run. */
    public record Watched(Simulation run, List<Verdict> verdicts) {
        public Optional<Verdict> firstViolation() {
            return verdicts.stream().filter(v -> !v.holds()).findFirst();
        }

        public Verdict of(String property) {
            return verdicts.stream().filter(v -> v.property().equals(property)).findFirst().orElseThrow();
        }
    }

    /** Same operation at each timestamp, progress after a faulty primary, results from k+1 correct replicas: in this order. */
    static List<Monitor> properties(PbftConfig config, NetworkSpec network) {
        return List.of(new SameOperation(config.n()), new Progress(config, network.loss() > 0),
                new TrustedResults(config.n(), config.k()));
    }

    public static Watched watch(Recipe recipe, ProtocolRegistry registry) {
        Simulation run = Simulation.start(recipe, registry, MonitorSource.PROTOCOL);
        run.runToEnd();
        return new Watched(run, run.monitors().stream().map(Verdict::of).toList());
    }
}

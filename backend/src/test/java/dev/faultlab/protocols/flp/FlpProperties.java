package dev.faultlab.protocols.flp;

import dev.faultlab.check.Agreement;
import dev.faultlab.check.Validity;
import dev.faultlab.sim.Delay;
import dev.faultlab.sim.Enabled;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.MonitorSource;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.faultlab.protocols.flp.FlpRuns.REGISTRY;
import static org.assertj.core.api.Assertions.assertThat;

/** Safe under every schedule with one crash; decides on fair schedules; the undecided indicator can fail. */
class FlpProperties {

    private static Recipe recipe(int n, SplittableRandom random, NetworkSpec network) {
        List<Integer> inputs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            inputs.add(random.nextInt(2));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("n", n);
        params.put("inputs", inputs);
        return new Recipe(Flp.ID, params, random.nextLong(), List.of(), network, null, List.of());
    }

    /**
     * The scheduler picks any enabled item at random at every step (the asynchronous model: any message may be
     * the next), and may crash one process, now or part-way through its next handler.
     */
    @Property(tries = 150)
    void agreementAndValidityHoldUnderAnyScheduleAndOneCrash(@ForAll long seed, @ForAll @IntRange(min = 3, max = 5) int n) {
        SplittableRandom random = new SplittableRandom(seed);
        Simulation run = Simulation.explore(recipe(n, random, null), REGISTRY, MonitorSource.PROTOCOL);
        int crashAt = random.nextInt(60);
        for (int step = 0; step < 600 && run.paused(); step++) {
            if (step == crashAt) {
                Map<String, Object> params = random.nextBoolean() ? Map.of() : Map.of("afterSends", 1 + random.nextInt(n - 2));
                run.inject(new Fault(null, (long) run.trace().size(), FaultKind.CRASH, random.nextInt(n), params));
                continue;
            }
            List<Enabled> enabled = run.enabled();
            run.choose(random.nextInt(enabled.size()));
        }
        for (Monitor monitor : run.monitors()) {
            if (monitor.property().equals(Agreement.NAME) || monitor.property().equals(Validity.NAME)) {
                assertThat(monitor.violation()).as("%s in %s", monitor.property(), run.explored()).isNull();
            }
        }
    }

    /** Fair schedules: every message arrives after a random delay, no crash; every process decides. */
    @Property(tries = 150)
    void fairSchedulesWithoutACrashDecide(@ForAll long seed, @ForAll @IntRange(min = 3, max = 6) int n) {
        SplittableRandom random = new SplittableRandom(seed);
        NetworkSpec network = new NetworkSpec(Delay.uniform(1, 1 + random.nextInt(10)), 0, 0, random.nextBoolean(), List.of());
        Simulation run = Simulation.start(recipe(n, random, network), REGISTRY, MonitorSource.PROTOCOL);
        run.runToEnd();

        assertThat(run.decisions()).as("%s", run.recipe()).hasSize(n);
        assertThat(run.properties()).allMatch(p -> p.property().equals(UndecidedMonitor.NAME)
                || p.now().status() != dev.faultlab.sim.PropertyStatus.Status.VIOLATED);
    }

    /** With a crash at a random time on a fair network, the processes still up decide. */
    @Property(tries = 100)
    void fairSchedulesWithOneCrashDecideAtTheOthers(@ForAll long seed, @ForAll @IntRange(min = 3, max = 5) int n) {
        SplittableRandom random = new SplittableRandom(seed);
        NetworkSpec network = new NetworkSpec(Delay.uniform(1, 1 + random.nextInt(6)), 0, 0, true, List.of());
        int victim = random.nextInt(n);
        Recipe recipe = recipe(n, random, network).withFault(Fault.at(random.nextInt(12), FaultKind.CRASH, victim));
        Simulation run = Simulation.start(recipe, REGISTRY);
        run.runToEnd();

        for (int node = 0; node < n; node++) {
            if (node != victim) {
                assertThat(run.decisions()).as("P%d in %s", node + 1, recipe).containsKey(node);
            }
        }
    }
}

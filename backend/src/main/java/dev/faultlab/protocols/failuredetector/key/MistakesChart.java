package dev.faultlab.protocols.failuredetector.key;

import dev.faultlab.chart.Chart;
import dev.faultlab.key.AnswerKey;
import dev.faultlab.key.Args;
import dev.faultlab.key.ChartKey;
import dev.faultlab.key.KeyException;
import dev.faultlab.protocols.failuredetector.FailureDetector;
import dev.faultlab.protocols.failuredetector.Suspicion;
import dev.faultlab.protocols.failuredetector.Timeline;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code failuredetector.mistakes {increase, slowdown}}: the false suspicions of three processes over 400 ticks
 * when P3's timers run {@code slowdown} times slower for good from t=45, against the slowdown (given as the
 * smallest and largest, {@code [1, 8]}), one line per timeout increase ({@code [0, 10]}). A fixed timeout errs on
 * every late heartbeat, so its line climbs with the run; a lengthening one stops after a few mistakes.
 */
final class MistakesChart implements ChartKey {
    private static final AnswerKey.Spec SPEC = new AnswerKey.Spec("failuredetector.mistakes", FailureDetector.ID, Set.of("increase", "slowdown"));
    private static final int MAX_SLOWDOWN = 20;
    private static final int MAX_INCREASE = 100;

    private final ProtocolRegistry registry = new ProtocolRegistry(List.of(new FailureDetector()));

    @Override
    public AnswerKey.Spec spec() {
        return SPEC;
    }

    @Override
    public void check(Map<String, Object> args, String field) {
        Args.integers(args, "increase", 0, MAX_INCREASE, field);
        List<Integer> range = Args.integers(args, "slowdown", 1, MAX_SLOWDOWN, field);
        if (range.size() != 2 || range.get(0) > range.get(1)) {
            throw new KeyException(field + ".slowdown", "must be the smallest and the largest slowdown, as [1, 8]");
        }
    }

    @Override
    public Chart chart(Map<String, Object> args) {
        List<Integer> range = Args.integers(args, "slowdown", 1, MAX_SLOWDOWN, "");
        List<Chart.Series> series = new ArrayList<>();
        for (int increase : Args.integers(args, "increase", 0, MAX_INCREASE, "")) {
            List<Chart.Point> points = new ArrayList<>();
            for (int slowdown = range.get(0); slowdown <= range.get(1); slowdown++) {
                points.add(new Chart.Point(slowdown, mistakes(increase, slowdown)));
            }
            series.add(new Chart.Series(increase == 0 ? "fixed timeout (25 ticks)" : "timeout 25, +" + increase + " per late heartbeat", points));
        }
        return new Chart("False suspicions of a process slowed for good", "times slower (heartbeat every 10 × this ticks)",
                "false suspicions in 400 ticks", series);
    }

    private long mistakes(int increase, int slowdown) {
        Recipe recipe = Recipe.of(FailureDetector.ID, Map.of("n", 3, "increase", increase, "runFor", 400), 0)
                .withFaults(List.of(Fault.at(45, FaultKind.TIMING, 2, Map.of("timerFactor", slowdown))));
        Simulation run = Simulation.start(recipe, registry);
        run.runToEnd();
        return Timeline.of(FailureDetector.config(recipe), run.trace().events()).suspicions().stream().filter(Suspicion::falseSuspicion).count();
    }
}

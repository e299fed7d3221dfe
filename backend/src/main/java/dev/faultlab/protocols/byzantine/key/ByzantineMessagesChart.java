package dev.faultlab.protocols.byzantine.key;

import dev.faultlab.chart.Chart;
import dev.faultlab.key.AnswerKey;
import dev.faultlab.key.Args;
import dev.faultlab.key.ChartKey;
import dev.faultlab.key.KeyException;
import dev.faultlab.protocols.byzantine.ByzantineAgreement;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code byzantine.messages}: the messages a fault-free run of the oral-messages algorithm sends, against n, one
 * line per m given ({@code m: [1, 2]}, {@code n: [4, 9]} as the smallest and largest n). Counted from the runs'
 * traces, so the figure shows what the simulator does, including its growth like n to the power m+1.
 */
final class ByzantineMessagesChart implements ChartKey {
    private static final AnswerKey.Spec SPEC = new AnswerKey.Spec("byzantine.messages", ByzantineAgreement.ID, Set.of("m", "n"));
    private static final int MAX_N = 10;
    private static final int MAX_M = 3;

    private final ProtocolRegistry registry = new ProtocolRegistry(List.of(new ByzantineAgreement()));

    @Override
    public AnswerKey.Spec spec() {
        return SPEC;
    }

    @Override
    public void check(Map<String, Object> args, String field) {
        Args.integers(args, "m", 0, MAX_M, field);
        List<Integer> range = Args.integers(args, "n", 2, MAX_N, field);
        if (range.size() != 2 || range.get(0) > range.get(1)) {
            throw new KeyException(field + ".n", "must be the smallest and the largest n, as [4, 9]");
        }
        for (int m : Args.integers(args, "m", 0, MAX_M, field)) {
            if (m + 2 > range.get(1)) {
                throw new KeyException(field + ".m", "m = " + m + " needs n of at least " + (m + 2) + ", beyond " + range.get(1));
            }
        }
    }

    @Override
    public Chart chart(Map<String, Object> args) {
        List<Integer> range = Args.integers(args, "n", 2, MAX_N, "");
        List<Chart.Series> series = new ArrayList<>();
        for (int m : Args.integers(args, "m", 0, MAX_M, "")) {
            List<Chart.Point> points = new ArrayList<>();
            for (int n = Math.max(range.get(0), m + 2); n <= range.get(1); n++) {
                points.add(new Chart.Point(n, sends(n, m)));
            }
            series.add(new Chart.Series("m = " + m, points));
        }
        return new Chart("Messages of the oral-messages algorithm", "processes n", "messages sent", series);
    }

    private long sends(int n, int m) {
        Simulation run = Simulation.start(Recipe.of(ByzantineAgreement.ID, Map.of("n", n, "m", m), 0), registry);
        run.runToEnd();
        Trace trace = run.trace();
        long sends = 0;
        for (int seq = 0; seq < trace.size(); seq++) {
            if (trace.kind(seq) == EventKind.SEND) {
                sends++;
            }
        }
        return sends;
    }
}

package dev.faultlab.protocols.pbft.key;

import dev.faultlab.chart.Chart;
import dev.faultlab.key.AnswerKey;
import dev.faultlab.key.Args;
import dev.faultlab.key.ChartKey;
import dev.faultlab.protocols.pbft.MessageCount;
import dev.faultlab.protocols.pbft.Pbft;
import dev.faultlab.sim.ProtocolRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code pbft.message-growth {k}}: messages per request against n = 3k + 1 for each k listed, counted in fault-free
 * runs of {@link MessageCount#REQUESTS} requests, beside n² for the comparison the lecture invites.
 */
final class PbftMessagesChart implements ChartKey {
    private static final AnswerKey.Spec SPEC = new AnswerKey.Spec("pbft.message-growth", Pbft.ID, Set.of("k"));
    private static final int MAX_K = 5;

    private final ProtocolRegistry registry = new ProtocolRegistry(List.of(new Pbft()));

    @Override
    public AnswerKey.Spec spec() {
        return SPEC;
    }

    @Override
    public void check(Map<String, Object> args, String field) {
        Args.integers(args, "k", 1, MAX_K, field);
    }

    @Override
    public Chart chart(Map<String, Object> args) {
        List<Chart.Point> measured = new ArrayList<>();
        List<Chart.Point> squared = new ArrayList<>();
        for (int k : Args.integers(args, "k", 1, MAX_K, "")) {
            MessageCount.Count count = MessageCount.run(registry, k, MessageCount.REQUESTS, 0);
            measured.add(new Chart.Point(count.n(), count.perRequest()));
            squared.add(new Chart.Point(count.n(), (double) count.n() * count.n()));
        }
        return new Chart("Messages per request", "replicas n = 3k+1", "messages",
                List.of(new Chart.Series("PBFT, measured", measured), new Chart.Series("n²", squared)));
    }
}

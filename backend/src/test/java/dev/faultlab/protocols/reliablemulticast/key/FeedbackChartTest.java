package dev.faultlab.protocols.reliablemulticast.key;

import dev.faultlab.chart.Chart;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The feedback figure shows what the slides argue, measured from its runs. */
class FeedbackChartTest {
    private static final Chart CHART = new FeedbackChart().chart(Map.of());

    private static List<Double> line(int index) {
        return CHART.series().get(index).points().stream().map(Chart.Point::y).toList();
    }

    @Test
    void everyReceiverAcknowledgingEveryMessageIsTheImplosionTheOthersAvoid() {
        assertThat(CHART.series()).extracting(Chart.Series::label)
                .containsExactly("ACK from every receiver", "NACK to the sender", "NACK with suppression", "hierarchy, groups of 4");
        List<Double> ack = line(0);
        List<Double> nack = line(1);
        List<Double> suppression = line(2);
        List<Double> hierarchy = line(3);
        for (int i = 0; i < FeedbackRuns.SIZES.size(); i++) {
            int receivers = FeedbackRuns.SIZES.get(i);
            // At least one ACK per receiver and message; retransmitted copies are acknowledged again.
            assertThat(ack.get(i)).isGreaterThanOrEqualTo(receivers * 10.0);
            // Only the coordinators, one per group of four, acknowledge to the sender.
            assertThat(hierarchy.get(i)).isGreaterThanOrEqualTo(Math.ceil(receivers / 4.0) * 10).isLessThan(ack.get(i) / 2);
            assertThat(nack.get(i)).isLessThan(ack.get(i));
        }
        int last = FeedbackRuns.SIZES.size() - 1;
        assertThat(suppression.get(last)).isLessThan(nack.get(last));
        assertThat(ack.get(last)).isGreaterThan(ack.get(0) * 8);
    }
}

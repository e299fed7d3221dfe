package dev.faultlab.protocols.failuredetector.key;

import dev.faultlab.chart.Chart;
import dev.faultlab.key.KeyException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lab's figure: false suspicions of a process slowed for good, with a fixed timeout and with one that grows. */
class MistakesChartTest {
    private final MistakesChart key = new MistakesChart();

    @Test
    void aGrowingTimeoutErrsOncePerTenTicksOfGapBeyondTwentyFiveWhileAFixedOneErrsOnEveryHeartbeat() {
        Chart chart = key.chart(Map.of("increase", List.of(0, 10), "slowdown", List.of(1, 5)));

        assertThat(chart.series()).extracting(Chart.Series::label)
                .containsExactly("fixed timeout (25 ticks)", "timeout 25, +10 per late heartbeat");
        // Two observers; heartbeats 10 * s apart: timeouts 25, 35, 45 fall short of 30, 40, 50 ticks s - 2 times.
        assertThat(ys(chart.series().get(1))).containsExactly(0.0, 0.0, 2.0, 4.0, 6.0);
        List<Double> fixed = ys(chart.series().get(0));
        assertThat(fixed.subList(0, 2)).containsExactly(0.0, 0.0);
        // From 30 ticks apart on, every gap is a mistake for both observers: about 2 * 355 / (10 * s).
        assertThat(fixed.get(2)).isGreaterThanOrEqualTo(20.0);
        assertThat(fixed.get(4)).isGreaterThan(6.0);
    }

    @Test
    void argumentsAreChecked() {
        assertThatThrownBy(() -> key.check(Map.of("increase", List.of(0), "slowdown", List.of(8, 1)), "figures[0].chart"))
                .isInstanceOf(KeyException.class).hasMessageContaining("smallest and the largest");
        assertThatThrownBy(() -> key.check(Map.of("increase", List.of(-1), "slowdown", List.of(1, 8)), "figures[0].chart"))
                .isInstanceOf(KeyException.class);
    }

    private static List<Double> ys(Chart.Series series) {
        return series.points().stream().map(Chart.Point::y).toList();
    }
}

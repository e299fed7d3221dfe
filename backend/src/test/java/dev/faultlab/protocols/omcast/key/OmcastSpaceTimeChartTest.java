package dev.faultlab.protocols.omcast.key;

import dev.faultlab.chart.Chart;
import dev.faultlab.key.KeyException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lecture's figure drawn from a run: a line per message from send to arrival, and m2 waiting at P1. */
class OmcastSpaceTimeChartTest {
    private static final Map<String, Object> FIGURE = Map.of("n", 3, "ordering", "causal",
            "multicasts", List.of(List.of(1, 0), List.of(2, 0, 1)), "slow", List.of(List.of(1, 0, 10)));

    @Test
    void theFigureHasTheFourMessagesAndM2HeldBackAtP1UntilM1Arrives() {
        Chart chart = new OmcastSpaceTimeChart().chart(FIGURE);

        assertThat(chart.series()).extracting(Chart.Series::label).containsExactly("m1 multicast: P2 → P3", "m2 multicast: P3 → P1",
                "m2 multicast: P3 → P2", "m1 multicast: P2 → P1", "m2 held back at P1");
        assertThat(chart.series().get(3).points()).containsExactly(new Chart.Point(0, 2), new Chart.Point(10, 1));
        assertThat(chart.series().get(4).points()).containsExactly(new Chart.Point(2, 1), new Chart.Point(10, 1));
    }

    @Test
    void aSlowLinkThatIsNotALinkIsRefusedNamingIt() {
        assertThatThrownBy(() -> new OmcastSpaceTimeChart().check(Map.of("n", 3, "ordering", "causal", "multicasts", List.of(),
                "slow", List.of(List.of(1, 0))), "figures[0].chart"))
                .isInstanceOf(KeyException.class).hasMessageContaining("figures[0].chart.slow[0]");
    }
}

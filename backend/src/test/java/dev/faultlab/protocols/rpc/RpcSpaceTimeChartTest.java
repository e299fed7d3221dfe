package dev.faultlab.protocols.rpc;

import dev.faultlab.chart.Chart;
import dev.faultlab.key.ChartKey;
import dev.faultlab.key.KeyException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The space-time figure is drawn from the run of the cell it shows: its messages, the work and the crash. */
class RpcSpaceTimeChartTest {
    private static final ChartKey KEY = new Rpc().chartKeys().get(0);

    @Test
    void theCrashBetweenTheWorkAndTheCompletionMessageShowsTwoRequestsAndTheWorkTwice() {
        Chart chart = KEY.chart(Map.of("strategy", "always", "crash", "pc-m"));
        List<String> labels = chart.series().stream().map(Chart.Series::label).toList();
        assertThat(labels).startsWith("P1 server", "P2 client");
        assertThat(labels).filteredOn(l -> l.startsWith("REQUEST P2 to P1")).hasSize(2);
        assertThat(labels).filteredOn(l -> l.startsWith("P1 does the work P")).hasSize(2);
        assertThat(labels).contains("RECOVERED P1 to P2, sent at t=9");
        assertThat(labels).anyMatch(l -> l.startsWith("P1 crashes at t=5"));
        Chart.Series request = chart.series().stream().filter(s -> s.label().startsWith("REQUEST")).findFirst().orElseThrow();
        assertThat(request.points()).containsExactly(new Chart.Point(2, 2), new Chart.Point(3, 1));
    }

    @Test
    void withoutACrashTheCallIsOneRequestAndOneCompletion() {
        Chart chart = KEY.chart(Map.of("strategy", "unacked", "crash", "none"));
        assertThat(chart.series()).extracting(Chart.Series::label).filteredOn(l -> l.contains(" to ")).extracting(l -> l.split(" ")[0])
                .containsExactly("LOCATE", "BOUND", "REQUEST", "COMPLETION");
    }

    @Test
    void anUnknownCrashOrStrategyIsRefusedNamingTheArgument() {
        assertThatThrownBy(() -> KEY.check(Map.of("strategy", "sometimes", "crash", "none"), "figures[0].chart"))
                .isInstanceOf(KeyException.class).hasMessageContaining("strategy");
        assertThatThrownBy(() -> KEY.check(Map.of("strategy", "always", "crash", "mcp"), "figures[0].chart"))
                .isInstanceOf(KeyException.class).hasMessageContaining("crash");
    }
}

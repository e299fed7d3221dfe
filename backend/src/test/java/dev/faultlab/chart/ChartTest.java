package dev.faultlab.chart;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A chart that would draw badly is refused where it is built, with the reason. */
class ChartTest {
    private static Chart.Series line(String label, int points) {
        List<Chart.Point> list = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            list.add(new Chart.Point(i, i * i));
        }
        return new Chart.Series(label, list);
    }

    @Test
    void aChartNeedsASeriesAndLabels() {
        assertThatThrownBy(() -> new Chart("T", "x", "y", List.of())).hasMessageContaining("no series");
        assertThatThrownBy(() -> new Chart(" ", "x", "y", List.of(line("a", 1)))).hasMessageContaining("title");
        assertThatThrownBy(() -> new Chart("T", "", "y", List.of(line("a", 1)))).hasMessageContaining("x axis");
        assertThatThrownBy(() -> line("", 1)).hasMessageContaining("label");
    }

    @Test
    void seriesAreLabelledOnce() {
        assertThatThrownBy(() -> new Chart("T", "x", "y", List.of(line("a", 1), line("a", 2))))
                .hasMessageContaining("two series labelled 'a'");
    }

    @Test
    void pointsAreFiniteAndBoundedInNumber() {
        assertThatThrownBy(() -> new Chart.Point(1, Double.NaN)).hasMessageContaining("finite");
        assertThatThrownBy(() -> new Chart.Point(Double.POSITIVE_INFINITY, 1)).hasMessageContaining("finite");
        assertThatThrownBy(() -> new Chart("T", "x", "y", List.of(line("a", Chart.MAX_POINTS), line("b", 1))))
                .hasMessageContaining("more than " + Chart.MAX_POINTS);
    }
}

package dev.faultlab.lab;

import dev.faultlab.chart.Chart;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.protocols.byzantine.ByzantineAgreement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A lab's figures are drawn from the platform's runs as the lab loads: the byzantine.messages chart counts the
 * sends of real runs (checked against the algorithm's closed form), and a bad figure names its line and field.
 */
class LabFiguresTest {
    private static final String LAB = """
            title: Growth
            protocol: flooding
            scenario:
              params: {n: 3, f: 1, values: [1, 2, 3]}
            figures:
              - id: growth
                title: Messages
                caption: Counted from *runs*.
                chart: {key: byzantine.messages, m: [0, 2], n: [3, 6]}
            exercises:
              - id: decisions
                type: table
                title: Who decides what
                prompt: Enter each decision.
                points: 2
                answer: {key: flooding.decisions}
            """;

    @TempDir
    Path labs;

    private final LabLoader loader = new LabLoader(new ReferenceGrading(Protocols.registry()));

    private Lab load(String yaml) throws Exception {
        Path folder = Files.createDirectories(labs.resolve("growth"));
        Files.writeString(folder.resolve("lab.yaml"), yaml);
        return loader.load(folder);
    }

    private LabProblem onlyProblem(String yaml) {
        LabLoadException e = catchThrowableOfType(LabLoadException.class, () -> load(yaml));
        assertThat(e).as("the lab should not load").isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    @Test
    void aFigureIsDrawnFromRunsAsTheLabLoads() throws Exception {
        Figure figure = load(LAB).definition().figures().get(0);

        assertThat(figure.id()).isEqualTo("growth");
        assertThat(figure.captionHtml()).contains("<em>runs</em>");
        Chart chart = figure.chart();
        assertThat(chart.series()).extracting(Chart.Series::label).containsExactly("m = 0", "m = 2");
        // m = 2 needs four processes: its line starts at n = 4.
        assertThat(chart.series().get(1).points()).extracting(Chart.Point::x).containsExactly(4.0, 5.0, 6.0);
        for (Chart.Series series : chart.series()) {
            int m = Integer.parseInt(series.label().substring("m = ".length()));
            for (Chart.Point point : series.points()) {
                assertThat(point.y()).as("n=%s m=%s", point.x(), m)
                        .isEqualTo(ByzantineAgreement.messages((int) point.x(), m));
            }
        }
    }

    @Test
    void anUnknownChartKeyListsTheChartKeys() {
        LabProblem problem = onlyProblem(LAB.replace("byzantine.messages", "byzantine.message"));

        assertThat(problem.field()).isEqualTo("figures[0].chart.key");
        assertThat(problem.line()).isEqualTo(9);
        assertThat(problem.message()).contains("byzantine.messages");
    }

    @Test
    void anArgumentTheChartCannotDrawIsNamed() {
        assertThat(onlyProblem(LAB.replace("n: [3, 6]", "n: [6, 3]")).field()).isEqualTo("figures[0].chart.n");
        assertThat(onlyProblem(LAB.replace("m: [0, 2]", "m: [0, 5]")).message()).contains("from 0 to 3");
        assertThat(onlyProblem(LAB.replace("n: [3, 6]", "n: [3, 6], k: 1")).field()).isEqualTo("figures[0].chart.k");
    }

    @Test
    void aFigureWithoutAChartIsASchemaError() {
        LabProblem problem = onlyProblem(LAB.replace("    chart: {key: byzantine.messages, m: [0, 2], n: [3, 6]}\n", ""));

        assertThat(problem.field()).isEqualTo("figures[0]");
        assertThat(problem.message()).contains("chart");
    }

    @Test
    void twoFiguresMayNotShareAnId() throws IOException {
        String twice = LAB.replace("exercises:", """
                  - id: growth
                    title: Again
                    chart: {key: byzantine.messages, m: [1], n: [3, 4]}
                exercises:""");

        assertThat(onlyProblem(twice).field()).isEqualTo("figures[1].id");
    }
}

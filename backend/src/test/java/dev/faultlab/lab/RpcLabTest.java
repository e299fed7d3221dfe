package dev.faultlab.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Recipe;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The RPC lab graded with the lecture's own table typed in here, the semantics worked out from that table for
 * each student's pair, and fault plans chosen by the reasoning the instructions teach (a lost completion
 * message; a crash after the work under "reissue only when acknowledged").
 */
class RpcLabTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ReferenceGrading GRADING = new ReferenceGrading(Protocols.registry());
    private static final Lab LAB = new LabCatalog(Path.of("..", "labs"), GRADING, Clock.systemUTC()).lab("rpc-failures").orElseThrow();
    private static final List<String> ROWS = List.of("always", "never", "acked", "unacked");
    private static final List<String> COLUMNS = List.of("mpc", "mc-p", "c-mp", "pmc", "pc-m", "c-pm");
    /** The slide's table. */
    private static final List<List<String>> LECTURE = List.of(
            List.of("DUP", "OK", "OK", "DUP", "DUP", "OK"),
            List.of("OK", "ZERO", "ZERO", "OK", "OK", "ZERO"),
            List.of("DUP", "OK", "ZERO", "DUP", "OK", "ZERO"),
            List.of("OK", "ZERO", "OK", "OK", "DUP", "OK"));

    private static Grade grade(VariantKey key, String exercise, Object answer) throws InvalidAnswer {
        return GRADING.grade(LAB, key, exercise, 0, JSON.valueToTree(answer), Map.of());
    }

    private static Map<String, String> lectureCells() {
        Map<String, String> cells = new LinkedHashMap<>();
        for (int r = 0; r < ROWS.size(); r++) {
            for (int c = 0; c < COLUMNS.size(); c++) {
                cells.put(ROWS.get(r) + "/" + COLUMNS.get(c), LECTURE.get(r).get(c));
            }
        }
        return cells;
    }

    @Test
    void theLecturesTableScoresFullMarksAndEachWrongCellCostsItsShare() throws InvalidAnswer {
        VariantKey key = new VariantKey(1, 1, LAB.id());
        assertThat(grade(key, "table", Map.of("cells", lectureCells())).score()).isEqualTo(1.0);
        Map<String, String> wrong = lectureCells();
        wrong.put("acked/pc-m", "DUP");
        wrong.put("unacked/mc-p", "OK");
        Grade graded = grade(key, "table", Map.of("cells", wrong));
        assertThat(graded.score()).as(graded.feedback()).isEqualTo(22.0 / 24);
    }

    @Test
    void everyStudentsPairGetsTheSemanticsItsRowOfTheTableShowsAndBothChallengesCanBeMet() throws InvalidAnswer {
        for (long student = 1; student <= 12; student++) {
            VariantKey key = new VariantKey(1, student, LAB.id());
            Recipe scenario = GRADING.recipe(LAB, key);
            String strategy = (String) scenario.params().get("strategy");
            String order = (String) scenario.params().get("order");
            List<String> row = LECTURE.get(ROWS.indexOf(strategy));
            List<String> cells = order.equals("MP") ? row.subList(0, 3) : row.subList(3, 6);
            String semantics = !cells.contains("ZERO") && !cells.contains("DUP") ? "exactly-once"
                    : !cells.contains("ZERO") ? "at-least-once" : !cells.contains("DUP") ? "at-most-once" : "no-guarantee";
            assertThat(grade(key, "semantics", Map.of("choices", List.of(semantics))).score()).as(strategy + " " + order).isEqualTo(1.0);

            List<Map<String, Object>> plan = strategy.equals("acked")
                    ? List.of(Map.of("at", 6, "kind", "CRASH", "target", 0), Map.of("at", 10, "kind", "RECOVER", "target", 0))
                    : List.of(Map.of("at", 3, "kind", "SEND_OMISSION", "target", 0, "params", Map.of("duration", 3)));
            Grade twice = grade(key, "twice", Map.of("faults", plan));
            assertThat(twice.score()).as(strategy + " " + order + ": " + twice.feedback()).isEqualTo(1.0);
            assertThat(twice.feedback()).contains("took effect twice");
            Grade stopped = grade(key, "stopped", Map.of("faults", plan));
            assertThat(stopped.score()).as(stopped.feedback()).isEqualTo(1.0);
            assertThat(stopped.feedback()).contains("answered it from its table");
        }
    }

    @Test
    void aPlanThatLosesNothingMeetsNeitherChallenge() throws InvalidAnswer {
        VariantKey key = new VariantKey(1, 1, LAB.id());
        List<Map<String, Object>> late = List.of(Map.of("at", 100, "kind", "CRASH", "target", 0));
        assertThat(grade(key, "twice", Map.of("faults", late)).score()).isZero();
        Grade stopped = grade(key, "stopped", Map.of("faults", late));
        assertThat(stopped.score()).isZero();
        assertThat(stopped.feedback()).contains("Without sequence numbers your plan must first make a call take effect twice");
    }
}

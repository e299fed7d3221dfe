package dev.faultlab.grading;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GradebookCsvTest {

    private static List<List<String>> parse(String csv) throws IOException {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> rows = mapper.readerForListOf(String.class).readValues(csv)) {
            return rows.readAll();
        }
    }

    private static GradeViews.LabGradebook book(String displayName) {
        return new GradeViews.LabGradebook(3,
                new GradeViews.LabHeader("byzantine-generals", "Byzantine generals", "v1", 12,
                        List.of(new GradeViews.ExerciseColumn("round1", "Round 1", 6),
                                new GradeViews.ExerciseColumn("agree", "Agreement", 6))),
                List.of(new GradeViews.StudentLabRow(7, "ann@x.test", displayName, 4.5, 2, List.of(
                        new GradeViews.StudentExerciseCell("round1", 4.5, 0.75, 2),
                        new GradeViews.StudentExerciseCell("agree", null, null, 0)))),
                List.of());
    }

    @Test
    void aRowPerStudentWithAColumnPerExercise() throws IOException {
        List<List<String>> rows = parse(GradebookCsv.of(book("Ann, \"the\" Student")));

        assertThat(rows).containsExactly(
                List.of("userId", "email", "displayName", "round1", "agree", "points", "attempts"),
                List.of("7", "ann@x.test", "Ann, \"the\" Student", "4.5", "", "4.5", "2"));
    }

    @Test
    void aNameThatLooksLikeAFormulaIsDefused() throws IOException {
        List<List<String>> rows = parse(GradebookCsv.of(book("=HYPERLINK(\"http://evil.test\")")));

        assertThat(rows.get(1).get(2)).isEqualTo("'=HYPERLINK(\"http://evil.test\")");
    }

    @Test
    void everyFormulaStartIsDefusedAndOrdinaryTextIsNot() {
        for (String start : List.of("=", "+", "-", "@", "\t", "\r")) {
            assertThat(GradebookCsv.defused(start + "1+1")).isEqualTo("'" + start + "1+1");
        }
        assertThat(GradebookCsv.defused("Ann")).isEqualTo("Ann");
        assertThat(GradebookCsv.defused("")).isEmpty();
    }
}

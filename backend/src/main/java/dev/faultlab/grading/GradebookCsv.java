package dev.faultlab.grading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.util.ArrayList;
import java.util.List;

/**
 * A lab's gradebook as CSV for a spreadsheet: one row per student, a column per exercise's counted points.
 * Names are the students' own text, so one starting like a formula is defused before a spreadsheet sees it.
 */
public final class GradebookCsv {
    private static final CsvMapper CSV = new CsvMapper();
    /** What makes a spreadsheet read a cell as a formula (OWASP's list for CSV injection). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private GradebookCsv() {
    }

    public static String of(GradeViews.LabGradebook book) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true)
                .addColumn("userId").addColumn("email").addColumn("displayName");
        book.lab().exercises().forEach(e -> schema.addColumn(e.id()));
        schema.addColumn("points").addColumn("attempts");
        List<List<Object>> rows = new ArrayList<>();
        for (GradeViews.StudentLabRow student : book.students()) {
            List<Object> row = new ArrayList<>();
            row.add(student.userId());
            row.add(defused(student.email()));
            row.add(defused(student.displayName()));
            student.exercises().forEach(cell -> row.add(cell.points() == null ? "" : cell.points()));
            row.add(student.points());
            row.add(student.attempts());
            rows.add(row);
        }
        try {
            return CSV.writer(schema.build()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the gradebook does not write as CSV", e);
        }
    }

    /** A leading apostrophe makes spreadsheets show the text as it is instead of evaluating it. */
    static String defused(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}

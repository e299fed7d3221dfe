package dev.faultlab.grading;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.faultlab.lab.Grade;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Stored submissions for unit tests: only what scoring and statistics read is filled in. */
final class Submissions {
    private static final Instant SOME_TIME = Instant.parse("2026-01-01T00:00:00Z");

    private Submissions() {
    }

    static Submission scored(int attempt, double score, double points) {
        return new Submission(attempt + 1, 1, 1, "lab", "v1", "ex", attempt, UUID.randomUUID(),
                JsonNodeFactory.instance.objectNode(), new Grade(score, List.of(), ""), points, "1", SOME_TIME, null);
    }

    /** A submission worth {@code points} whose wrong cells are {@code missed}, each labelled as its grid shows it. */
    static Submission missing(double points, String... missed) {
        List<Grade.CellGrade> cells = Arrays.stream(missed).map(c -> new Grade.CellGrade(c, false, "", label(c))).toList();
        return new Submission(1, 1, 1, "lab", "v1", "ex", 0, UUID.randomUUID(), JsonNodeFactory.instance.objectNode(),
                new Grade(0.5, cells, ""), points, "1", SOME_TIME, null);
    }

    /** "-/P4" as a grid of what is heard directly labels it. */
    static String label(String cell) {
        return "Row 'heard directly', column '" + cell.substring(cell.indexOf('/') + 1) + "'";
    }
}

package dev.faultlab.lab;

import java.util.List;

/** A table of the variant's data shown to the student, such as each process's initial value or a traitor's lies. */
public record Given(String title, List<String> columns, List<Row> rows) {
    public Given {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public record Row(String label, List<String> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }
}

package dev.faultlab.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a process's state reads in the state inspector: titled sections of a few kinds, which the browser
 * renders generically (key-value pairs, a table, a set, a value per process). Every cell is a scalar
 * (a string, number, boolean or null), so nothing reaches the student as raw JSON; the constructors
 * refuse anything else, which makes a malformed display fail where the protocol builds it.
 */
public record StateDisplay(List<Section> sections) {
    /** The title of the section shown instead of a display the protocol failed to build. */
    public static final String ERROR_TITLE = "Display error";

    public StateDisplay {
        sections = List.copyOf(sections);
        java.util.Set<String> titles = new HashSet<>();
        for (Section section : sections) {
            if (!titles.add(section.title())) {
                throw new IllegalArgumentException("two sections of a state display are titled '" + section.title() + "'");
            }
        }
    }

    public static StateDisplay of(Section... sections) {
        return new StateDisplay(List.of(sections));
    }

    /** One part of a display; {@code getKind()} names the part's kind in JSON. */
    public sealed interface Section permits Fields, Table, Set, Vector {
        String title();

        String getKind();
    }

    /** Named scalar values, in the order given: a process's role, term, state and such. */
    public record Fields(String title, Map<String, Object> values) implements Section {
        public Fields {
            titled(title);
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
            values.forEach((key, value) -> scalar(title, key, value));
        }

        @Override
        public String getKind() {
            return "fields";
        }
    }

    /** Rows of scalar cells under named columns, such as a log with a row per entry. */
    public record Table(String title, List<String> columns, List<List<Object>> rows) implements Section {
        public Table {
            titled(title);
            columns = List.copyOf(columns);
            List<List<Object>> copied = new ArrayList<>(rows.size());
            for (List<Object> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException("a row of table '" + title + "' has " + row.size()
                            + " cells for " + columns.size() + " columns");
                }
                row.forEach(cell -> scalar(title, "a cell", cell));
                copied.add(Collections.unmodifiableList(new ArrayList<>(row)));
            }
            rows = Collections.unmodifiableList(copied);
        }

        /** Each row as a map from column to cell, for views that want the rows as JSON objects. */
        public List<Map<String, Object>> asMaps() {
            List<Map<String, Object>> maps = new ArrayList<>(rows.size());
            for (List<Object> row : rows) {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    map.put(columns.get(i), row.get(i));
                }
                maps.add(map);
            }
            return maps;
        }

        /** A row of cells, which may be null (List.of refuses null). */
        public static List<Object> row(Object... cells) {
            return Arrays.asList(cells);
        }

        @Override
        public String getKind() {
            return "table";
        }
    }

    /** Distinct scalar members, such as the values a process knows. */
    public record Set(String title, List<Object> members) implements Section {
        public Set {
            titled(title);
            members = Collections.unmodifiableList(new ArrayList<>(members));
            members.forEach(member -> scalar(title, "a member", member));
            if (new HashSet<>(members).size() != members.size()) {
                throw new IllegalArgumentException("set '" + title + "' lists a member twice");
            }
        }

        @Override
        public String getKind() {
            return "set";
        }
    }

    /** A value per labelled slot, such as a value per process (labels "P1", "P2", ...). */
    public record Vector(String title, List<String> labels, List<Object> values) implements Section {
        public Vector {
            titled(title);
            labels = List.copyOf(labels);
            values = Collections.unmodifiableList(new ArrayList<>(values));
            if (labels.size() != values.size()) {
                throw new IllegalArgumentException("vector '" + title + "' has " + values.size() + " values for "
                        + labels.size() + " labels");
            }
            values.forEach(value -> scalar(title, "a value", value));
        }

        @Override
        public String getKind() {
            return "vector";
        }
    }

    /**
     * A display read off a plain view map, for processes that declare none (and for stable storage): scalars
     * become one "State" section, a map of scalars a section of fields, a list of maps a table, any other
     * list a one-column table; anything else shows as its text.
     */
    public static StateDisplay fromView(Map<String, Object> view) {
        Map<String, Object> scalars = new LinkedHashMap<>();
        List<Section> sections = new ArrayList<>();
        view.forEach((key, value) -> {
            if (value instanceof Map<?, ?> map) {
                Map<String, Object> fields = new LinkedHashMap<>();
                map.forEach((k, v) -> fields.put(String.valueOf(k), cell(v)));
                sections.add(new Fields(key, fields));
            } else if (value instanceof List<?> list) {
                sections.add(tableOf(key, list));
            } else {
                scalars.put(key, cell(value));
            }
        });
        if (!scalars.isEmpty()) {
            boolean taken = sections.stream().anyMatch(section -> section.title().equals("State"));
            sections.add(0, new Fields(taken ? "State values" : "State", scalars));
        }
        return new StateDisplay(sections);
    }

    private static Table tableOf(String title, List<?> list) {
        if (!list.isEmpty() && list.stream().allMatch(item -> item instanceof Map<?, ?>)) {
            List<String> columns = new ArrayList<>();
            for (Object item : list) {
                ((Map<?, ?>) item).keySet().forEach(k -> {
                    if (!columns.contains(String.valueOf(k))) {
                        columns.add(String.valueOf(k));
                    }
                });
            }
            List<List<Object>> rows = new ArrayList<>();
            for (Object item : list) {
                Map<?, ?> map = (Map<?, ?>) item;
                rows.add(columns.stream().<Object>map(column -> cell(map.get(column))).toList());
            }
            return new Table(title, columns, rows);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Object item : list) {
            rows.add(Table.row(cell(item)));
        }
        return new Table(title, List.of("value"), rows);
    }

    /** A scalar as is, an enum by name, anything else as its text. */
    public static Object cell(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return value instanceof Enum<?> e ? e.name() : String.valueOf(value);
    }

    private static void titled(String title) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("every section of a state display needs a title");
        }
    }

    private static void scalar(String title, String what, Object value) {
        if (!(value == null || value instanceof String || value instanceof Number || value instanceof Boolean)) {
            throw new IllegalArgumentException("'" + title + "' holds " + what + " that is not a string, number, boolean "
                    + "or null: " + value.getClass().getSimpleName());
        }
    }
}

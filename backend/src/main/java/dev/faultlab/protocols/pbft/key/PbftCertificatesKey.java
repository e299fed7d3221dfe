package dev.faultlab.protocols.pbft.key;

import dev.faultlab.key.Args;
import dev.faultlab.key.CellFormat;
import dev.faultlab.key.Grid;
import dev.faultlab.key.GridKey;
import dev.faultlab.key.GridReasons;
import dev.faultlab.key.KeyException;
import dev.faultlab.key.Reference;
import dev.faultlab.protocols.pbft.Pbft;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.ProcessStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code pbft.certificates {t, time}}: what each replica holds for timestamp {@code t} in its current view right
 * after everything at or before {@code time}: the operation of the pre-prepare it accepted ("missing" if none),
 * how many matching prepares it has (its own included), whether it holds the prepare certificate, how many
 * matching commits (its own included) and whether it executed the operation; "crashed" in every cell of a
 * replica that is down, and any answer for a Byzantine one.
 */
final class PbftCertificatesKey implements GridKey {
    static final String NAME = "pbft.certificates";
    static final String CRASHED = "crashed";
    static final String MISSING = "missing";
    static final String YES = "yes";
    static final String NO = "no";
    private static final List<Grid.Axis> COLUMNS = List.of(new Grid.Axis("prePrepare", "pre-prepare accepted"),
            new Grid.Axis("prepares", "matching prepares"), new Grid.Axis("prepared", "prepare certificate"),
            new Grid.Axis("commits", "matching commits"), new Grid.Axis("executed", "executed"));

    private static final Spec SPEC = new Spec(NAME, Pbft.ID, Set.of("t", "time"));

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void check(Map<String, Object> args, String field) {
        if (Args.integer(args, "t", field) < 1) {
            throw new KeyException(field + ".t", "timestamps are numbered from 1");
        }
        Args.time(args, field);
    }

    @Override
    public CellFormat format(Grid grid, String column) {
        return switch (column) {
            case "prepares", "commits" -> CellFormat.numberOrWords(CRASHED);
            case "prepared", "executed" -> CellFormat.vocabulary(List.of(YES, NO, CRASHED));
            default -> CellFormat.TEXT;
        };
    }

    @Override
    public GridReasons reasons(Reference reference, Map<String, Object> args) {
        return new GridReasons() {
            @Override
            public String cell(String cell) {
                return switch (cell.substring(cell.indexOf('/') + 1)) {
                    case "prePrepare" -> "a backup accepts the primary's PRE-PREPARE for t in its view if it accepted no other "
                            + "operation there; 'missing' if none reached it";
                    case "prepares" -> "PREPAREs for t in this view that match the accepted pre-prepare, its own included; the "
                            + "primary sends none";
                    case "prepared" -> "the certificate is the pre-prepare and 2k matching prepares";
                    case "commits" -> "COMMITs for t in this view that match its pre-prepare, its own included; a replica "
                            + "commits once it holds the certificate";
                    default -> "a replica executes once it holds the certificate and 2k+1 matching commits";
                };
            }

            @Override
            public String row(String row) {
                return "follow the messages that reached " + row + " up to the given time; a crashed replica is 'crashed'";
            }
        };
    }

    @Override
    public Grid expected(Reference reference, Map<String, Object> args) {
        int t = Args.integer(args, "t", "answer");
        long time = Args.time(args, "answer");
        Map<String, String> values = new LinkedHashMap<>();
        List<Grid.Axis> rows = new ArrayList<>();
        for (ProcessStatus process : PbftStates.atOrBefore(reference, time)) {
            if (!Pbft.REPLICA.equals(process.role())) {
                continue;
            }
            String row = ProcessLabel.of(process.node());
            rows.add(new Grid.Axis(row, row));
            Map<String, Object> slot = process.up() ? slot(process.state(), t) : null;
            for (Grid.Axis column : COLUMNS) {
                // A Byzantine replica's state says nothing about what it sent: any answer will do there.
                values.put(Grid.cell(row, column.id()), process.byzantine() != null ? null : !process.up() ? CRASHED : cell(slot, column.id()));
            }
        }
        return new Grid(rows, COLUMNS, values, List.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> slot(Map<String, Object> state, int t) {
        for (Map<String, Object> row : (List<Map<String, Object>>) state.get("log")) {
            if (((Number) row.get("t")).intValue() == t) {
                return row;
            }
        }
        return null;
    }

    private static String cell(Map<String, Object> slot, String column) {
        if (slot == null) {
            return column.equals("prePrepare") ? MISSING : column.equals("prepared") || column.equals("executed") ? NO : "0";
        }
        Object value = slot.get(column);
        if (column.equals("prePrepare")) {
            return value == null ? MISSING : value.toString();
        }
        return value instanceof Boolean yes ? (yes ? YES : NO) : String.valueOf(value);
    }
}

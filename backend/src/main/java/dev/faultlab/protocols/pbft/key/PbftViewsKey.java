package dev.faultlab.protocols.pbft.key;

import dev.faultlab.key.Args;
import dev.faultlab.key.CellFormat;
import dev.faultlab.key.Grid;
import dev.faultlab.key.GridKey;
import dev.faultlab.key.GridReasons;
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
 * {@code pbft.views {time}}: the view each replica is in right after everything at or before {@code time}, and the
 * primary of that view (P(v mod n + 1)); "crashed" for a replica that is down, any answer for a Byzantine one.
 */
final class PbftViewsKey implements GridKey {
    static final String NAME = "pbft.views";
    static final String CRASHED = "crashed";
    private static final List<Grid.Axis> COLUMNS = List.of(new Grid.Axis("view", "view"), new Grid.Axis("primary", "its primary"));

    private static final Spec SPEC = new Spec(NAME, Pbft.ID, Set.of("time"));

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void check(Map<String, Object> args, String field) {
        Args.time(args, field);
    }

    @Override
    public CellFormat format(Grid grid, String column) {
        if (column.equals("view")) {
            return CellFormat.numberOrWords(CRASHED);
        }
        List<String> names = new ArrayList<>(grid.rows().stream().map(Grid.Axis::id).toList());
        names.add(CRASHED);
        return CellFormat.vocabulary(names);
    }

    @Override
    public GridReasons reasons(Reference reference, Map<String, Object> args) {
        return new GridReasons() {
            @Override
            public String cell(String cell) {
                return cell.endsWith("/view") ? "a replica enters view v+1 when it accepts a NEW-VIEW built on 2k+1 VIEW-CHANGEs "
                        + "for it; every timeout without one asks for the view after" : "every replica knows the same "
                        + "function: view v is led by replica v mod n, counted from P1";
            }

            @Override
            public String row(String row) {
                return "the view " + row + " has entered by then, and that view's primary";
            }
        };
    }

    @Override
    public Grid expected(Reference reference, Map<String, Object> args) {
        long time = Args.time(args, "answer");
        Map<String, String> values = new LinkedHashMap<>();
        List<Grid.Axis> rows = new ArrayList<>();
        for (ProcessStatus process : PbftStates.atOrBefore(reference, time)) {
            if (!Pbft.REPLICA.equals(process.role())) {
                continue;
            }
            String row = ProcessLabel.of(process.node());
            rows.add(new Grid.Axis(row, row));
            boolean byzantine = process.byzantine() != null;
            values.put(Grid.cell(row, "view"), byzantine ? null : process.up() ? String.valueOf(process.state().get("view")) : CRASHED);
            values.put(Grid.cell(row, "primary"), byzantine ? null : process.up() ? String.valueOf(process.state().get("primary")) : CRASHED);
        }
        return new Grid(rows, COLUMNS, values, List.of());
    }
}

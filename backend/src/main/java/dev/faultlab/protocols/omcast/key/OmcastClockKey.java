package dev.faultlab.protocols.omcast.key;

import dev.faultlab.key.CellFormat;
import dev.faultlab.key.Grid;
import dev.faultlab.key.GridKey;
import dev.faultlab.key.GridReasons;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.omcast.OrderedMulticast;
import dev.faultlab.sim.ProcessLabel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code omcast.clock {events}}: the vector clock of a member right after each listed event of the reference run, a
 * row per event (a, b, c, ...) and a column per entry (P1, P2, ...). An event is {@code {node, event, message}}:
 * {@code multicast} (the member multicasts the message), {@code receive} (the message arrives from the network, and
 * may be held back) or {@code deliver} (the member delivers it). Read from the members' states as the inspector shows
 * them, so only orderings with vector clocks (causal, causal-total) have an answer.
 */
final class OmcastClockKey implements GridKey {
    static final String NAME = "omcast.clock";
    private static final Spec SPEC = new Spec(NAME, OrderedMulticast.ID, Set.of("events"));

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void check(Map<String, Object> args, String field) {
        ClockEvents.of(args, field);
    }

    @Override
    public Grid expected(Reference reference, Map<String, Object> args) {
        List<ClockEvents.Found> found = ClockEvents.find(reference, ClockEvents.of(args, "answer"));
        int members = found.get(0).clock().size();
        List<Grid.Axis> columns = new ArrayList<>();
        for (int k = 0; k < members; k++) {
            columns.add(new Grid.Axis(ProcessLabel.of(k), ProcessLabel.of(k)));
        }
        List<Grid.Axis> rows = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (ClockEvents.Found event : found) {
            rows.add(new Grid.Axis(event.row(), event.row() + ": " + event.wanted().describe()));
            for (int k = 0; k < members; k++) {
                values.put(Grid.cell(event.row(), ProcessLabel.of(k)), Integer.toString(event.clock().get(k)));
            }
        }
        return new Grid(rows, columns, values, List.of());
    }

    @Override
    public CellFormat format(Grid grid, String column) {
        return CellFormat.numberOrWords();
    }

    @Override
    public GridReasons reasons(Reference reference, Map<String, Object> args) {
        Map<String, ClockEvents.Wanted> byRow = new LinkedHashMap<>();
        List<ClockEvents.Wanted> wanted = ClockEvents.of(args, "answer");
        for (int i = 0; i < wanted.size(); i++) {
            byRow.put(ClockEvents.row(i), wanted.get(i));
        }
        return new GridReasons() {
            @Override
            public String cell(String cell) {
                return row(cell.substring(0, cell.indexOf('/')));
            }

            @Override
            public String row(String row) {
                ClockEvents.Wanted event = byRow.get(row);
                return event == null ? GridReasons.GENERIC.row(row) : event.rule();
            }
        };
    }

    @Override
    public Solution solution(Reference reference, Map<String, Object> args) {
        List<Solution.Step> steps = new ArrayList<>();
        for (ClockEvents.Found event : ClockEvents.find(reference, ClockEvents.of(args, "answer"))) {
            steps.add(new Solution.Step(event.row() + ": " + event.wanted().describe(), "At event #" + event.seq() + " "
                    + event.wanted().rule() + ": " + ProcessLabel.of(event.wanted().node()) + "'s clock is "
                    + event.clock().toString().replace('[', '(').replace(']', ')').replace(" ", "") + ".", List.of(event.seq())));
        }
        return new Solution(steps);
    }
}

package dev.faultlab.protocols.reliablemulticast.key;

import dev.faultlab.key.CellFormat;
import dev.faultlab.key.Grid;
import dev.faultlab.key.GridKey;
import dev.faultlab.key.GridReasons;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.reliablemulticast.ReliableMulticast;
import dev.faultlab.protocols.reliablemulticast.Traffic;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code rmcast.retransmissions}: for each receiver of P1's messages, the numbers of the messages that reached it
 * as retransmissions ("{2, 3}", "{}" for none) and how many times it sent a NACK (a multicast NACK counts once).
 */
final class RetransmissionsKey implements GridKey {
    static final String NAME = "rmcast.retransmissions";
    static final String RETRANSMITTED = "retransmitted";
    static final String NACKS = "NACKs";

    private static final Spec SPEC = new Spec(NAME, ReliableMulticast.ID, Set.of());

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public CellFormat format(Grid grid, String column) {
        return column.equals(RETRANSMITTED) ? CellFormat.setOrWords() : CellFormat.numberOrWords();
    }

    @Override
    public Grid expected(Reference reference, Map<String, Object> args) {
        Simulation run = reference.run();
        List<Grid.Axis> rows = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (int receiver = 1; receiver < run.nodeCount(); receiver++) {
            String row = ProcessLabel.of(receiver);
            rows.add(new Grid.Axis(row, row));
            values.put(Grid.cell(row, RETRANSMITTED), Traffic.retransmittedTo(run, receiver).stream().map(String::valueOf)
                    .collect(Collectors.joining(", ", "{", "}")));
            values.put(Grid.cell(row, NACKS), String.valueOf(Traffic.nacksBy(run, receiver).size()));
        }
        return new Grid(rows, List.of(new Grid.Axis(RETRANSMITTED, "messages it gets again"),
                new Grid.Axis(NACKS, "NACKs it sends")), values, List.of());
    }

    @Override
    public GridReasons reasons(Reference reference, Map<String, Object> args) {
        return new GridReasons() {
            @Override
            public String cell(String cell) {
                return cell.endsWith("/" + RETRANSMITTED)
                        ? "a receiver gets again exactly the messages it lost and asked for, once each"
                        : "a receiver sends a NACK when a message (or the sender's announcement) reveals a gap, and again "
                        + "after each timeout while something is still missing";
            }

            @Override
            public String row(String row) {
                return "follow " + row + "'s losses, its NACKs and the sender's answers in the run";
            }
        };
    }

    @Override
    public Solution solution(Reference reference, Map<String, Object> args) {
        Simulation run = reference.run();
        List<Solution.Step> steps = new ArrayList<>();
        for (int receiver = 1; receiver < run.nodeCount(); receiver++) {
            List<TraceEvent> lost = Traffic.lostTo(run, receiver);
            String name = ProcessLabel.of(receiver);
            if (lost.isEmpty()) {
                steps.add(new Solution.Step(name, name + " lost nothing: it never sees a gap, sends no NACK and gets nothing again.", List.of()));
                continue;
            }
            List<Integer> events = new ArrayList<>();
            lost.forEach(e -> events.add(e.seq()));
            List<Integer> nacks = Traffic.nacksBy(run, receiver);
            events.addAll(nacks);
            List<TraceEvent> again = Traffic.retransmissionsTo(run, receiver);
            again.forEach(e -> events.add(e.seq()));
            steps.add(new Solution.Step(name, name + " lost " + lost.size() + " transmission(s); it sent " + nacks.size()
                    + " NACK(s) once the gap showed, and the sender answered from its history buffer with messages "
                    + Traffic.retransmittedTo(run, receiver) + ".", events.stream().sorted().toList()));
        }
        return new Solution(steps);
    }
}

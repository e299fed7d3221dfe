package dev.faultlab.protocols.paxos.key;

import dev.faultlab.key.Args;
import dev.faultlab.key.Grid;
import dev.faultlab.key.GridKey;
import dev.faultlab.key.Reference;
import dev.faultlab.protocols.paxos.Executions;
import dev.faultlab.protocols.paxos.Op;
import dev.faultlab.protocols.paxos.SlidesPaxos;
import dev.faultlab.sim.ProcessLabel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code paxos.order {time}}: the operations each server has executed, in order, right after everything at or before
 * {@code time} in the reference run: a row per server, a column per position; "-" where it has not executed that
 * far, "crashed" for a server that is down then. A recovered server counts from its recovery: it executes again.
 */
final class PaxosOrderKey implements GridKey {
    static final String NAME = "paxos.order";
    static final String NONE = "-";
    static final String CRASHED = "crashed";

    private static final Spec SPEC = new Spec(NAME, SlidesPaxos.ID, Set.of("time"));

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void check(Map<String, Object> args, String field) {
        Args.time(args, field);
    }

    @Override
    public Grid expected(Reference reference, Map<String, Object> args) {
        long time = Args.time(args, "answer");
        int servers = SlidesPaxos.servers(reference.run().recipe());
        List<List<Op>> executed = Executions.at(reference.run().trace(), servers, time);
        int width = Math.max(1, executed.stream().mapToInt(ops -> ops == null ? 0 : ops.size()).max().orElse(0));
        List<Grid.Axis> rows = new ArrayList<>();
        List<Grid.Axis> columns = new ArrayList<>();
        for (int position = 1; position <= width; position++) {
            columns.add(new Grid.Axis("#" + position, "#" + position));
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int server = 0; server < servers; server++) {
            String row = ProcessLabel.of(server);
            rows.add(new Grid.Axis(row, row));
            List<Op> ops = executed.get(server);
            for (int position = 1; position <= width; position++) {
                String cell = ops == null ? CRASHED : position <= ops.size() ? ops.get(position - 1).command() : NONE;
                values.put(Grid.cell(row, "#" + position), cell);
            }
        }
        return new Grid(rows, columns, values, vocabulary(reference, servers));
    }

    /** Every operation executed anywhere in the run, "-" and "crashed": what a cell may hold. */
    static List<String> vocabulary(Reference reference, int servers) {
        TreeSet<String> words = new TreeSet<>();
        for (List<Op> ops : Executions.at(reference.run().trace(), servers, Long.MAX_VALUE)) {
            if (ops != null) {
                ops.forEach(op -> words.add(op.command()));
            }
        }
        List<String> vocabulary = new ArrayList<>(words);
        vocabulary.add(NONE);
        vocabulary.add(CRASHED);
        return vocabulary;
    }
}

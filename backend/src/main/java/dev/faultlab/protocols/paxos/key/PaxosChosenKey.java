package dev.faultlab.protocols.paxos.key;

import dev.faultlab.key.Args;
import dev.faultlab.key.Grid;
import dev.faultlab.key.GridKey;
import dev.faultlab.key.Reference;
import dev.faultlab.protocols.paxos.ChosenOnce;
import dev.faultlab.protocols.paxos.Op;
import dev.faultlab.protocols.paxos.SlidesPaxos;
import dev.faultlab.sim.States;
import dev.faultlab.sim.Trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * {@code paxos.chosen {time}}: for each timestamp chosen by the end of the reference run, the operation chosen there
 * after everything at or before {@code time} ("none" yet): chosen once a majority of servers hold it, by the ACCEPT
 * and LEARN messages they sent, whether or not anyone knows it yet.
 */
final class PaxosChosenKey implements GridKey {
    static final String NAME = "paxos.chosen";
    static final String NONE = "none";
    static final String COLUMN = "chosen";

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
        SortedMap<Integer, Op> then = chosen(reference.run().trace(), servers, time);
        SortedMap<Integer, Op> atEnd = chosen(reference.run().trace(), servers, Long.MAX_VALUE);
        List<Grid.Axis> rows = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        TreeSet<String> words = new TreeSet<>();
        for (Map.Entry<Integer, Op> entry : atEnd.entrySet()) {
            String row = "t" + entry.getKey();
            rows.add(new Grid.Axis(row, "timestamp " + entry.getKey()));
            Op op = then.get(entry.getKey());
            values.put(Grid.cell(row, COLUMN), op == null ? NONE : op.command());
            words.add(entry.getValue().command());
        }
        List<String> vocabulary = new ArrayList<>(words);
        vocabulary.add(NONE);
        return new Grid(rows, List.of(new Grid.Axis(COLUMN, "chosen at t=" + time)), values, vocabulary);
    }

    private static SortedMap<Integer, Op> chosen(Trace trace, int servers, long time) {
        ChosenOnce monitor = new ChosenOnce(servers / 2 + 1, node -> node < servers);
        for (int i = 0; i < trace.size() && trace.time(i) <= time; i++) {
            monitor.onEvent(trace.event(i), States.NONE);
        }
        return monitor.chosen();
    }
}

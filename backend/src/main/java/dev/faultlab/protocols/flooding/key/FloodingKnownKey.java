package dev.faultlab.protocols.flooding.key;

import dev.faultlab.key.Args;
import dev.faultlab.key.CellFormat;
import dev.faultlab.key.Grid;
import dev.faultlab.key.GridKey;
import dev.faultlab.key.GridReasons;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.flooding.FloodingConsensus;
import dev.faultlab.protocols.flooding.Known;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.Trace;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code flooding.known {round}}: the set V each process knows at the end of {@code round}, its own
 * value and every value delivered to it so far, written "{1, 4, 7}"; "crashed" for a process that is
 * down by then. A process merges what it received only when its next round starts, so its state never
 * holds this set while the round is on: the key reads the deliveries of the trace up to the round's end.
 * A round the run does not have is refused, so a lab asking for one fails its self-test.
 */
final class FloodingKnownKey implements GridKey {
    static final String NAME = "flooding.known";

    private static final Spec SPEC = new Spec(NAME, FloodingConsensus.ID, Set.of("round"));

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void check(Map<String, Object> args, String field) {
        Args.round(args, field);
    }

    @Override
    public CellFormat format(Grid grid, String column) {
        return CellFormat.setOrWords(FloodingDecisionsKey.CRASHED);
    }

    @Override
    public GridReasons reasons(Reference reference, Map<String, Object> args) {
        return FloodingExplained.known((Integer) args.get("round"));
    }

    @Override
    public Solution solution(Reference reference, Map<String, Object> args) {
        return FloodingExplained.known(reference, expected(reference, args), (Integer) args.get("round"));
    }

    @Override
    public Grid expected(Reference reference, Map<String, Object> args) {
        Simulation run = reference.run();
        int round = (Integer) args.get("round");
        if (round > run.rounds()) {
            throw new IllegalArgumentException("round " + round + " does not exist; this run has rounds 1 to " + run.rounds());
        }
        long end = FloodingExplained.endOf(run.trace(), round);
        List<Integer> inputs = FloodingExplained.inputs(reference);
        List<SortedSet<Integer>> known = new ArrayList<>();
        boolean[] crashed = new boolean[run.nodeCount()];
        for (int node = 0; node < run.nodeCount(); node++) {
            known.add(new TreeSet<>(Set.of(inputs.get(node))));
        }
        Trace trace = run.trace();
        for (int seq = 0; seq < trace.size() && trace.time(seq) < end; seq++) {
            TraceEvent event = trace.event(seq);
            if (event.kind() == EventKind.CRASH) {
                crashed[event.node()] = true;
            } else if (event.kind() == EventKind.RECOVER) {
                crashed[event.node()] = false;
            } else if (event.kind() == EventKind.DELIVER && event.payload() instanceof Known message) {
                known.get(event.node()).addAll(message.values());
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<Grid.Axis> rows = new ArrayList<>();
        for (int node = 0; node < run.nodeCount(); node++) {
            rows.add(new Grid.Axis(ProcessLabel.of(node), ProcessLabel.of(node)));
            values.put(Grid.cell(ProcessLabel.of(node), "V"), crashed[node] ? FloodingDecisionsKey.CRASHED
                    : known.get(node).stream().map(String::valueOf).collect(Collectors.joining(", ", "{", "}")));
        }
        return new Grid(rows, List.of(new Grid.Axis("V", "V after round " + round)), values, List.of());
    }
}

package dev.faultlab.protocols.messagelogging;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Follows a run event by event and knows, at each, which processes are orphans: up, and depending on an interval
 * that a recovery or rollback announced lost. It reads what the state inspector shows (each process's
 * dependencies and the rollbacks it knows of), so the monitors and the answer keys see what a student sees.
 */
public final class OrphanWatch {
    /** A process that is an orphan, the rollback that made it one, and the events that show it. */
    public record Orphan(int node, Interval dependsOn, Rollback lost, int dependedAt, int lostAt) {
        public String explain() {
            return ProcessLabel.of(node) + " depends on interval " + dependsOn.count() + " of " + ProcessLabel.of(lost.process())
                    + " (incarnation " + lost.incarnation() + "), which " + ProcessLabel.of(lost.process())
                    + " lost: it kept only up to interval " + lost.kept();
        }
    }

    private final Map<Integer, List<Interval>> deps = new HashMap<>();
    /** node → for each process, the event at which the node's dependency on it took its current value. */
    private final Map<Integer, int[]> since = new HashMap<>();
    private final Map<Rollback, Integer> lost = new LinkedHashMap<>();
    private final TreeSet<Integer> everOrphans = new TreeSet<>();

    public void onEvent(TraceEvent event, States states) {
        int node = event.node();
        if (node < 0 || event.kind() == EventKind.END) {
            return;
        }
        if (!states.up(node)) {
            deps.remove(node);
            return;
        }
        Map<String, Object> view = states.state(node);
        if (!view.containsKey("deps")) {
            return;
        }
        List<Interval> now = intervals(view.get("deps"));
        List<Interval> before = deps.put(node, now);
        int[] at = since.computeIfAbsent(node, k -> new int[now.size()]);
        for (int p = 0; p < now.size(); p++) {
            if (before == null || !before.get(p).equals(now.get(p))) {
                at[p] = event.seq();
            }
        }
        for (Object raw : (List<?>) view.get("rollbacks")) {
            List<?> r = (List<?>) raw;
            lost.putIfAbsent(new Rollback(num(r.get(0)), num(r.get(1)), num(r.get(2))), event.seq());
        }
        orphans().forEach(o -> everOrphans.add(o.node()));
    }

    /** Every process that is an orphan right now, by id, each with the first lost interval it depends on. */
    public List<Orphan> orphans() {
        List<Orphan> orphans = new ArrayList<>();
        for (int node : new TreeSet<>(deps.keySet())) {
            List<Interval> of = deps.get(node);
            for (Map.Entry<Rollback, Integer> entry : lost.entrySet()) {
                Rollback r = entry.getKey();
                if (r.process() != node && r.loses(of.get(r.process()))) {
                    orphans.add(new Orphan(node, of.get(r.process()), r, since.get(node)[r.process()], entry.getValue()));
                    break;
                }
            }
        }
        return orphans;
    }

    /** Every process that was an orphan at some moment so far, by id. */
    public List<Integer> everOrphans() {
        return List.copyOf(everOrphans);
    }

    private static List<Interval> intervals(Object raw) {
        List<Interval> intervals = new ArrayList<>();
        for (Object item : (List<?>) raw) {
            List<?> pair = (List<?>) item;
            intervals.add(new Interval(num(pair.get(0)), num(pair.get(1))));
        }
        return intervals;
    }

    private static int num(Object value) {
        return ((Number) value).intValue();
    }
}

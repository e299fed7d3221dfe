package dev.faultlab.protocols.byzantine.key;

import dev.faultlab.key.Grid;
import dev.faultlab.key.GridReasons;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.byzantine.Majority;
import dev.faultlab.protocols.byzantine.OralMessage;
import dev.faultlab.protocols.byzantine.Statement;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.Trace;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static dev.faultlab.protocols.byzantine.key.ByzantineReasons.name;

/**
 * Worked solutions for the Byzantine keys: each row of what a process hears with the messages that carried
 * it, and each entry of a final vector as the majority tally of the values that went into it.
 */
final class ByzantineSolutions {
    private ByzantineSolutions() {
    }

    /** The trace index of the delivery to {@code node} of each chain it heard ([sender, ..., origin]). */
    static Map<List<Integer>, Integer> deliveries(Simulation run, int node) {
        Map<List<Integer>, Integer> events = new HashMap<>();
        Trace trace = run.trace();
        for (int seq = 0; seq < trace.size(); seq++) {
            if (trace.kind(seq) == EventKind.DELIVER && trace.node(seq) == node) {
                TraceEvent event = trace.event(seq);
                if (event.payload() instanceof OralMessage message) {
                    List<Integer> path = new ArrayList<>();
                    path.add(event.peer());
                    path.addAll(message.path());
                    events.putIfAbsent(List.copyOf(path), seq);
                }
            }
        }
        return events;
    }

    static Solution received(Simulation run, Grid grid, int node, int round) {
        Map<List<Integer>, Integer> events = deliveries(run, node);
        GridReasons reasons = ByzantineReasons.received(run, node, round);
        List<Solution.Step> steps = new ArrayList<>();
        for (Grid.Axis row : grid.rows()) {
            List<String> values = new ArrayList<>();
            List<Integer> seqs = new ArrayList<>();
            grid.values().forEach((cell, value) -> {
                if (cell.startsWith(row.id() + "/")) {
                    String origin = cell.substring(cell.lastIndexOf('/') + 1);
                    values.add(origin + ": " + (value == null ? "anything (don't care)" : value));
                    Optional.ofNullable(events.get(ByzantineReasons.path(cell))).ifPresent(seqs::add);
                }
            });
            String rule = reasons.row(row.id());
            steps.add(new Solution.Step(row.label(), Character.toUpperCase(rule.charAt(0)) + rule.substring(1) + ". "
                    + String.join(", ", values) + ".", seqs.stream().sorted().toList()));
        }
        return new Solution(steps);
    }

    /** For each origin: what was heard directly and what each relay's subtree resolved to, and their majority. */
    static Solution vector(Reference reference, int node) {
        Simulation run = reference.run();
        ByzantineStates states = ByzantineStates.of(reference);
        Map<List<Integer>, String> heard = new HashMap<>();
        for (int round = 1; round <= run.rounds(); round++) {
            for (Statement statement : states.received(node, round)) {
                heard.put(statement.path(), statement.value());
            }
        }
        Map<List<Integer>, Integer> events = deliveries(run, node);
        int n = run.nodeCount();
        List<Solution.Step> steps = new ArrayList<>();
        for (int origin = 0; origin < n; origin++) {
            if (origin == node) {
                steps.add(new Solution.Step(name(origin), name(node) + "'s own entry is its own initial value, "
                        + states.value(node).orElse("?") + ".", List.of()));
                continue;
            }
            List<Integer> direct = List.of(origin);
            List<String> votes = new ArrayList<>();
            List<String> parts = new ArrayList<>();
            List<Integer> seqs = new ArrayList<>();
            String directValue = heard.getOrDefault(direct, Majority.NO_MAJORITY);
            votes.add(directValue);
            parts.add("heard directly " + directValue);
            Optional.ofNullable(events.get(direct)).ifPresent(seqs::add);
            for (int relay = 0; relay < n; relay++) {
                if (relay != node && relay != origin) {
                    List<Integer> path = List.of(relay, origin);
                    String value = resolve(heard, node, n, run.rounds(), path);
                    votes.add(value);
                    parts.add(name(relay) + " says " + value);
                    Optional.ofNullable(events.get(path)).ifPresent(seqs::add);
                }
            }
            String majority = Majority.of(votes);
            long count = votes.stream().filter(majority::equals).count();
            steps.add(new Solution.Step(name(origin), String.join(", ", parts) + " (" + (run.rounds() > 2
                    ? "each relayed value is itself the majority of what was relayed about it one round later" : "as heard")
                    + "). " + (2 * count > votes.size() ? count + " of " + votes.size() + " votes say " + majority
                    : "No value has a strict majority of the " + votes.size() + " votes, so " + majority) + ".",
                    seqs.stream().sorted().toList()));
        }
        return new Solution(steps);
    }

    /** OM's majority over a subtree, as the protocol resolves it: the deepest round counts as heard. */
    private static String resolve(Map<List<Integer>, String> heard, int self, int n, int depth, List<Integer> path) {
        String direct = heard.getOrDefault(path, Majority.NO_MAJORITY);
        if (path.size() == depth) {
            return direct;
        }
        List<String> votes = new ArrayList<>();
        votes.add(direct);
        for (int relay = 0; relay < n; relay++) {
            if (relay != self && !path.contains(relay)) {
                List<Integer> longer = new ArrayList<>();
                longer.add(relay);
                longer.addAll(path);
                votes.add(resolve(heard, self, n, depth, longer));
            }
        }
        return Majority.of(votes);
    }

    /** Each loyal process's final vector, side by side. */
    static Solution agreement(Reference reference) {
        Simulation run = reference.run();
        List<Solution.Step> steps = new ArrayList<>();
        Trace trace = run.trace();
        ByzantineStates states = ByzantineStates.of(reference);
        for (int node = 0; node < run.nodeCount(); node++) {
            if (!ByzantineGrids.loyal(run, node)) {
                continue;
            }
            List<Integer> decided = new ArrayList<>();
            for (int seq = 0; seq < trace.size(); seq++) {
                if (trace.kind(seq) == EventKind.DECIDE && trace.node(seq) == node) {
                    decided.add(seq);
                }
            }
            String vector = states.finalVector(node).map(v -> v.stream().collect(Collectors.joining(", ", "(", ")")))
                    .orElse("none: it crashed");
            steps.add(new Solution.Step(name(node), name(node) + " is loyal; its final vector is " + vector + ".", decided));
        }
        return new Solution(steps);
    }
}

package dev.faultlab.protocols.flp;

import dev.faultlab.sim.AsyncProcess;
import dev.faultlab.sim.Context;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.StateDisplay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One process of the round protocol: in each round it reports its estimate, waits for n-1 reports (its own
 * included: it cannot wait for all, one process may have crashed), proposes the value a majority of all processes
 * reported (or "?"), waits for n-1 proposals, and decides a value two processes proposed. Otherwise it adopts a
 * proposed value if it saw one, else the estimate of the lowest-numbered process whose report it used. Nothing is
 * random and nothing reads the clock: the order of deliveries alone decides what happens.
 */
final class FlpProcess implements AsyncProcess {
    /** Proposals of one value it takes to decide it: f+1 with f = 1, so every other process sees at least one. */
    static final int TO_DECIDE = 2;

    private final int input;
    private int estimate;
    private int round;
    /** 1 while waiting for reports, 2 while waiting for proposals. */
    private int phase;
    private Integer decision;
    /** This round's reports used so far, by sender (its own included). */
    private final TreeMap<Integer, Integer> reports = new TreeMap<>();
    /** This round's proposals used so far, by sender; a null value is "?". */
    private final TreeMap<Integer, Integer> proposals = new TreeMap<>();
    /** Reports and proposals of later rounds, kept until this process gets there. */
    private final TreeMap<Integer, TreeMap<Integer, Integer>> laterReports = new TreeMap<>();
    private final TreeMap<Integer, TreeMap<Integer, Integer>> laterProposals = new TreeMap<>();

    FlpProcess(int input) {
        this.input = input;
        this.estimate = input;
    }

    @Override
    public void onStart(Context ctx) {
        startRound(ctx, 1);
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (message instanceof Decided decided) {
            onDecided(ctx, decided.value());
        } else if (decision != null) {
            return;
        } else if (message instanceof Report report) {
            onReport(ctx, from, report);
        } else if (message instanceof Propose propose) {
            onPropose(ctx, from, propose);
        }
    }

    private void startRound(Context ctx, int next) {
        round = next;
        phase = 1;
        reports.clear();
        proposals.clear();
        reports.put(ctx.self(), estimate);
        ctx.broadcast(new Report(round, estimate));
        TreeMap<Integer, Integer> early = laterReports.remove(round);
        if (early != null) {
            reports.putAll(early);
        }
        if (reports.size() >= ctx.n() - 1) {
            endReports(ctx);
        }
    }

    private void onReport(Context ctx, int from, Report report) {
        if (report.round() > round) {
            laterReports.computeIfAbsent(report.round(), r -> new TreeMap<>()).put(from, report.value());
        } else if (report.round() == round && phase == 1) {
            reports.put(from, report.value());
            if (reports.size() == ctx.n() - 1) {
                endReports(ctx);
            }
        }
        // A report of an earlier round, or one more than this round needed, changes nothing.
    }

    private void endReports(Context ctx) {
        Integer majority = null;
        for (int value = 0; value <= 1; value++) {
            if (2 * count(reports, value) > ctx.n()) {
                majority = value;
            }
        }
        phase = 2;
        proposals.put(ctx.self(), majority);
        ctx.broadcast(new Propose(round, majority));
        TreeMap<Integer, Integer> early = laterProposals.remove(round);
        if (early != null) {
            early.forEach(proposals::put);
        }
        if (proposals.size() >= ctx.n() - 1) {
            endProposals(ctx);
        }
    }

    private void onPropose(Context ctx, int from, Propose propose) {
        if (propose.round() > round || (propose.round() == round && phase == 1)) {
            laterProposals.computeIfAbsent(propose.round(), r -> new TreeMap<>()).put(from, propose.value());
        } else if (propose.round() == round && proposals.size() < ctx.n() - 1) {
            proposals.put(from, propose.value());
            if (proposals.size() == ctx.n() - 1) {
                endProposals(ctx);
            }
        }
    }

    private void endProposals(Context ctx) {
        // Proposals of one round never differ (two majorities of reports overlap), so at most one value is here.
        Integer proposed = proposals.values().stream().filter(v -> v != null).findFirst().orElse(null);
        if (proposed != null && count(proposals, proposed) >= TO_DECIDE) {
            decide(ctx, proposed);
            return;
        }
        if (proposed != null) {
            estimate = proposed;
            ctx.note(ProcessLabel.of(ctx.self()) + " saw " + proposed + " proposed and adopts it");
        } else {
            int lowest = reports.firstKey();
            estimate = reports.get(lowest);
            ctx.note(ProcessLabel.of(ctx.self()) + " saw only \"?\" and takes the estimate of " + ProcessLabel.of(lowest)
                    + ", the lowest-numbered process it heard from: " + estimate);
        }
        startRound(ctx, round + 1);
    }

    private void onDecided(Context ctx, int value) {
        if (decision == null) {
            decide(ctx, value);
        }
    }

    private void decide(Context ctx, int value) {
        decision = value;
        laterReports.clear();
        laterProposals.clear();
        ctx.decide(value);
        ctx.broadcast(new Decided(value));
    }

    private static long count(Map<Integer, Integer> votes, int value) {
        return votes.values().stream().filter(v -> v != null && v == value).count();
    }

    @Override
    public Object fingerprint() {
        return Arrays.asList(input, estimate, round, phase, decision, new TreeMap<>(reports), new TreeMap<>(proposals),
                laterReports.toString(), laterProposals.toString());
    }

    private String phaseText() {
        if (decision != null) {
            return "decided";
        }
        return phase == 1 ? "waiting for reports" : "waiting for proposals";
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("input", input);
        view.put("estimate", estimate);
        view.put("round", round);
        view.put("phase", phaseText());
        view.put("reports", labelled(reports));
        view.put("proposals", labelled(proposals));
        view.put("decision", decision);
        return view;
    }

    private static Map<String, Object> labelled(Map<Integer, Integer> votes) {
        Map<String, Object> out = new LinkedHashMap<>();
        votes.forEach((node, value) -> out.put(ProcessLabel.of(node), value == null ? "?" : value));
        return out;
    }

    @Override
    public StateDisplay display() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("input", input);
        fields.put("estimate", estimate);
        fields.put("round", round);
        fields.put("phase", phaseText());
        fields.put("decision", decision);
        List<List<Object>> rows = new ArrayList<>();
        int n = Math.max(reports.isEmpty() ? 0 : reports.lastKey(), proposals.isEmpty() ? 0 : proposals.lastKey());
        for (int node = 0; node <= n; node++) {
            if (reports.containsKey(node) || proposals.containsKey(node)) {
                Object proposal = proposals.containsKey(node) ? (proposals.get(node) == null ? "?" : proposals.get(node)) : null;
                rows.add(StateDisplay.Table.row(ProcessLabel.of(node), reports.get(node), proposal));
            }
        }
        return StateDisplay.of(new StateDisplay.Fields("Process", fields),
                new StateDisplay.Table("Round " + round + ": what it used", List.of("from", "report", "proposal"), rows));
    }
}

package dev.faultlab.protocols.checkpointing;

import dev.faultlab.sim.AsyncProcess;
import dev.faultlab.sim.Context;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.Request;
import dev.faultlab.sim.StableLog;
import dev.faultlab.sim.StateDisplay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A process of the checkpointing protocol: it does the workload's application work (sends and receives messages,
 * which change its value), saves checkpoints to stable storage (on its own, or when the coordinator asks), and
 * after a crash restores a checkpoint and leads the recovery: every other process reports its dependencies, the
 * recovering one computes the recovery line and tells each where to roll back.
 */
final class Worker implements AsyncProcess {
    static final String CHECKPOINTS = "checkpoints";
    static final String LINES = "lines";
    static final String EPOCH = "epoch";
    static final String ROUND = "round";
    static final String CUT_RECOVERY = "recovery line";
    static final String CUT_ROUND = "checkpoint round ";
    private static final String STEP_TIMER = "step";

    private record Arrival(int from, App app) {
    }

    private final CkptConfig config;
    private final int self;
    private StableLog<SavedCheckpoint> checkpoints;
    private StableLog<LineRecord> lines;
    private int interval = 1;
    private int value;
    private final List<String> sent = new ArrayList<>();
    private final List<String> received = new ArrayList<>();
    private final List<Dependency> dependencies = new ArrayList<>();
    private final TreeSet<Integer> sentSince = new TreeSet<>();
    private Phase phase = Phase.NORMAL;
    private final List<Step> held = new ArrayList<>();
    private final List<Arrival> queued = new ArrayList<>();
    private int epoch;
    private int round;
    private boolean coordinating;
    private final TreeSet<Integer> expected = new TreeSet<>();
    private final TreeMap<Integer, String> roundLabels = new TreeMap<>();
    private final TreeMap<Integer, Status> statuses = new TreeMap<>();

    Worker(CkptConfig config, int self) {
        this.config = config;
        this.self = self;
    }

    private void bind(Context ctx) {
        checkpoints = ctx.stable().log(CHECKPOINTS);
        lines = ctx.stable().log(LINES);
        Integer storedEpoch = ctx.stable().get(EPOCH);
        Integer storedRound = ctx.stable().get(ROUND);
        epoch = storedEpoch == null ? 0 : storedEpoch;
        round = storedRound == null ? 0 : storedRound;
    }

    @Override
    public void onStart(Context ctx) {
        bind(ctx);
        interval = 0;
        takeCheckpoint(ctx);
        armTimer(ctx);
    }

    private void armTimer(Context ctx) {
        Step next = config.nextStep(self, ctx.now());
        if (next != null) {
            ctx.setTimer(STEP_TIMER, next.time() - ctx.now());
        }
    }

    @Override
    public void onTimer(Context ctx, String timer) {
        for (Step step : config.steps()) {
            if (step.node() == self && step.time() == ctx.now()) {
                if (step.isCheckpoint()) {
                    checkpointStep(ctx);
                } else {
                    send(ctx, step);
                }
            }
        }
        armTimer(ctx);
    }

    @Override
    public void onRequest(Context ctx, Request request) {
        if (request.command().trim().equalsIgnoreCase("checkpoint")) {
            checkpointStep(ctx);
        } else {
            ctx.note(ProcessLabel.of(self) + " ignores '" + request.command() + "': the only request it takes is 'checkpoint'");
        }
    }

    private void checkpointStep(Context ctx) {
        if (config.coordinated()) {
            if (self == CkptConfig.COORDINATOR) {
                startRound(ctx);
            } else {
                ctx.note(ProcessLabel.of(self) + " does not checkpoint on its own: in coordinated checkpointing "
                        + ProcessLabel.of(CkptConfig.COORDINATOR) + " starts every round");
            }
        } else if (phase != Phase.NORMAL) {
            ctx.note(ProcessLabel.of(self) + " skips its checkpoint: a recovery is under way");
        } else {
            takeCheckpoint(ctx);
        }
    }

    /** Saves CP_i(m), closing INT_i(m) with the dependencies recorded in it, and starts INT_i(m+1). */
    private String takeCheckpoint(Context ctx) {
        String label = Labels.checkpoint(self, interval);
        checkpoints.append(new SavedCheckpoint(interval, label, value, sent, received, dependencies));
        interval++;
        dependencies.clear();
        sentSince.clear();
        ctx.output(new Output.Checkpoint(label));
        return label;
    }

    private void send(Context ctx, Step step) {
        if (phase != Phase.NORMAL) {
            held.add(step);
            ctx.note(ProcessLabel.of(self) + " holds " + step.messageId() + " back (" + phase.id() + ")");
        } else {
            transmit(ctx, step);
        }
    }

    private void transmit(Context ctx, Step step) {
        sent.add(step.messageId());
        sentSince.add(step.to());
        ctx.send(step.to(), new App(step.messageId(), "(" + (self + 1) + ", " + interval + ")", interval, epoch, step.number()));
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (message instanceof App app) {
            onApp(ctx, from, app);
        } else if (message instanceof CheckpointRequest request) {
            onCheckpointRequest(ctx, request);
        } else if (message instanceof CheckpointAck ack) {
            onAck(ctx, from, ack);
        } else if (message instanceof CheckpointDone done) {
            onDone(ctx, done);
        } else if (message instanceof RecoveryRequest) {
            onRecoveryRequest(ctx, from);
        } else if (message instanceof Status status) {
            onStatus(ctx, from, status);
        } else if (message instanceof Rollback rollback) {
            apply(ctx, rollback.epoch(), rollback.line());
        }
    }

    private void onApp(Context ctx, int from, App app) {
        if (phase == Phase.PAUSED || phase == Phase.RECOVERING) {
            queued.add(new Arrival(from, app));
        } else {
            deliver(ctx, from, app);
        }
    }

    /** Records the message and the dependency INT_from(m) → INT_self(n), unless a recovery line undid its sending. */
    private void deliver(Context ctx, int from, App app) {
        for (LineRecord line : lines.entries()) {
            if (line.undoes(from, app.interval(), app.epoch())) {
                ctx.note(ProcessLabel.of(self) + " discards " + app.id() + ": it was sent in " + Labels.interval(from, app.interval())
                        + ", which the recovery line undid, so it would be an orphan message");
                return;
            }
        }
        received.add(app.id());
        value += app.amount();
        dependencies.add(new Dependency(from, app.interval(), interval));
    }

    // ------------------------------------------------------------------ coordinated checkpointing

    private void startRound(Context ctx) {
        if (phase != Phase.NORMAL) {
            ctx.note(ProcessLabel.of(self) + " starts no round: it is " + phase.id());
            return;
        }
        round++;
        ctx.stable().put(ROUND, round);
        List<Integer> targets = config.incremental() ? List.copyOf(sentSince) : ctx.peers();
        String label = takeCheckpoint(ctx);
        phase = Phase.HOLDING;
        coordinating = true;
        expected.clear();
        expected.addAll(targets);
        roundLabels.clear();
        roundLabels.put(self, label);
        for (int target : targets) {
            ctx.send(target, new CheckpointRequest(round));
        }
        if (expected.isEmpty()) {
            finishRound(ctx);
        }
    }

    private void onCheckpointRequest(Context ctx, CheckpointRequest request) {
        if (phase == Phase.PAUSED || phase == Phase.RECOVERING || request.round() <= round) {
            return;
        }
        if (phase == Phase.HOLDING) {
            release(ctx);
        }
        round = request.round();
        ctx.stable().put(ROUND, round);
        List<Integer> forwards = new ArrayList<>();
        if (config.incremental()) {
            sentSince.stream().filter(p -> p != CkptConfig.COORDINATOR).forEach(forwards::add);
        }
        String label = takeCheckpoint(ctx);
        phase = Phase.HOLDING;
        for (int next : forwards) {
            ctx.send(next, new CheckpointRequest(round));
        }
        ctx.send(CkptConfig.COORDINATOR, new CheckpointAck(round, label, forwards));
    }

    private void onAck(Context ctx, int from, CheckpointAck ack) {
        if (!coordinating || ack.round() != round) {
            return;
        }
        roundLabels.put(from, ack.label());
        expected.add(from);
        ack.forwardedTo().stream().filter(p -> p != self).forEach(expected::add);
        if (roundLabels.keySet().containsAll(expected)) {
            finishRound(ctx);
        }
    }

    private void finishRound(Context ctx) {
        List<String> points = new ArrayList<>();
        for (int node = 0; node < config.n(); node++) {
            points.add(roundLabels.get(node));
        }
        ctx.output(new Output.Cut(CUT_ROUND + round, points));
        coordinating = false;
        for (int participant : roundLabels.keySet()) {
            if (participant != self) {
                ctx.send(participant, new CheckpointDone(round));
            }
        }
        release(ctx);
    }

    private void onDone(Context ctx, CheckpointDone done) {
        if (phase == Phase.HOLDING && done.round() == round) {
            release(ctx);
        }
    }

    /** Back to work: the messages held back go out now. */
    private void release(Context ctx) {
        phase = Phase.NORMAL;
        List<Step> out = List.copyOf(held);
        held.clear();
        out.forEach(step -> transmit(ctx, step));
    }

    // ------------------------------------------------------------------ recovery

    @Override
    public void onRecover(Context ctx) {
        bind(ctx);
        SavedCheckpoint latest = checkpoints.last();
        if (latest == null) {
            // It crashed before it ever started: it has sent nothing, so there is nothing to roll back.
            onStart(ctx);
            return;
        }
        restore(latest);
        phase = Phase.RECOVERING;
        ctx.note(ProcessLabel.of(self) + " restores its latest checkpoint " + latest.label()
                + " and asks every other process for its dependencies");
        ctx.broadcast(new RecoveryRequest(epoch));
        armTimer(ctx);
    }

    private void restore(SavedCheckpoint checkpoint) {
        interval = checkpoint.index() + 1;
        value = checkpoint.value();
        sent.clear();
        sent.addAll(checkpoint.sent());
        received.clear();
        received.addAll(checkpoint.received());
        dependencies.clear();
        sentSince.clear();
        held.clear();
    }

    private void onRecoveryRequest(Context ctx, int from) {
        if (phase != Phase.RECOVERING) {
            phase = Phase.PAUSED;
        }
        coordinating = false;
        ctx.send(from, new Status(epoch, interval, allDependencies()));
    }

    /** The dependencies saved with every checkpoint, then those of the current interval. */
    private List<Dependency> allDependencies() {
        List<Dependency> all = new ArrayList<>();
        checkpoints.entries().forEach(cp -> all.addAll(cp.dependencies()));
        all.addAll(dependencies);
        return all;
    }

    private void onStatus(Context ctx, int from, Status status) {
        if (phase != Phase.RECOVERING) {
            return;
        }
        statuses.put(from, status);
        if (statuses.size() < config.n() - 1) {
            return;
        }
        List<RecoveryLine.History> histories = new ArrayList<>();
        int newEpoch = epoch;
        for (int node = 0; node < config.n(); node++) {
            if (node == self) {
                histories.add(new RecoveryLine.History(interval, true, allDependencies()));
            } else {
                Status reported = statuses.get(node);
                histories.add(new RecoveryLine.History(reported.interval(), false, reported.dependencies()));
                newEpoch = Math.max(newEpoch, reported.epoch());
            }
        }
        List<Integer> line = config.safeRecovery() ? RecoveryLine.compute(histories) : RecoveryLine.latest(histories);
        List<String> points = new ArrayList<>();
        for (int node = 0; node < config.n(); node++) {
            points.add(line.get(node) == RecoveryLine.KEEP ? null : Labels.checkpoint(node, line.get(node)));
        }
        ctx.output(new Output.Cut(CUT_RECOVERY, points));
        statuses.clear();
        Rollback rollback = new Rollback(newEpoch + 1, line);
        ctx.broadcast(rollback);
        apply(ctx, rollback.epoch(), rollback.line());
    }

    /** Rolls back to the line's checkpoint (or keeps its state), then works again: held and queued messages go on. */
    private void apply(Context ctx, int newEpoch, List<Integer> line) {
        if (newEpoch <= epoch) {
            return;
        }
        epoch = newEpoch;
        ctx.stable().put(EPOCH, epoch);
        lines.append(new LineRecord(newEpoch, line));
        int to = line.get(self);
        if (to == RecoveryLine.KEEP) {
            ctx.note(ProcessLabel.of(self) + " keeps its state: nothing it depends on was undone");
        } else if (to != interval - 1 || phase != Phase.RECOVERING) {
            checkpoints.truncate(to + 1);
            restore(checkpoints.get(to));
            ctx.note(ProcessLabel.of(self) + " rolls back to " + Labels.checkpoint(self, to));
        }
        coordinating = false;
        release(ctx);
        List<Arrival> arrived = List.copyOf(queued);
        queued.clear();
        arrived.forEach(arrival -> deliver(ctx, arrival.from(), arrival.app()));
    }

    // ------------------------------------------------------------------ what the inspector shows

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("interval", Labels.interval(self, interval));
        view.put("phase", phase.id());
        view.put("value", value);
        view.put("sent", List.copyOf(sent));
        view.put("received", List.copyOf(received));
        view.put("dependencies", List.copyOf(dependencies));
        view.put("heldBack", held.stream().map(Step::messageId).toList());
        view.put("epoch", epoch);
        if (config.coordinated()) {
            view.put("round", round);
        }
        return view;
    }

    @Override
    public StateDisplay display() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("interval", Labels.interval(self, interval));
        fields.put("phase", phase.id());
        fields.put("value", value);
        fields.put("recoveries seen (epoch)", epoch);
        if (config.coordinated()) {
            fields.put("checkpoint round", round);
        }
        List<StateDisplay.Section> sections = new ArrayList<>();
        sections.add(new StateDisplay.Fields("Process", fields));
        List<List<Object>> rows = new ArrayList<>();
        if (checkpoints != null) {
            for (SavedCheckpoint cp : checkpoints.entries()) {
                rows.add(StateDisplay.Table.row(cp.label(), cp.value(), String.join(", ", cp.sent()), String.join(", ", cp.received()),
                        String.join("; ", cp.dependencies().stream().map(d -> d.describe(self)).toList())));
            }
        }
        sections.add(new StateDisplay.Table("Checkpoints in stable storage",
                List.of("checkpoint", "value", "sent", "received", "dependencies saved"), rows));
        sections.add(new StateDisplay.Set("Dependencies of " + Labels.interval(self, interval),
                dependencies.stream().map(d -> (Object) d.describe(self)).distinct().toList()));
        sections.add(new StateDisplay.Set("Sent", sent.stream().distinct().map(id -> (Object) id).toList()));
        sections.add(new StateDisplay.Set("Received", received.stream().distinct().map(id -> (Object) id).toList()));
        if (!held.isEmpty()) {
            sections.add(new StateDisplay.Set("Held back", held.stream().map(s -> (Object) s.messageId()).distinct().toList()));
        }
        return new StateDisplay(sections);
    }

    @Override
    public Object fingerprint() {
        return Arrays.asList(interval, value, List.copyOf(sent), List.copyOf(received), List.copyOf(dependencies),
                List.copyOf(sentSince), phase, List.copyOf(held), List.copyOf(queued), epoch, round, coordinating,
                List.copyOf(expected), new TreeMap<>(roundLabels), new TreeMap<>(statuses));
    }
}

package dev.faultlab.protocols.messagelogging;

import dev.faultlab.sim.AsyncProcess;
import dev.faultlab.sim.Context;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.StableLog;
import dev.faultlab.sim.StableStorage;
import dev.faultlab.sim.StateDisplay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A process of the piecewise deterministic model: it does the application's work on each message it delivers
 * (each delivery starts a new state interval), logs messages (as their receiver or their sender, before acting on
 * them or asynchronously), checkpoints to stable storage, and after a crash restores its last checkpoint and
 * replays the logged messages. Under optimistic logging a crash can lose an unlogged message the process acted
 * on; its recovery announces which of its intervals survived, and every process depending on a lost one is an
 * orphan that rolls back to a state without that dependency.
 */
final class LoggingProcess implements AsyncProcess {
    static final String LOG = "message log";
    static final String CHECKPOINTS = "checkpoints";
    static final String ROLLBACKS = "rollbacks";
    static final String INCARNATION = "incarnation";
    private static final String FLUSH = "flush";
    private static final String CHECKPOINT = "checkpoint";
    private static final String RETRY = "replay";
    private static final String SEND = "send ";

    private final MlConfig config;
    private StableStorage stable;
    private AppState app;
    /** Logged entries not yet on stable storage (optimistic logging): lost in a crash. */
    private final List<Logged> volatileLog = new ArrayList<>();
    /** Sender-based recovery: waiting for the peers' logs before replaying; arrivals wait meanwhile. */
    private boolean replaying;
    private String replayCause;
    private final TreeSet<Integer> awaiting = new TreeSet<>();
    private final List<AppMessage> gathered = new ArrayList<>();
    private final List<AppMessage> heldBack = new ArrayList<>();
    private Replay lastReplay;

    LoggingProcess(MlConfig config) {
        this.config = config;
    }

    @Override
    public void onStart(Context ctx) {
        openStorage(ctx);
        app = AppState.initial(ctx.self(), ctx.n());
        takeCheckpoint(ctx);
        armTimers(ctx);
        for (Scripted line : config.script()) {
            if (line.from() == ctx.self() && line.spontaneous() && line.at() == 0) {
                send(ctx, line);
            }
        }
    }

    @Override
    public void onRecover(Context ctx) {
        openStorage(ctx);
        app = AppState.initial(ctx.self(), ctx.n());
        if (checkpoints().isEmpty()) {
            // Crashed before it started: its initial state is its first checkpoint.
            takeCheckpoint(ctx);
        }
        app = checkpoints().last().state();
        armTimers(ctx);
        startRestore(ctx, Replay.CRASH);
    }

    /** Opens the logs at once, so that looking at the process (its view, its display) never changes its storage. */
    private void openStorage(Context ctx) {
        stable = ctx.stable();
        log();
        checkpoints();
        rollbacks();
    }

    /** The script's inputs still to come, and the periodic checkpoint. */
    private void armTimers(Context ctx) {
        for (Scripted line : config.script()) {
            if (line.from() == ctx.self() && line.spontaneous() && line.at() > ctx.now()) {
                ctx.setTimer(SEND + line.name(), line.at() - ctx.now());
            }
        }
        if (config.checkpointEvery() > 0 && ctx.now() + config.checkpointEvery() <= config.runFor()) {
            ctx.setTimer(CHECKPOINT, config.checkpointEvery());
        }
    }

    @Override
    public void onTimer(Context ctx, String timer) {
        if (timer.startsWith(SEND)) {
            String name = timer.substring(SEND.length());
            config.script().stream().filter(line -> line.name().equals(name)).findFirst().ifPresent(line -> send(ctx, line));
        } else if (timer.equals(FLUSH)) {
            flush(ctx);
        } else if (timer.equals(CHECKPOINT)) {
            if (!replaying) {
                takeCheckpoint(ctx);
            }
            if (ctx.now() + config.checkpointEvery() <= config.runFor()) {
                ctx.setTimer(CHECKPOINT, config.checkpointEvery());
            }
        } else if (timer.equals(RETRY) && replaying) {
            for (int peer : awaiting) {
                ctx.send(peer, new ReplayRequest(app.interval().incarnation()));
            }
            if (ctx.now() + config.retry() <= config.runFor()) {
                ctx.setTimer(RETRY, config.retry());
            }
        }
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (message instanceof AppMessage m) {
            learn(ctx, m.known());
            if (replaying) {
                heldBack.add(m);
                ctx.note("holds " + m.name() + " back until its replay is done");
            } else {
                receive(ctx, m);
            }
        } else if (message instanceof ReplayRequest request) {
            ctx.send(from, new ReplayReply(request.incarnation(), loggedFor(from), known()));
        } else if (message instanceof ReplayReply reply) {
            learn(ctx, reply.known());
            if (replaying && awaiting.remove(from)) {
                gathered.addAll(reply.messages());
                if (awaiting.isEmpty()) {
                    finish(ctx, replayCause, senderReplay());
                }
            }
        } else if (message instanceof Recovered recovered) {
            List<Rollback> told = new ArrayList<>(recovered.known());
            told.add(recovered.rollback());
            // What this process knew before: anything it learns from here on, it announces itself.
            List<Rollback> unknownToThem = known().stream().filter(r -> !told.contains(r)).toList();
            if (!unknownToThem.isEmpty()) {
                ctx.send(from, new KnownRollbacks(unknownToThem));
            }
            learn(ctx, told);
        } else if (message instanceof KnownRollbacks rollbacks) {
            learn(ctx, rollbacks.known());
        }
    }

    /** Delivers an arrival, logging it first (pessimistic receiver-based) or after (optimistic), unless it must be ignored. */
    private void receive(Context ctx, AppMessage m) {
        if (app.hasDelivered(m)) {
            ctx.note("ignores " + m.name() + ": already delivered");
            return;
        }
        List<Rollback> known = known();
        if (m.orphanedBy(known)) {
            ctx.note("discards " + m.name() + ": " + ProcessLabel.of(m.from()) + " sent it in an interval that was lost");
            return;
        }
        if (config.logging() == Logging.RECEIVER) {
            Logged entry = new Logged(app.count() + 1, m);
            if (config.pessimistic()) {
                log().append(entry);
            } else {
                keepVolatile(ctx, entry);
            }
        }
        deliver(ctx, m, true, "delivers ");
    }

    /** The application's deterministic work on a message: a new interval, and the script's sends that wait for it. */
    private void deliver(Context ctx, AppMessage m, boolean work, String verb) {
        app = app.deliver(m);
        ctx.stateChanged(verb + m.name() + ": interval " + app.count() + ", value " + app.value());
        if (!work) {
            return;
        }
        for (Scripted line : config.script()) {
            if (line.from() == ctx.self() && !line.spontaneous() && line.after() == app.count()) {
                send(ctx, line);
            }
        }
    }

    private void send(Context ctx, Scripted line) {
        AppMessage m = new AppMessage(line.name(), ctx.self(), line.to(), app.interval().incarnation(),
                app.value() + line.index() + 1, app.deps(), known());
        if (config.logging() == Logging.SENDER) {
            Logged entry = new Logged(log().size() + volatileLog.size() + 1, m);
            if (config.pessimistic()) {
                log().append(entry);
            } else {
                keepVolatile(ctx, entry);
            }
        }
        ctx.send(line.to(), m);
    }

    private void keepVolatile(Context ctx, Logged entry) {
        if (volatileLog.isEmpty()) {
            ctx.setTimer(FLUSH, config.flushDelay());
        }
        volatileLog.add(entry);
    }

    /** Optimistic logging catches up: what was only in memory goes to stable storage. */
    private void flush(Context ctx) {
        if (volatileLog.isEmpty()) {
            return;
        }
        volatileLog.forEach(log()::append);
        ctx.note("writes " + String.join(", ", volatileLog.stream().map(e -> e.message().name()).toList()) + " to its stable log");
        volatileLog.clear();
    }

    private void takeCheckpoint(Context ctx) {
        flush(ctx);
        StableLog<Checkpoint> checkpoints = checkpoints();
        checkpoints.append(new Checkpoint(checkpoints.size(), ctx.now(), app));
    }

    /** Rollbacks not known before are kept on stable storage; if they make this process an orphan, it rolls back. */
    private void learn(Context ctx, List<Rollback> told) {
        StableLog<Rollback> rollbacks = rollbacks();
        boolean learned = false;
        for (Rollback rollback : told) {
            if (!rollbacks.entries().contains(rollback)) {
                rollbacks.append(rollback);
                learned = true;
            }
        }
        if (!learned || replaying || !app.orphanedBy(rollbacks.entries())) {
            return;
        }
        if (config.rollback()) {
            ctx.note("is an orphan: it depends on an interval that was lost; it rolls back");
            startRestore(ctx, Replay.ORPHAN);
        } else {
            ctx.note("is an orphan, and rolling back is switched off: it carries on");
        }
    }

    private void startRestore(Context ctx, String cause) {
        if (config.logging() == Logging.RECEIVER) {
            List<AppMessage> entries = new ArrayList<>();
            log().entries().forEach(e -> entries.add(e.message()));
            volatileLog.forEach(e -> entries.add(e.message()));
            volatileLog.clear();
            finish(ctx, cause, entries);
            return;
        }
        replaying = true;
        replayCause = cause;
        awaiting.clear();
        awaiting.addAll(ctx.peers());
        gathered.clear();
        lastReplay = new Replay(cause, checkpoints().size() - 1, List.of(), List.of(), false, -1);
        ctx.stateChanged("restores its checkpoint and asks every sender for the messages it logged");
        ctx.broadcast(new ReplayRequest(app.interval().incarnation()));
        ctx.setTimer(RETRY, config.retry());
    }

    /** The senders' logged messages, each once, in a fixed order (sender, then script line, then incarnation). */
    private List<AppMessage> senderReplay() {
        Map<String, AppMessage> unique = new LinkedHashMap<>();
        gathered.stream()
                .sorted(Comparator.comparingInt(AppMessage::from).thenComparingInt(m -> Integer.parseInt(m.name().substring(1)))
                        .thenComparingInt(AppMessage::incarnation))
                .forEach(m -> unique.putIfAbsent(m.key(), m));
        gathered.clear();
        return new ArrayList<>(unique.values());
    }

    /**
     * Restores the latest checkpoint that depends on nothing lost, replays the logged messages after it in order
     * (skipping those sent in a lost interval), announces which interval of its incarnation it kept and carries on
     * in a new incarnation. Replayed deliveries do not send again: their sends went out with the original delivery,
     * which the kernel runs as one step. From the first skipped message on, the execution is a new one, and so are
     * its sends.
     */
    private void finish(Context ctx, String cause, List<AppMessage> source) {
        replaying = false;
        ctx.cancelTimer(RETRY);
        List<Rollback> known = new ArrayList<>(rollbacks().entries());
        StableLog<Checkpoint> checkpoints = checkpoints();
        int chosen = checkpoints.size() - 1;
        while (chosen > 0 && (checkpoints.get(chosen).state().orphanedBy(known) || ownLost(checkpoints.get(chosen).state(), known))) {
            chosen--;
        }
        checkpoints.truncate(chosen + 1);
        app = checkpoints.get(chosen).state();
        int fromIncarnation = app.interval().incarnation();
        int current = stable.contains(INCARNATION) ? stable.<Integer>get(INCARNATION) : 0;
        if (config.logging() == Logging.RECEIVER) {
            StableLog<Logged> log = log();
            int prefix = 0;
            while (prefix < log.size() && app.delivered().contains(log.get(prefix).message().key())) {
                prefix++;
            }
            log.truncate(prefix);
        }
        List<String> replayed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int kept = -1;
        for (AppMessage m : source) {
            if (app.hasDelivered(m)) {
                continue;
            }
            if (m.orphanedBy(known)) {
                skipped.add(m.name());
                if (kept < 0) {
                    kept = app.count();
                    app = new AppState(app.self(), withOwn(app, current + 1), app.value(), app.delivered());
                }
                continue;
            }
            if (config.logging() == Logging.RECEIVER) {
                log().append(new Logged(app.count() + 1, m));
            }
            boolean work = kept >= 0 || (config.logging() == Logging.SENDER && !sendsLogged(app.count() + 1, fromIncarnation));
            replayed.add(m.name());
            deliver(ctx, m, work, "replays ");
        }
        if (kept < 0) {
            kept = app.count();
            app = new AppState(app.self(), withOwn(app, current + 1), app.value(), app.delivered());
        }
        StableLog<Rollback> rollbacks = rollbacks();
        Rollback mine = null;
        for (int incarnation = fromIncarnation; incarnation <= current; incarnation++) {
            mine = new Rollback(ctx.self(), incarnation, kept);
            if (!rollbacks.entries().contains(mine)) {
                rollbacks.append(mine);
            }
        }
        stable.put(INCARNATION, current + 1);
        lastReplay = new Replay(cause, chosen, replayed, skipped, true, kept);
        takeCheckpoint(ctx);
        ctx.stateChanged((cause.equals(Replay.CRASH) ? "recovered" : "rolled back") + " from checkpoint " + chosen
                + (replayed.isEmpty() ? ", replaying nothing" : ", replaying " + String.join(", ", replayed))
                + (skipped.isEmpty() ? "" : ", skipping " + String.join(", ", skipped)) + ": kept interval " + kept
                + " of incarnation " + current);
        ctx.broadcast(new Recovered(mine, rollbacks.entries()));
        List<AppMessage> waiting = new ArrayList<>(heldBack);
        heldBack.clear();
        waiting.forEach(m -> receive(ctx, m));
    }

    /**
     * Sender-based: whether the sends that the delivery numbered {@code count} causes are in this process's own sender
     * log (of this incarnation or a later one), so they went out before the crash and need not go out again.
     */
    private boolean sendsLogged(int count, int fromIncarnation) {
        return config.script().stream().filter(line -> line.from() == app.self() && !line.spontaneous() && line.after() == count)
                .allMatch(line -> log().entries().stream().anyMatch(e -> e.message().name().equals(line.name())
                        && e.message().incarnation() >= fromIncarnation));
    }

    private static List<Interval> withOwn(AppState state, int incarnation) {
        List<Interval> deps = new ArrayList<>(state.deps());
        deps.set(state.self(), new Interval(incarnation, state.count()));
        return deps;
    }

    private static boolean ownLost(AppState state, List<Rollback> known) {
        return known.stream().anyMatch(r -> r.process() == state.self() && r.loses(state.interval()));
    }

    /** What this process logged as the sender of messages to {@code peer} (sender-based logging), in its memory too. */
    private List<AppMessage> loggedFor(int peer) {
        List<AppMessage> messages = new ArrayList<>();
        if (config.logging() == Logging.SENDER) {
            log().entries().stream().filter(e -> e.message().to() == peer).forEach(e -> messages.add(e.message()));
            volatileLog.stream().filter(e -> e.message().to() == peer).forEach(e -> messages.add(e.message()));
        }
        return messages;
    }

    private List<Rollback> known() {
        return List.copyOf(rollbacks().entries());
    }

    private StableLog<Logged> log() {
        return stable.log(LOG);
    }

    private StableLog<Checkpoint> checkpoints() {
        return stable.log(CHECKPOINTS);
    }

    private StableLog<Rollback> rollbacks() {
        return stable.log(ROLLBACKS);
    }

    @Override
    public Object fingerprint() {
        return Arrays.asList(app, List.copyOf(volatileLog), replaying, List.copyOf(awaiting), List.copyOf(gathered), List.copyOf(heldBack));
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        if (app == null) {
            view.put("phase", "not started");
            return view;
        }
        view.put("phase", replaying ? "replaying" : "running");
        view.put("incarnation", app.interval().incarnation());
        view.put("interval", app.count());
        view.put("value", app.value());
        view.put("deps", app.deps().stream().map(i -> List.of(i.incarnation(), i.count())).toList());
        view.put("delivered", app.delivered());
        view.put("rollbacks", rollbacks().entries().stream().map(r -> List.of(r.process(), r.incarnation(), r.kept())).toList());
        view.put("volatileLog", volatileLog.stream().map(e -> e.message().name()).toList());
        view.put("stableLog", log().entries().stream().map(e -> e.message().name()).toList());
        view.put("heldBack", heldBack.stream().map(AppMessage::name).toList());
        if (lastReplay != null) {
            Map<String, Object> replay = new LinkedHashMap<>();
            replay.put("cause", lastReplay.cause());
            replay.put("checkpoint", lastReplay.checkpoint());
            replay.put("replayed", lastReplay.replayed());
            replay.put("skipped", lastReplay.skipped());
            replay.put("done", lastReplay.done());
            replay.put("kept", lastReplay.kept());
            view.put("replay", replay);
        }
        return view;
    }

    @Override
    public StateDisplay display() {
        if (app == null) {
            return StateDisplay.of(new StateDisplay.Fields("Process", Map.of("phase", "not started")));
        }
        return LoggingDisplay.of(config, app, replaying, awaiting, log().entries(), volatileLog, checkpoints().entries(),
                rollbacks().entries(), lastReplay, heldBack);
    }
}

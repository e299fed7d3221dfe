package dev.faultlab.protocols.primarybackup;

import dev.faultlab.sim.AsyncProcess;
import dev.faultlab.sim.Context;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.StateDisplay;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A replica of the register. P1 starts as the primary: it sequences the clients' requests, syncs each with its
 * backups, waits for their acknowledgements (at most 2 delta + 1 ticks, after which a silent backup counts as crashed) and
 * only then answers the client. It says "I'm alive" to the servers after it each heartbeat period. A backup that
 * hears nothing from the primary it follows for {@code timeout} ticks takes it for crashed and follows the next
 * server in id order; the server whose turn it is takes over and hands its history to the servers after it.
 */
final class Server implements AsyncProcess {
    private final PbConfig config;
    private final int self;
    private final List<Update> history = new ArrayList<>();
    private final TreeSet<Integer> backups = new TreeSet<>();
    private final Deque<ClientRequest> queue = new ArrayDeque<>();
    private final Deque<Integer> queuedFrom = new ArrayDeque<>();
    private final TreeSet<Integer> waiting = new TreeSet<>();
    private int value;
    private boolean primary;
    private boolean out;
    private int follows;
    private Update current;
    /** The random numbers drawn so far: the next one follows from how many, so the count is part of the state. */
    private int draws;

    Server(PbConfig config, int self) {
        this.config = config;
        this.self = self;
    }

    @Override
    public void onStart(Context ctx) {
        if (self == 0) {
            primary = true;
            for (int server = 1; server < config.servers(); server++) {
                backups.add(server);
            }
            heartbeat(ctx);
        } else {
            Timers.set(ctx, config, Timers.WATCH, config.timeout());
        }
    }

    @Override
    public void onRecover(Context ctx) {
        out = true;
        ctx.stateChanged("recovers, but crash failures are for good in this model: it stays out of the group");
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (out) {
            return;
        }
        if (message instanceof ClientRequest request) {
            onClientRequest(ctx, from, request);
        } else if (message instanceof SyncAck ack) {
            onAck(ctx, from, ack);
        } else if (acceptsFrom(ctx, from)) {
            if (message instanceof Sync sync) {
                onSync(ctx, from, sync);
            } else if (message instanceof TakeOver takeOver) {
                adopt(ctx, from, takeOver.history());
            }
        }
    }

    @Override
    public void onTimer(Context ctx, String timer) {
        switch (timer) {
            case Timers.HEARTBEAT -> heartbeat(ctx);
            case Timers.ACKS -> onAckTimeout(ctx);
            case Timers.WATCH -> onSilence(ctx);
            default -> {
            }
        }
    }

    private void heartbeat(Context ctx) {
        // The servers before this one are crashed or were taken for crashed: only those after it listen.
        for (int server = self + 1; server < config.servers(); server++) {
            ctx.send(server, new Alive());
        }
        Timers.set(ctx, config, Timers.HEARTBEAT, config.heartbeat());
    }

    /** Whether a message from server {@code from} comes from the primary this backup follows (or a later one). */
    private boolean acceptsFrom(Context ctx, int from) {
        if (primary) {
            ctx.note(ProcessLabel.of(from) + " acts as primary too: with reliable channels and a safe timeout this cannot happen");
            return false;
        }
        if (from < follows) {
            ctx.note("ignores " + ProcessLabel.of(from) + ": it already follows " + ProcessLabel.of(follows));
            return false;
        }
        if (from > follows) {
            follows = from;
            ctx.stateChanged("follows " + ProcessLabel.of(from) + ", which took over");
        }
        Timers.set(ctx, config, Timers.WATCH, config.timeout());
        return true;
    }

    private void onSilence(Context ctx) {
        if (primary || out) {
            return;
        }
        ctx.note("no word from " + ProcessLabel.of(follows) + " for " + config.timeout() + " ticks: takes it for crashed");
        follows++;
        if (follows == self) {
            takeOver(ctx);
        } else {
            ctx.stateChanged("waits for " + ProcessLabel.of(follows) + " to take over");
            Timers.set(ctx, config, Timers.WATCH, config.timeout());
        }
    }

    private void takeOver(Context ctx) {
        primary = true;
        for (int server = self + 1; server < config.servers(); server++) {
            backups.add(server);
        }
        ctx.stateChanged(PbStates.TAKES_OVER + " with " + describe(history));
        for (int backup : backups) {
            ctx.send(backup, new TakeOver(history));
        }
        heartbeat(ctx);
    }

    private void adopt(Context ctx, int from, List<Update> theirs) {
        if (theirs.equals(history)) {
            return;
        }
        history.clear();
        history.addAll(theirs);
        value = history.isEmpty() ? 0 : history.get(history.size() - 1).value();
        ctx.stateChanged("adopts " + ProcessLabel.of(from) + "'s history: " + describe(history));
    }

    private void onSync(Context ctx, int from, Sync sync) {
        int position = sync.position();
        if (position > history.size() + 1) {
            ctx.note("missed update" + (position - history.size() > 2 ? "s #" + (history.size() + 1) + " to #" : " #")
                    + (position - 1) + ": cannot apply #" + position + " and does not acknowledge it");
            return;
        }
        if (position == history.size() + 1) {
            Operation op = Operation.parse(sync.op());
            int next;
            if (sync instanceof StateUpdate update) {
                next = update.value();
            } else if (sync instanceof LeaderChoice choice) {
                next = op.apply(value, choice.choice());
            } else {
                // Active replication: the backup draws its own number, so a random operation may give another x here.
                next = op.apply(value, draw(ctx));
            }
            value = next;
            Update update = new Update(position, sync.client(), sync.seq(), sync.op(), next);
            history.add(update);
            ctx.stateChanged(verb(sync) + " " + update.describe());
        }
        ctx.send(from, new SyncAck(position));
    }

    private static String verb(Sync sync) {
        if (sync instanceof StateUpdate) {
            return "installs";
        }
        return sync instanceof LeaderChoice ? "executes with the leader's choice" : "executes";
    }

    private void onClientRequest(Context ctx, int client, ClientRequest request) {
        if (!primary) {
            ctx.note("is not the primary (follows " + ProcessLabel.of(follows) + "): ignores request " + request.seq()
                    + " of " + ProcessLabel.of(client));
            return;
        }
        for (Update update : history) {
            if (update.answers(client, request.seq()) && (current == null || !current.equals(update))) {
                ctx.note("already made request " + request.seq() + " of " + ProcessLabel.of(client) + " update #" + update.position()
                        + ": answers again");
                reply(ctx, update);
                return;
            }
        }
        if ((current != null && current.answers(client, request.seq())) || isQueued(client, request.seq())) {
            return;
        }
        queue.add(request);
        queuedFrom.add(client);
        startNext(ctx);
    }

    private boolean isQueued(int client, int seq) {
        List<ClientRequest> requests = new ArrayList<>(queue);
        List<Integer> clients = new ArrayList<>(queuedFrom);
        for (int i = 0; i < requests.size(); i++) {
            if (clients.get(i) == client && requests.get(i).seq() == seq) {
                return true;
            }
        }
        return false;
    }

    private void startNext(Context ctx) {
        if (current != null || queue.isEmpty()) {
            return;
        }
        ClientRequest request = queue.poll();
        int client = queuedFrom.poll();
        Operation op = Operation.parse(request.op());
        int choice = draw(ctx);
        value = op.apply(value, choice);
        current = new Update(history.size() + 1, client, request.seq(), op.toString(), value);
        history.add(current);
        ctx.stateChanged("executes request " + request.seq() + " of " + ProcessLabel.of(client) + " as " + current.describe());
        Sync sync = switch (config.mode()) {
            case ACTIVE -> new ForwardRequest(current.position(), client, request.seq(), current.op());
            case PASSIVE -> new StateUpdate(current.position(), client, request.seq(), current.op(), value);
            case SEMI_ACTIVE -> new LeaderChoice(current.position(), client, request.seq(), current.op(), choice);
        };
        waiting.addAll(backups);
        for (int backup : backups) {
            ctx.send(backup, sync);
        }
        if (waiting.isEmpty()) {
            finish(ctx);
        } else {
            ctx.setTimer(Timers.ACKS, config.ackWait());
        }
    }

    private void onAck(Context ctx, int from, SyncAck ack) {
        if (current == null || ack.position() != current.position() || !waiting.remove(from)) {
            return;
        }
        if (waiting.isEmpty()) {
            ctx.cancelTimer(Timers.ACKS);
            finish(ctx);
        }
    }

    private void onAckTimeout(Context ctx) {
        if (current == null) {
            return;
        }
        ctx.note("no acknowledgement of #" + current.position() + " from " + String.join(", ", ProcessLabel.of(List.copyOf(waiting)))
                + " within 2 delta + 1 = " + config.ackWait() + " ticks: takes " + (waiting.size() == 1 ? "it" : "them") + " for crashed");
        backups.removeAll(waiting);
        waiting.clear();
        finish(ctx);
    }

    private void finish(Context ctx) {
        Update done = current;
        current = null;
        reply(ctx, done);
        startNext(ctx);
    }

    private void reply(Context ctx, Update update) {
        ctx.send(update.client(), new ClientReply(update.seq(), update));
        ctx.output(new Output.Reply(update.client(), update.seq(), update));
    }

    private static String describe(List<Update> history) {
        return history.isEmpty() ? "an empty history" : "history " + String.join(", ", history.stream().map(Update::describe).toList());
    }

    private String role() {
        if (out) {
            return PbStates.OUT;
        }
        return primary ? config.mode().primaryName() : config.mode().backupName();
    }

    private int draw(Context ctx) {
        draws++;
        return Operation.draw(ctx.random());
    }

    @Override
    public Object fingerprint() {
        return Arrays.asList(List.copyOf(history), new TreeSet<>(backups), new ArrayList<>(queue), new ArrayList<>(queuedFrom),
                new TreeSet<>(waiting), value, primary, out, follows, current, draws);
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put(PbStates.ROLE, role());
        view.put(PbStates.PRIMARY, primary && !out);
        view.put("follows", primary ? null : ProcessLabel.of(follows));
        view.put("x", value);
        view.put(PbStates.HISTORY, List.copyOf(history));
        if (primary) {
            view.put("backups", ProcessLabel.of(List.copyOf(backups)));
            view.put("waitingFor", ProcessLabel.of(List.copyOf(waiting)));
        }
        return view;
    }

    @Override
    public StateDisplay display() {
        List<StateDisplay.Section> sections = new ArrayList<>();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("role", role());
        fields.put("follows", primary || out ? null : ProcessLabel.of(follows));
        fields.put("x", value);
        fields.put("mode", config.mode().id());
        sections.add(new StateDisplay.Fields("Server", fields));
        List<List<Object>> rows = new ArrayList<>();
        for (Update update : history) {
            rows.add(StateDisplay.Table.row(update.position(), ProcessLabel.of(update.client()) + " request " + update.seq(),
                    update.op(), update.value()));
        }
        sections.add(new StateDisplay.Table("History", List.of("#", "request", "operation", "x after"), rows));
        if (primary) {
            sections.add(new StateDisplay.Set("Backups it syncs with", new ArrayList<>(ProcessLabel.of(List.copyOf(backups)))));
            sections.add(new StateDisplay.Set("Acknowledgements awaited", new ArrayList<>(ProcessLabel.of(List.copyOf(waiting)))));
        }
        return new StateDisplay(sections);
    }
}

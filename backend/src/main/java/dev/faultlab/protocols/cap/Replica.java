package dev.faultlab.protocols.cap;

import dev.faultlab.sim.AsyncProcess;
import dev.faultlab.sim.Context;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.Request;
import dev.faultlab.sim.StateDisplay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One replica of the register. Clients hand it requests (REQUEST interventions). In consistency mode it serves a
 * request only through a majority of replicas, in two phases, and refuses it if no majority answers in time; in
 * availability mode it answers at once from its own copy and passes writes on, so a replica cut off keeps serving
 * what it last heard.
 */
final class Replica implements AsyncProcess {
    static final String OK = "ok";
    static final String UNAVAILABLE = "unavailable: no majority reachable";
    static final String BAD_COMMAND = "bad command: expected " + Command.HINT;
    static final String GOSSIP = "gossip";
    private static final String TIMEOUT = "request ";

    private final CapConfig config;
    private Version version = Version.INITIAL;
    private int value;
    private final TreeMap<Integer, Operation> pending = new TreeMap<>();

    Replica(CapConfig config) {
        this.config = config;
    }

    @Override
    public void onStart(Context ctx) {
        if (config.mode() == Mode.AVAILABILITY && config.gossip() > 0 && config.gossip() <= config.runFor()) {
            ctx.setTimer(GOSSIP, config.gossip());
        }
    }

    @Override
    public void onRequest(Context ctx, Request request) {
        Command command = Command.parse(request.command());
        if (command == null) {
            ctx.output(new Output.Reply(ctx.self(), request.id(), BAD_COMMAND));
        } else if (config.mode() == Mode.AVAILABILITY) {
            answerAlone(ctx, request.id(), command);
        } else {
            Operation op = new Operation(request.id(), command, ctx.self(), version, value);
            pending.put(request.id(), op);
            ctx.setTimer(TIMEOUT + request.id(), config.timeout());
            ctx.broadcast(new Query(request.id()));
        }
    }

    /** Availability mode: the replica's own copy is the answer; a write is passed on to whoever can hear it. */
    private void answerAlone(Context ctx, int request, Command command) {
        if (command.write()) {
            version = version.next(ctx.self());
            value = command.value();
            ctx.output(new Output.Reply(ctx.self(), request, OK));
            ctx.broadcast(new Gossip(version, value));
        } else {
            ctx.output(new Output.Reply(ctx.self(), request, value));
        }
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (message instanceof Query query) {
            ctx.send(from, new Current(query.request(), version, value));
        } else if (message instanceof Current current) {
            onCurrent(ctx, from, current);
        } else if (message instanceof Store store) {
            adopt(store.version(), store.value());
            ctx.send(from, new Stored(store.request()));
        } else if (message instanceof Stored stored) {
            onStored(ctx, from, stored);
        } else if (message instanceof Gossip gossip) {
            adopt(gossip.version(), gossip.value());
        }
    }

    private void onCurrent(Context ctx, int from, Current current) {
        Operation op = pending.get(current.request());
        if (op == null || op.phase != Operation.Phase.QUERY) {
            return;
        }
        op.heard(from, current.version(), current.value());
        if (op.answered.size() >= config.majority()) {
            op.phase = Operation.Phase.STORE;
            if (op.command.write()) {
                op.version = op.version.next(ctx.self());
                op.value = op.command.value();
            }
            adopt(op.version, op.value);
            op.answered.clear();
            op.answered.add(ctx.self());
            ctx.broadcast(new Store(op.request, op.version, op.value));
        }
    }

    private void onStored(Context ctx, int from, Stored stored) {
        Operation op = pending.get(stored.request());
        if (op == null || op.phase != Operation.Phase.STORE) {
            return;
        }
        op.answered.add(from);
        if (op.answered.size() >= config.majority()) {
            pending.remove(op.request);
            ctx.cancelTimer(TIMEOUT + op.request);
            ctx.output(new Output.Reply(ctx.self(), op.request, op.command.write() ? OK : op.value));
        }
    }

    @Override
    public void onTimer(Context ctx, String timer) {
        if (timer.equals(GOSSIP)) {
            ctx.broadcast(new Gossip(version, value));
            if (ctx.now() + config.gossip() <= config.runFor()) {
                ctx.setTimer(GOSSIP, config.gossip());
            }
        } else if (timer.startsWith(TIMEOUT)) {
            Operation op = pending.remove(Integer.parseInt(timer.substring(TIMEOUT.length())));
            ctx.output(new Output.Reply(ctx.self(), op.request, UNAVAILABLE));
        }
    }

    private void adopt(Version theirs, int theirValue) {
        if (theirs.newerThan(version)) {
            version = theirs;
            value = theirValue;
        }
    }

    @Override
    public Object fingerprint() {
        return Arrays.asList(version, value, pending.values().stream().map(Operation::snapshot).toList());
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("mode", config.mode().id());
        view.put("value", value);
        view.put("version", version.toString());
        List<Map<String, Object>> requests = new ArrayList<>();
        for (Operation op : pending.values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("request", op.request);
            row.put("command", op.command.toString());
            row.put("phase", op.phase.name().toLowerCase());
            row.put("answered", List.copyOf(op.answered));
            requests.add(row);
        }
        view.put("pending", requests);
        return view;
    }

    @Override
    public StateDisplay display() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("mode", config.mode().id());
        fields.put("value", value);
        fields.put("version", version.toString());
        List<List<Object>> rows = new ArrayList<>();
        for (Operation op : pending.values()) {
            rows.add(List.of(op.request, op.command.toString(), op.phase.name().toLowerCase(),
                    op.answered.size() + " of " + config.majority() + " needed"));
        }
        return StateDisplay.of(new StateDisplay.Fields("Replica", fields),
                new StateDisplay.Table("Requests it coordinates", List.of("request", "command", "phase", "answers"), rows));
    }
}

package dev.faultlab.protocols.pbft;

import dev.faultlab.sim.AsyncProcess;
import dev.faultlab.sim.Context;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.Request;
import dev.faultlab.sim.Signed;
import dev.faultlab.sim.StateDisplay;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A client: sends one signed request at a time to the primary of the view it last heard of; when no k + 1
 * replicas agree on an answer within its timeout it sends the request to every replica (a backup passes it on
 * to the primary and starts watching it). It accepts a result once k + 1 replicas, one of which must be correct,
 * sent the same one. Its requests are the recipe's drawn writes, then any handed to it by a REQUEST intervention.
 */
final class Client implements AsyncProcess {
    static final String RETRY = "retry";
    private static final String[] KEYS = {"x", "y", "z"};

    private final PbftConfig config;
    private final ArrayDeque<Request> waiting = new ArrayDeque<>();
    private int drawn;
    private int seq;
    private Operation op;
    private boolean busy;
    private int view;
    /** Replica → the result it sent for the current request. */
    private final TreeMap<Integer, String> answers = new TreeMap<>();
    private final TreeMap<Integer, String> accepted = new TreeMap<>();

    Client(PbftConfig config) {
        this.config = config;
    }

    @Override
    public void onStart(Context ctx) {
        next(ctx);
    }

    @Override
    public void onRequest(Context ctx, Request request) {
        waiting.add(request);
        if (!busy) {
            next(ctx);
        } else {
            ctx.note("request #" + request.id() + " (" + request.command() + ") waits for request " + seq + " to be accepted");
        }
    }

    private void next(Context ctx) {
        String command;
        if (drawn < config.requests()) {
            drawn++;
            command = KEYS[ctx.random().nextInt(KEYS.length)] + "=" + (1 + ctx.random().nextInt(9));
        } else if (!waiting.isEmpty()) {
            Request request = waiting.poll();
            command = request.command();
            ctx.note("sends request #" + request.id() + " (" + command + ") as its request " + (seq + 1));
        } else {
            return;
        }
        seq++;
        op = new Operation(ctx.self(), seq, command);
        busy = true;
        answers.clear();
        ctx.send(config.primary(view), ctx.sign(new ClientRequest(op)));
        retryLater(ctx);
    }

    private void retryLater(Context ctx) {
        if (ctx.now() + config.clientTimeout() <= config.runFor()) {
            ctx.setTimer(RETRY, config.clientTimeout());
        }
    }

    @Override
    public void onTimer(Context ctx, String timer) {
        if (timer.equals(RETRY) && busy) {
            ctx.note("no k+1 matching replies to request " + seq + " within " + config.clientTimeout() + " ticks: sends it to every replica");
            Signed<ClientRequest> request = ctx.sign(new ClientRequest(op));
            for (int replica = 0; replica < config.n(); replica++) {
                ctx.send(replica, request);
            }
            retryLater(ctx);
        }
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (!(message instanceof Signed<?> signed) || !(signed.payload instanceof Reply reply) || !signed.verify(reply.replica())
                || !config.replica(reply.replica()) || !busy || reply.client() != ctx.self() || reply.seq() != seq) {
            return;
        }
        answers.put(reply.replica(), reply.result());
        List<Integer> agreeing = answers.entrySet().stream().filter(e -> e.getValue().equals(reply.result())).map(Map.Entry::getKey).toList();
        if (agreeing.size() < config.k() + 1) {
            return;
        }
        view = Math.max(view, reply.view());
        busy = false;
        ctx.cancelTimer(RETRY);
        accepted.put(seq, reply.result());
        ctx.output(new Output.Deliver(ctx.self(), new Accepted(seq, op.command(), reply.result(), agreeing)));
        ctx.stateChanged("accepts " + reply.result() + " for request " + seq + ": " + (config.k() + 1) + " matching replies, from "
                + String.join(" ", agreeing.stream().map(ProcessLabel::of).toList()));
        next(ctx);
    }

    /** The random commands follow from how many were drawn. */
    @Override
    public Object fingerprint() {
        return Arrays.asList(new ArrayList<>(waiting), drawn, seq, op, busy, view, new TreeMap<>(answers),
                new TreeMap<>(accepted));
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>(fields());
        view.put("accepted", new LinkedHashMap<>(accepted));
        return view;
    }

    private Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("request", seq == 0 ? null : seq);
        fields.put("operation", op == null ? null : op.command());
        fields.put("state", busy ? "waiting for k+1 matching replies" : "idle");
        fields.put("view", view);
        fields.put("primary", ProcessLabel.of(config.primary(view)));
        return fields;
    }

    @Override
    public StateDisplay display() {
        List<List<Object>> replies = answers.entrySet().stream().map(e -> StateDisplay.Table.row(ProcessLabel.of(e.getKey()), e.getValue())).toList();
        List<List<Object>> done = accepted.entrySet().stream().map(e -> StateDisplay.Table.row(e.getKey(), e.getValue())).toList();
        List<List<Object>> queued = waiting.stream().map(r -> StateDisplay.Table.row(r.id(), r.command())).toList();
        return StateDisplay.of(new StateDisplay.Fields("Client", fields()),
                new StateDisplay.Table("Replies to the current request", List.of("replica", "result"), replies),
                new StateDisplay.Table("Accepted", List.of("request", "result"), done),
                new StateDisplay.Table("Queued requests", List.of("request", "command"), queued));
    }
}

package dev.faultlab.protocols.paxos;

import dev.faultlab.sim.AsyncProcess;
import dev.faultlab.sim.Context;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.Request;
import dev.faultlab.sim.StateDisplay;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A client: sends its requests one at a time to the server it believes leads, follows a redirect, and on a
 * timeout retransmits the same request to the next server. Any server's reply answers it; later replies to the
 * same request are duplicates it ignores. Its requests are the recipe's drawn writes, then those handed to it
 * by REQUEST interventions. The request in progress is in stable storage; those still waiting are lost in a crash.
 */
final class Client implements AsyncProcess {
    private static final String SEQ = "seq";
    private static final String OP = "op";
    private static final String DRAWN = "drawn";
    private static final String[] KEYS = {"x", "y", "z"};

    private final ClientConfig config;
    private final ArrayDeque<Request> waiting = new ArrayDeque<>();
    private int drawn;
    private Op op;
    private boolean busy;
    private int target;
    private int answered;
    private int duplicates;

    Client(ClientConfig config) {
        this.config = config;
    }

    @Override
    public void onStart(Context ctx) {
        target = firstTarget(ctx);
        if (config.requests() == 0) {
            return;
        }
        if (config.start() == 0) {
            next(ctx);
        } else {
            Timers.set(ctx, config.runFor(), Timers.START, config.start());
        }
    }

    @Override
    public void onRecover(Context ctx) {
        target = firstTarget(ctx);
        Integer savedDrawn = ctx.stable().get(DRAWN);
        drawn = savedDrawn == null ? 0 : savedDrawn;
        op = ctx.stable().get(OP);
        Integer seq = ctx.stable().get(SEQ);
        answered = seq == null ? 0 : seq - 1;
        if (op != null) {
            ctx.note("recovered: retransmitting request " + op.seq() + " (" + op + ")");
            busy = true;
            transmit(ctx);
        } else {
            next(ctx);
        }
    }

    @Override
    public void onRequest(Context ctx, Request request) {
        waiting.add(request);
        if (!busy) {
            next(ctx);
        } else {
            ctx.note("request #" + request.id() + " (" + request.command() + ") waits for request " + op.seq() + " to be answered");
        }
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (message instanceof ClientReply reply) {
            if (busy && reply.seq() == op.seq()) {
                ctx.cancelTimer(Timers.RETRY);
                answered++;
                busy = false;
                ctx.note("request " + op.seq() + " (" + op + ") was executed at timestamp " + reply.t() + " by " + ProcessLabel.of(from));
                next(ctx);
            } else {
                duplicates++;
            }
        } else if (message instanceof Redirect redirect && busy && redirect.seq() == op.seq() && redirect.leader() != target) {
            target = redirect.leader();
            ctx.note(ProcessLabel.of(from) + " is not the leader and names " + ProcessLabel.of(target) + ": retransmitting there");
            transmit(ctx);
        }
    }

    @Override
    public void onTimer(Context ctx, String timer) {
        if (timer.equals(Timers.START) && !busy) {
            next(ctx);
        } else if (timer.equals(Timers.RETRY) && busy) {
            target = (target + 1) % config.servers();
            ctx.note("no answer to request " + op.seq() + " within " + config.timeout() + " ticks: retransmitting to " + ProcessLabel.of(target));
            transmit(ctx);
        }
    }

    /** Clients start at different servers, so a request may reach a backup first and learn who leads. */
    private int firstTarget(Context ctx) {
        return (ctx.self() - config.firstClient()) % config.servers();
    }

    private void next(Context ctx) {
        String command;
        if (drawn < config.requests() && ctx.now() >= config.start()) {
            drawn++;
            command = draw(ctx.random());
        } else if (!waiting.isEmpty()) {
            Request request = waiting.poll();
            command = request.command();
            ctx.note("sends request #" + request.id() + " (" + command + ")");
        } else {
            return;
        }
        op = new Op(ctx.self(), op == null ? 1 : op.seq() + 1, command);
        busy = true;
        ctx.stable().put(SEQ, op.seq());
        ctx.stable().put(OP, op);
        ctx.stable().put(DRAWN, drawn);
        transmit(ctx);
    }

    private static String draw(SplittableRandom random) {
        return KEYS[random.nextInt(KEYS.length)] + "=" + (1 + random.nextInt(99));
    }

    private void transmit(Context ctx) {
        ctx.send(target, new ClientRequest(op));
        Timers.set(ctx, config.runFor(), Timers.RETRY, config.timeout());
    }

    /** Duplicate replies are left out: the count is only shown. The random commands follow from how many were drawn. */
    @Override
    public Object fingerprint() {
        return Arrays.asList(new ArrayList<>(waiting), drawn, op, busy, target, answered);
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>(fields());
        view.put("queued", waiting.stream().map(r -> "#" + r.id() + " " + r.command()).toList());
        return view;
    }

    @Override
    public StateDisplay display() {
        List<List<Object>> queued = waiting.stream().map(r -> StateDisplay.Table.row(r.id(), r.command())).toList();
        return StateDisplay.of(new StateDisplay.Fields("Client", fields()),
                new StateDisplay.Table("Queued requests", List.of("request", "command"), queued));
    }

    private Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("request", op == null ? null : op.seq());
        fields.put("operation", op == null ? null : op.command());
        fields.put("state", busy ? "waiting for an answer" : "idle");
        fields.put("askingServer", ProcessLabel.of(target));
        fields.put("answered", answered);
        fields.put("duplicateReplies", duplicates);
        return fields;
    }
}

package dev.faultlab.protocols.raft;

import java.util.Arrays;
import dev.faultlab.sim.AsyncProcess;
import dev.faultlab.sim.Context;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.Request;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.StateDisplay;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client: sends its requests one at a time to the server it believes is the leader, and retransmits
 * the same request (same number) when a server redirects it or no answer comes within its timeout, to
 * the named leader or else to the next server. Its requests are the recipe's {@code requests} drawn
 * writes, then any request handed to it from outside the run (a REQUEST intervention), in arrival order.
 * It keeps the request it is working on in stable storage; requests still waiting are lost in a crash.
 */
final class Client implements AsyncProcess {
    static final String START = "start";
    private static final String SEQ = "seq";
    private static final String OP = "op";
    private static final String DRAWN = "drawn";

    private final RaftConfig config;
    /** Injected requests not yet sent. */
    private final ArrayDeque<Request> waiting = new ArrayDeque<>();
    /** How many of the recipe's drawn requests have been started. */
    private int drawn;
    /** The request in progress (numbered from 1 by this client), 0 before the first. */
    private int seq;
    private String op;
    private boolean busy;
    /** The server the next (re)transmission goes to. */
    private int target;
    private int answered;

    Client(RaftConfig config) {
        this.config = config;
    }

    @Override
    public void onStart(Context ctx) {
        target = (ctx.self() - config.servers()) % config.servers();
        if (config.requests() == 0) {
            return;
        }
        if (config.clientStart() == 0) {
            next(ctx);
        } else {
            Timers.set(ctx, config, START, config.clientStart());
        }
    }

    @Override
    public void onRecover(Context ctx) {
        target = (ctx.self() - config.servers()) % config.servers();
        Integer savedSeq = ctx.stable().get(SEQ);
        Integer savedDrawn = ctx.stable().get(DRAWN);
        seq = savedSeq == null ? 0 : savedSeq;
        drawn = savedDrawn == null ? 0 : savedDrawn;
        op = ctx.stable().get(OP);
        answered = Math.max(0, seq - 1);
        if (seq >= 1) {
            ctx.note("recovered: retransmitting request " + seq + " (" + op + ")");
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
            ctx.note("request #" + request.id() + " (" + request.command() + ") waits for request " + seq + " to be answered");
        }
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (message instanceof ClientReply reply && busy && reply.seq() == seq) {
            ctx.cancelTimer(Timers.RETRY);
            answered++;
            busy = false;
            ctx.note("request " + seq + " (" + op + ") is committed at #" + reply.index());
            next(ctx);
        } else if (message instanceof Redirect redirect && busy && redirect.seq() == seq) {
            if (redirect.leader() >= 0) {
                target = redirect.leader();
                ctx.note(ProcessLabel.of(from) + " is not the leader and names " + ProcessLabel.of(target) + ": retransmitting there");
                transmit(ctx);
            } else {
                target = (from + 1) % config.servers();
                ctx.note(ProcessLabel.of(from) + " knows no leader: will try " + ProcessLabel.of(target) + " when the timeout expires");
            }
        }
    }

    @Override
    public void onTimer(Context ctx, String timer) {
        if (timer.equals(START) && !busy) {
            next(ctx);
        } else if (timer.equals(Timers.RETRY) && busy) {
            target = (target + 1) % config.servers();
            ctx.note("no answer to request " + seq + " within " + config.clientTimeout() + " ticks: retransmitting to " + ProcessLabel.of(target));
            transmit(ctx);
        }
    }

    /** Starts the next request, if there is one: the recipe's drawn writes first, then those handed in. */
    private void next(Context ctx) {
        if (drawn < config.requests() && ctx.now() >= config.clientStart()) {
            drawn++;
            op = Workload.next(ctx.random());
        } else if (!waiting.isEmpty()) {
            Request request = waiting.poll();
            op = request.command();
            ctx.note("sends request #" + request.id() + " (" + op + ") as its request " + (seq + 1));
        } else {
            return;
        }
        seq++;
        busy = true;
        ctx.stable().put(SEQ, seq);
        ctx.stable().put(OP, op);
        ctx.stable().put(DRAWN, drawn);
        transmit(ctx);
    }

    private void transmit(Context ctx) {
        ctx.send(target, new ClientRequest(ctx.self(), seq, op));
        Timers.set(ctx, config, Timers.RETRY, config.clientTimeout());
    }

    @Override
    public Object fingerprint() {
        return Arrays.asList(List.copyOf(waiting), drawn, seq, op, busy, target, answered);
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
        fields.put("request", seq == 0 ? null : seq);
        fields.put("operation", op);
        fields.put("state", busy ? "waiting for an answer" : "idle");
        fields.put("askingServer", ProcessLabel.of(target));
        fields.put("answered", answered);
        return fields;
    }
}

package dev.faultlab.protocols.raft;

import dev.faultlab.sim.AsyncProcess;
import dev.faultlab.sim.Context;
import dev.faultlab.sim.Message;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A client: sends its requests one at a time to the server it believes is the leader, and retransmits
 * the same request (same number) when a server redirects it or no answer comes within its timeout, to
 * the named leader or else to the next server. It keeps the request it is working on in stable storage.
 */
final class Client implements AsyncProcess {
    static final String START = "start";
    private static final String SEQ = "seq";
    private static final String OP = "op";

    private final RaftConfig config;
    private int seq;
    private String op;
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
        Integer saved = ctx.stable().get(SEQ);
        seq = saved == null ? 0 : saved;
        op = ctx.stable().get(OP);
        answered = Math.max(0, seq - 1);
        if (seq >= 1 && seq <= config.requests()) {
            ctx.note("recovered: retransmitting request " + seq + " (" + op + ")");
            transmit(ctx);
        } else if (seq == 0 && config.requests() > 0) {
            next(ctx);
        }
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (message instanceof ClientReply reply && reply.seq() == seq) {
            ctx.cancelTimer(Timers.RETRY);
            answered++;
            Outputs.answered(ctx, seq, op, reply.index());
            next(ctx);
        } else if (message instanceof Redirect redirect && redirect.seq() == seq) {
            if (redirect.leader() >= 0) {
                target = redirect.leader();
                ctx.note("P" + from + " is not the leader and names P" + target + ": retransmitting there");
                transmit(ctx);
            } else {
                target = (from + 1) % config.servers();
                ctx.note("P" + from + " knows no leader: will try P" + target + " when the timeout expires");
            }
        }
    }

    @Override
    public void onTimer(Context ctx, String timer) {
        if (timer.equals(START)) {
            next(ctx);
        } else if (timer.equals(Timers.RETRY)) {
            target = (target + 1) % config.servers();
            ctx.note("no answer to request " + seq + " within " + config.clientTimeout() + " ticks: retransmitting to P" + target);
            transmit(ctx);
        }
    }

    private void next(Context ctx) {
        if (seq >= config.requests()) {
            return;
        }
        seq++;
        op = Workload.next(ctx.random());
        ctx.stable().put(SEQ, seq);
        ctx.stable().put(OP, op);
        transmit(ctx);
    }

    private void transmit(Context ctx) {
        ctx.send(target, new ClientRequest(ctx.self(), seq, op));
        Timers.set(ctx, config, Timers.RETRY, config.clientTimeout());
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("role", "CLIENT");
        view.put("request", seq);
        view.put("operation", op);
        view.put("askingServer", "P" + target);
        view.put("answered", answered + " of " + config.requests());
        return view;
    }
}

package dev.faultlab.protocols.primarybackup;

import dev.faultlab.sim.AsyncProcess;
import dev.faultlab.sim.Context;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.Request;
import dev.faultlab.sim.StateDisplay;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client talks to one server at a time, the one it takes for the primary (P1 first). It sends the operations of
 * the workload, then those REQUEST interventions hand it, one at a time; with no answer within {@code clientRetry}
 * ticks it sends the same request to the next server.
 */
final class Client implements AsyncProcess {
    private final PbConfig config;
    private final Deque<String> queue = new ArrayDeque<>();
    private final List<Update> answers = new ArrayList<>();
    private int target;
    private int seq;
    private String pending;
    private boolean scheduled;

    Client(PbConfig config) {
        this.config = config;
    }

    @Override
    public void onStart(Context ctx) {
        for (Operation op : config.workload()) {
            queue.add(op.toString());
        }
        if (!queue.isEmpty()) {
            scheduled = true;
            Timers.set(ctx, config, Timers.NEXT, config.clientStart());
        }
    }

    @Override
    public void onRequest(Context ctx, Request request) {
        Operation op = Operation.parse(request.command());
        if (op == null) {
            ctx.note("ignores request #" + request.id() + " '" + request.command() + "': not an operation (" + Operation.SYNTAX + ")");
            return;
        }
        queue.add(op.toString());
        if (pending == null && !scheduled) {
            next(ctx);
        }
    }

    @Override
    public void onTimer(Context ctx, String timer) {
        if (timer.equals(Timers.NEXT)) {
            scheduled = false;
            next(ctx);
        } else if (timer.equals(Timers.RETRY) && pending != null) {
            int next = (target + 1) % config.servers();
            ctx.note("no answer to request " + seq + " from " + ProcessLabel.of(target) + " within " + config.clientRetry()
                    + " ticks: tries " + ProcessLabel.of(next));
            target = next;
            send(ctx);
        }
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (!(message instanceof ClientReply reply) || pending == null || reply.seq() != seq) {
            return;
        }
        answers.add(reply.update());
        pending = null;
        target = from;
        ctx.cancelTimer(Timers.RETRY);
        ctx.stateChanged("request " + seq + " answered: " + reply.update().describe());
        if (!queue.isEmpty()) {
            scheduled = true;
            Timers.set(ctx, config, Timers.NEXT, config.gap());
        }
    }

    private void next(Context ctx) {
        if (queue.isEmpty()) {
            return;
        }
        pending = queue.poll();
        seq++;
        send(ctx);
    }

    private void send(Context ctx) {
        ctx.send(target, new ClientRequest(seq, pending));
        Timers.set(ctx, config, Timers.RETRY, config.clientRetry());
    }

    @Override
    public Object fingerprint() {
        return Arrays.asList(new ArrayList<>(queue), List.copyOf(answers), target, seq, pending, scheduled);
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("asks", ProcessLabel.of(target));
        view.put("pending", pending == null ? null : "request " + seq + ": " + pending);
        view.put("answers", List.copyOf(answers));
        view.put("queued", List.copyOf(queue));
        return view;
    }

    @Override
    public StateDisplay display() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("asks", ProcessLabel.of(target));
        fields.put("pending", pending == null ? null : "request " + seq + ": " + pending);
        List<List<Object>> rows = new ArrayList<>();
        for (Update update : answers) {
            rows.add(StateDisplay.Table.row(update.seq(), update.op(), update.position(), update.value()));
        }
        return new StateDisplay(List.of(new StateDisplay.Fields("Client", fields),
                new StateDisplay.Table("Answers (the history it sees)", List.of("request", "operation", "#", "x after"), rows),
                new StateDisplay.Table("Still to send", List.of("operation"), queue.stream().map(StateDisplay.Table::row).toList())));
    }
}

package dev.faultlab.protocols.cap;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.Request;
import dev.faultlab.sim.TraceEvent;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The register's history as clients see it, read from the trace: each request a replica received (its REQUEST
 * event is the invocation) and the replica's reply (an OUTPUT reply, the response).
 */
final class RegisterHistory {
    /** One request: where and when it came in, what it asked, and when and how it was answered (seq -1: not yet). */
    static final class Op {
        final int request;
        final int node;
        final Command command;
        final int invoked;
        int responded = -1;
        Object result;

        Op(int request, int node, Command command, int invoked) {
            this.request = request;
            this.node = node;
            this.command = command;
            this.invoked = invoked;
        }

        boolean answered() {
            return responded >= 0;
        }

        boolean refused() {
            return answered() && result instanceof String text && text.startsWith("unavailable");
        }

        /** A write the client was told took effect. */
        boolean completedWrite() {
            return command.write() && answered() && Replica.OK.equals(result);
        }

        String describe() {
            return command + " (request " + request + " at P" + (node + 1) + ")";
        }
    }

    private final Map<Integer, Op> ops = new LinkedHashMap<>();

    /** Reads the next event; returns the operation it answered, if it is a reply to a well-formed request. */
    Op onEvent(TraceEvent event) {
        if (event.kind() == EventKind.REQUEST && event.detail() == null && event.payload() instanceof Request request) {
            Command command = Command.parse(request.command());
            if (command != null) {
                ops.put(request.id(), new Op(request.id(), event.node(), command, event.seq()));
            }
        } else if (event.kind() == EventKind.OUTPUT && event.payload() instanceof Output.Reply reply) {
            Op op = ops.get(reply.request());
            if (op != null && !op.answered()) {
                op.responded = event.seq();
                op.result = reply.result();
                return op;
            }
        }
        return null;
    }

    Collection<Op> ops() {
        return ops.values();
    }
}

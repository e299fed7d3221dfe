package dev.faultlab.sim;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A traitor that keeps running the honest code and lies about what it sends ({@link Adversary#rewriting}): each
 * handler of the honest process runs as before, but with a context through which each message to another process
 * passes {@link Rewrite}. The honest process keeps its own random numbers; the rewrite draws from the adversary's.
 */
public final class RewritingAdversary implements Adversary {

    /** What the traitor sends instead of {@code honest} to {@code to}; null sends nothing. */
    @FunctionalInterface
    public interface Rewrite {
        Message rewrite(AdversaryContext ctx, int to, Message honest);
    }

    private final Rewrite rewrite;

    RewritingAdversary(Rewrite rewrite) {
        this.rewrite = rewrite;
    }

    @Override
    public void onStart(AdversaryContext ctx) {
        ((AsyncProcess) ctx.honest()).onStart(lying(ctx));
    }

    /** A round process hears the message in its next round's inbox, so only an asynchronous one is told now. */
    @Override
    public void onMessage(AdversaryContext ctx, int from, Message message) {
        if (ctx.honest() instanceof AsyncProcess process) {
            process.onMessage(lying(ctx), from, message);
        }
    }

    @Override
    public void onTimer(AdversaryContext ctx, String timer) {
        ((AsyncProcess) ctx.honest()).onTimer(lying(ctx), timer);
    }

    @Override
    public void onRound(AdversaryContext ctx, int round, List<Delivery> inbox) {
        ((RoundProcess) ctx.honest()).onRound(lying(ctx), round, inbox);
    }

    @Override
    public void onEnd(AdversaryContext ctx, List<Delivery> inbox) {
        ((RoundProcess) ctx.honest()).onEnd(lying(ctx), inbox);
    }

    @Override
    public void onRecover(AdversaryContext ctx) {
        if (ctx.honest() instanceof AsyncProcess process) {
            process.onRecover(lying(ctx));
        } else {
            ((RoundProcess) ctx.honest()).onRecover(lying(ctx));
        }
    }

    @Override
    public void onRequest(AdversaryContext ctx, Request request) {
        if (ctx.honest() instanceof AsyncProcess process) {
            process.onRequest(lying(ctx), request);
        } else {
            ((RoundProcess) ctx.honest()).onRequest(lying(ctx), request);
        }
    }

    private Context lying(AdversaryContext ctx) {
        return new Lying(ctx, rewrite);
    }

    /** The context the honest process gets: the adversary's, with every message to another process rewritten. */
    private record Lying(AdversaryContext ctx, Rewrite rewrite) implements Context {

        @Override
        public void send(int to, Message message) {
            if (to == ctx.self()) {
                ctx.send(to, message);
                return;
            }
            Message sent = rewrite.rewrite(ctx, to, message);
            if (sent != null) {
                ctx.send(to, sent);
            }
        }

        /** One send per receiver in id order, as the kernel's own broadcast, so each can be rewritten. */
        @Override
        public void broadcast(Message message) {
            for (int to : ctx.peers()) {
                send(to, message);
            }
        }

        @Override
        public void broadcastAll(Message message) {
            for (int to = 0; to < ctx.n(); to++) {
                send(to, message);
            }
        }

        @Override
        public SplittableRandom random() {
            return ctx.honestRandom();
        }

        @Override
        public int self() {
            return ctx.self();
        }

        @Override
        public List<Integer> peers() {
            return ctx.peers();
        }

        @Override
        public int n() {
            return ctx.n();
        }

        @Override
        public long now() {
            return ctx.now();
        }

        @Override
        public int round() {
            return ctx.round();
        }

        @Override
        public String role() {
            return ctx.role();
        }

        @Override
        public String roleOf(int node) {
            return ctx.roleOf(node);
        }

        @Override
        public List<Integer> withRole(String role) {
            return ctx.withRole(role);
        }

        @Override
        public void setTimer(String name, long delay) {
            ctx.setTimer(name, delay);
        }

        @Override
        public void cancelTimer(String name) {
            ctx.cancelTimer(name);
        }

        @Override
        public StableStorage stable() {
            return ctx.stable();
        }

        @Override
        public <T> Signed<T> sign(T payload) {
            return ctx.sign(payload);
        }

        @Override
        public void decide(Object value) {
            ctx.decide(value);
        }

        @Override
        public void output(Output output) {
            ctx.output(output);
        }

        @Override
        public void note(String text) {
            ctx.note(text);
        }

        @Override
        public void stateChanged(String description) {
            ctx.stateChanged(description);
        }
    }
}

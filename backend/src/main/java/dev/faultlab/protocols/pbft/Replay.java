package dev.faultlab.protocols.pbft;

import dev.faultlab.sim.Adversary;
import dev.faultlab.sim.AdversaryContext;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.Request;
import dev.faultlab.sim.Signed;

import java.util.ArrayList;
import java.util.List;

/**
 * A replica that works loyally and replays: whenever a new PRE-PREPARE or NEW-VIEW reaches it, it re-sends
 * {@link #PER_TURN} of the signed messages it received earlier, drawn at random, to every other replica. The
 * signatures are genuine, so receivers must tell old from new by view and timestamp, and a request by the
 * client's own numbering.
 */
final class Replay implements Adversary {
    static final int PER_TURN = 2;

    private final Adversary loyal = Adversary.rewriting((ctx, to, message) -> message);
    private final List<Signed<?>> heard = new ArrayList<>();

    @Override
    public void onStart(AdversaryContext ctx) {
        loyal.onStart(ctx);
    }

    @Override
    public void onMessage(AdversaryContext ctx, int from, Message message) {
        loyal.onMessage(ctx, from, message);
        if (!(message instanceof Signed<?> signed)) {
            return;
        }
        if ((signed.payload instanceof PrePrepare || signed.payload instanceof NewView) && !heard.isEmpty()) {
            int replicas = ctx.withRole(Pbft.REPLICA).size();
            for (int i = 0; i < PER_TURN; i++) {
                Signed<?> old = heard.get(ctx.random().nextInt(heard.size()));
                for (int to = 0; to < replicas; to++) {
                    if (to != ctx.self()) {
                        ctx.send(to, old);
                    }
                }
            }
        }
        heard.add(signed);
    }

    @Override
    public void onTimer(AdversaryContext ctx, String timer) {
        loyal.onTimer(ctx, timer);
    }

    @Override
    public void onRecover(AdversaryContext ctx) {
        loyal.onRecover(ctx);
    }

    @Override
    public void onRequest(AdversaryContext ctx, Request request) {
        loyal.onRequest(ctx, request);
    }
}

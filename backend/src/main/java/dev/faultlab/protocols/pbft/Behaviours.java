package dev.faultlab.protocols.pbft;

import dev.faultlab.sim.Adversary;
import dev.faultlab.sim.AdversaryContext;
import dev.faultlab.sim.BehaviourSpec;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.Signed;

import java.util.List;

/**
 * The Byzantine replicas of the catalog. Each runs the loyal replica's code and lies only in what it signs and
 * sends (or sends nothing); none can sign in another replica's name, which is why certificates work.
 */
final class Behaviours {
    static final String WRONG_PREPARES = "wrong-prepares";
    static final String SILENT = "silent";
    static final String REPLAY = "replay";
    static final String WRONG_REPLIES = "wrong-replies";

    private Behaviours() {
    }

    static List<BehaviourSpec> all() {
        return List.of(
                new BehaviourSpec(Equivocate.NAME, Equivocate.DESCRIPTION, params -> Adversary.rewriting(Equivocate.from(params)),
                        Equivocate::check),
                new BehaviourSpec(WRONG_PREPARES, "As backup, prepares and commits o' whatever the primary pre-prepared.",
                        params -> Adversary.rewriting(Behaviours::wrongPrepare)),
                new BehaviourSpec(SILENT, "Sends nothing at all; a silent primary forces a view change.", params -> new Adversary() {
                }),
                new BehaviourSpec(REPLAY, "Works as a loyal replica but also re-sends old signed messages it received "
                        + "(from earlier timestamps and views) to every other replica.", params -> new Replay()),
                new BehaviourSpec(WRONG_REPLIES, "Works as a loyal replica but tells clients a made-up result; k+1 of "
                        + "them make a client accept it.", params -> Adversary.rewriting(Behaviours::wrongReply)));
    }

    private static Message wrongPrepare(AdversaryContext ctx, int to, Message honest) {
        if (honest instanceof Signed<?> signed && signed.payload instanceof Prepare p) {
            return ctx.sign(new Prepare(p.view(), p.t(), p.op().other(), p.replica()));
        }
        if (honest instanceof Signed<?> signed && signed.payload instanceof Commit c) {
            return ctx.sign(new Commit(c.view(), c.t(), c.op().other(), c.replica()));
        }
        return honest;
    }

    private static Message wrongReply(AdversaryContext ctx, int to, Message honest) {
        if (honest instanceof Signed<?> signed && signed.payload instanceof Reply r) {
            return ctx.sign(new Reply(r.view(), r.client(), r.seq(), r.result() + " (forged)", r.replica()));
        }
        return honest;
    }
}

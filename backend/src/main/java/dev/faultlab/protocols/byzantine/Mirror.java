package dev.faultlab.protocols.byzantine;

import dev.faultlab.sim.Adversary;
import dev.faultlab.sim.AdversaryContext;
import dev.faultlab.sim.Delivery;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.ProcessLabel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A rushing traitor that agrees with everyone. It cannot know in advance what each process will say, so it
 * listens first: when round 1 starts it says nothing, and as each process's own value reaches it (mid-round) it
 * answers that process, still in round 1, with the same value as its own. Its relays run the loyal code but tell
 * every receiver that everyone said the receiver's own value. A behaviour that rewrites the loyal code's messages
 * cannot do this: the loyal code states its value before it has heard anyone.
 */
final class Mirror implements Adversary {
    static final String NAME = "mirror";
    static final String DESCRIPTION = "A rushing traitor that agrees with everyone: it says nothing when round 1 starts; "
            + "as each process's own value reaches it, it answers that process at once, still in round 1, with the same "
            + "value as its own; in every relay it tells each receiver that everyone said the receiver's own value. "
            + "No parameters.";

    /** What each process stated in round 1, as heard: the value the traitor mirrors back to it. */
    private final Map<Integer, String> stated = new HashMap<>();
    /** The loyal code for the relays and the final vector, with every relayed value replaced by the receiver's own. */
    private final Adversary relays = Adversary.rewriting((ctx, to, honest) -> {
        String mirrored = stated.get(to);
        return mirrored == null ? honest : ((OralMessage) honest).withValue(mirrored);
    });

    @Override
    public void onMessage(AdversaryContext ctx, int from, Message message) {
        if (ctx.round() == 1 && message instanceof OralMessage statement && statement.path().isEmpty()
                && stated.putIfAbsent(from, statement.value()) == null) {
            ctx.note(ProcessLabel.of(ctx.self()) + " heard " + ProcessLabel.of(from) + " say " + statement.value()
                    + " and answers with the same value");
            ctx.send(from, new OralMessage(List.of(), statement.value()));
        }
    }

    /** Round 1 is the loyal code's own statement, which the traitor replaces by its answers; it relays from round 2 on. */
    @Override
    public void onRound(AdversaryContext ctx, int round, List<Delivery> inbox) {
        if (round > 1) {
            relays.onRound(ctx, round, inbox);
        }
    }

    @Override
    public void onEnd(AdversaryContext ctx, List<Delivery> inbox) {
        relays.onEnd(ctx, inbox);
    }

    @Override
    public void onRecover(AdversaryContext ctx) {
        relays.onRecover(ctx);
    }
}

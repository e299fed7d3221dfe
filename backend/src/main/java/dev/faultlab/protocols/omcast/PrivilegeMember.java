package dev.faultlab.protocols.omcast;

import dev.faultlab.sim.Context;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.StateDisplay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Privilege-based total order: a token circulates among the senders (P1, P2, ..., Pn, P1, ...) carrying the next
 * global number. Only its holder multicasts: it numbers what it has waiting, sends each numbered message to the
 * others, keeps the token {@code tokenHold} ticks and passes it on. Until {@code runFor}: then the token stays where
 * it is. Whoever crashes holding the token takes it along, and nobody can multicast again.
 */
final class PrivilegeMember extends SequencedMember {
    private static final String PASS = "pass token";
    private Token token;
    /** The last pass of the token seen here: a duplicate of an older pass is ignored. */
    private long lastHop = -1;
    private final List<MsgId> waiting = new ArrayList<>();

    PrivilegeMember(OmConfig config, int self) {
        super(config, self);
    }

    @Override
    void started(Context ctx) {
        if (self == 0) {
            take(ctx, new Token(0, 1, List.of()));
        }
    }

    @Override
    void multicast(Context ctx, MsgId id) {
        waiting.add(id);
        if (token != null) {
            numberWaiting(ctx);
        } else {
            ctx.stateChanged("queues " + id + " until the token comes");
        }
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (message instanceof Token arrived) {
            if (arrived.hop() > lastHop) {
                take(ctx, arrived);
            }
        } else {
            super.onMessage(ctx, from, message);
        }
    }

    private void take(Context ctx, Token arrived) {
        token = arrived;
        lastHop = arrived.hop();
        numberWaiting(ctx);
        if (ctx.now() < config.runFor()) {
            ctx.setTimer(PASS, config.tokenHold());
        }
    }

    private void numberWaiting(Context ctx) {
        long global = token.next();
        List<MsgId> numbered = new ArrayList<>(waiting);
        waiting.clear();
        token = new Token(token.hop(), global + numbered.size(), List.of());
        for (MsgId id : numbered) {
            Order order = new Order(global++, id);
            toOthers(ctx, order);
            ordered(ctx, order);
        }
    }

    @Override
    Object orderingFingerprint() {
        return Arrays.asList(super.orderingFingerprint(), token, lastHop, new ArrayList<>(waiting));
    }

    @Override
    void onOrderingTimer(Context ctx, String timer) {
        if (PASS.equals(timer) && token != null) {
            int successor = (self + 1) % config.members();
            ctx.send(successor, new Token(token.hop() + 1, token.next(), List.of()));
            token = null;
        }
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = super.view();
        view.put("token", token == null ? null : token.next());
        view.put(AllDelivered.UNSENT, waiting.stream().map(MsgId::name).toList());
        return view;
    }

    @Override
    List<StateDisplay.Section> orderingState() {
        List<StateDisplay.Section> sections = new ArrayList<>(super.orderingState());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("holds the token", token != null);
        fields.put("next number on the token", token == null ? null : token.next());
        fields.put("passes it to", ProcessLabel.of((self + 1) % config.members()));
        sections.add(new StateDisplay.Fields("Privilege token", fields));
        List<Object> queued = new ArrayList<>(waiting.stream().map(MsgId::name).toList());
        sections.add(new StateDisplay.Set("Waiting for the token", queued));
        return sections;
    }
}

package dev.faultlab.protocols.omcast;

import dev.faultlab.sim.AsyncProcess;
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
 * One of the moving sequencers, third parties that pass a token in a ring. Members send each multicast to all of
 * them; only the token's holder numbers messages: those it has that the token does not list as numbered yet. It
 * keeps the token {@code tokenHold} ticks, then passes it on with the next number and the list of numbered
 * messages, until {@code runFor} (then the token stays where it is, and its holder numbers whatever comes). A
 * sequencer that crashes holding the token takes it along: nothing is numbered after that.
 */
final class MovingSequencer implements AsyncProcess {
    private static final String PASS = "pass token";
    private final OmConfig config;
    private final int self;
    private final List<MsgId> pending = new ArrayList<>();
    private Token token;
    /** The last pass of the token seen here: a duplicate of an older pass is ignored. */
    private long lastHop = -1;

    MovingSequencer(OmConfig config, int self) {
        this.config = config;
        this.self = self;
    }

    @Override
    public void onStart(Context ctx) {
        if (self == config.members()) {
            take(ctx, new Token(0, 1, List.of()));
        }
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (message instanceof Data data) {
            if (!pending.contains(data.id())) {
                pending.add(data.id());
            }
            if (token != null) {
                numberPending(ctx);
            }
        } else if (message instanceof Token arrived && arrived.hop() > lastHop) {
            take(ctx, arrived);
        }
    }

    private void take(Context ctx, Token arrived) {
        token = arrived;
        lastHop = arrived.hop();
        numberPending(ctx);
        if (ctx.now() < config.runFor()) {
            ctx.setTimer(PASS, config.tokenHold());
        }
    }

    private void numberPending(Context ctx) {
        long next = token.next();
        List<MsgId> sequenced = new ArrayList<>(token.sequenced());
        for (MsgId id : pending) {
            if (!sequenced.contains(id)) {
                sequenced.add(id);
                Order order = new Order(next++, id);
                for (int member = 0; member < config.members(); member++) {
                    ctx.send(member, order);
                }
            }
        }
        pending.removeIf(sequenced::contains);
        token = new Token(token.hop(), next, sequenced);
    }

    @Override
    public void onTimer(Context ctx, String timer) {
        if (PASS.equals(timer) && token != null) {
            ctx.send(successor(), new Token(token.hop() + 1, token.next(), token.sequenced()));
            token = null;
        }
    }

    private int successor() {
        int index = self - config.members();
        return config.members() + (index + 1) % config.sequencers();
    }

    @Override
    public Object fingerprint() {
        return Arrays.asList(new ArrayList<>(pending), token, lastHop);
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("token", token == null ? null : token.next());
        view.put("pending", pending.stream().map(MsgId::name).toList());
        return view;
    }

    @Override
    public StateDisplay display() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("holds the token", token != null);
        fields.put("next global number", token == null ? null : token.next());
        fields.put("passes it to", ProcessLabel.of(successor()));
        List<List<Object>> rows = new ArrayList<>();
        for (MsgId id : pending) {
            rows.add(StateDisplay.Table.row(id.name(), ProcessLabel.of(id.origin())));
        }
        return StateDisplay.of(new StateDisplay.Fields("Moving sequencer", fields),
                new StateDisplay.Table("Waiting to be numbered", List.of("message", "origin"), rows));
    }
}

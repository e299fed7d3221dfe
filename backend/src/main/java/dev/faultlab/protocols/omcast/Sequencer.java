package dev.faultlab.protocols.omcast;

import dev.faultlab.sim.AsyncProcess;
import dev.faultlab.sim.Context;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.StateDisplay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fixed sequencer, a third party: members send it their multicasts, it gives each the next global number and
 * sends the numbered message to every member. Plain, it numbers messages as they arrive; in the FIFO-total hybrid
 * it holds a sender's message back until that sender's earlier ones are numbered; in the causal-total hybrid until
 * the message's vector timestamp admits it (its causal past is numbered). It is a single point of failure: once it
 * crashes, nothing is delivered any more.
 */
final class Sequencer implements AsyncProcess {
    private final OmConfig config;
    private long next = 1;
    /** Per member, how many of its messages are numbered: the FIFO and causal conditions read it. */
    private VectorClock numbered;
    private final List<Message> held = new ArrayList<>();
    /** Every message received so far: a duplicate is not numbered twice. Looked up by key. */
    private final Set<MsgId> seen = new HashSet<>();

    Sequencer(OmConfig config) {
        this.config = config;
        this.numbered = VectorClock.zero(config.members());
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (!(message instanceof Data) && !(message instanceof Stamped) || !seen.add(((Carrying) message).id())) {
            return;
        }
        held.add(message);
        numberAdmitted(ctx);
        if (held.contains(message)) {
            ctx.stateChanged("holds back " + ((Carrying) message).id() + ": " + waitsFor(message));
        }
    }

    private void numberAdmitted(Context ctx) {
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Message candidate : held) {
                if (admits(candidate)) {
                    held.remove(candidate);
                    MsgId id = ((Carrying) candidate).id();
                    numbered = numbered.with(id.origin(), Math.max(numbered.get(id.origin()), id.seq()));
                    Order order = new Order(next++, id);
                    for (int member = 0; member < config.members(); member++) {
                        ctx.send(member, order);
                    }
                    progress = true;
                    break;
                }
            }
        }
    }

    private boolean admits(Message message) {
        return switch (config.ordering()) {
            case FIFO_TOTAL -> ((Data) message).id().seq() == numbered.get(((Data) message).id().origin()) + 1;
            case CAUSAL_TOTAL -> numbered.admits(((Stamped) message).id().origin(), ((Stamped) message).stamp());
            default -> true;
        };
    }

    private String waitsFor(Message message) {
        MsgId id = ((Carrying) message).id();
        return message instanceof Stamped stamped ? "not yet numbered: " + numbered.missing(id.origin(), stamped.stamp())
                : "waits for " + ProcessLabel.of(id.origin()) + "'s message " + (numbered.get(id.origin()) + 1);
    }

    @Override
    public Object fingerprint() {
        return Arrays.asList(next, numbered, new ArrayList<>(held), new HashSet<>(seen));
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("nextGlobal", next);
        view.put("numbered", numbered.entries());
        view.put("holdBack", held.stream().map(m -> ((Carrying) m).id().name()).toList());
        return view;
    }

    @Override
    public StateDisplay display() {
        List<List<Object>> rows = new ArrayList<>();
        for (Message message : held) {
            MsgId id = ((Carrying) message).id();
            rows.add(StateDisplay.Table.row(id.name(), ProcessLabel.of(id.origin()), waitsFor(message)));
        }
        return StateDisplay.of(new StateDisplay.Fields("Sequencer (" + config.ordering().id() + ")", Map.of("next global number", next)),
                VectorSection.of("Numbered per member", numbered),
                new StateDisplay.Table("Hold-back queue", List.of("message", "origin", "waits for"), rows));
    }
}

package dev.faultlab.protocols.omcast;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Delivery, judged when the run ends: every message multicast by a correct member is delivered by every correct
 * member. The ordering alone does not make multicast reliable, and an ordering that waits for a sequencer, a token
 * or every member's answer waits for ever once that process crashes: the explanation names what is held back and
 * the crash it waits on. That is the lecture's remark that total order cannot be promised in an asynchronous system
 * with one crash: nobody can tell the crashed process from a slow one, so nobody may go on without it.
 */
final class AllDelivered implements Monitor {
    static final String NAME = "every multicast delivered";
    /** The state view's list of messages a member issued but may not send yet (waiting for the privilege token). */
    static final String UNSENT = "unsent";
    private static final String TOTAL_REMARK = "Total order cannot be promised in an asynchronous system where one process "
            + "may crash: nobody can tell a crashed process from a slow one, so the others wait for ever";    private final OmConfig config;
    private final Deliveries deliveries = new Deliveries();
    private final BitSet faulty = new BitSet();
    private final List<Integer> crashes = new ArrayList<>();
    private Violation violation;
    private boolean judged;

    AllDelivered(OmConfig config) {
        this.config = config;
    }

    @Override
    public String property() {
        return NAME;
    }

    @Override
    public boolean judgedAtEnd() {
        return true;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        deliveries.onEvent(event);
        if (event.kind() == EventKind.FAULT && event.payload() instanceof Fault fault && fault.kind().makesFaulty()) {
            faulty.set(fault.targetNode());
        } else if (event.kind() == EventKind.CRASH) {
            faulty.set(event.node());
            crashes.add(event.seq());
        } else if (event.kind() == EventKind.END) {
            judge(event, states);
        }
    }

    private void judge(TraceEvent end, States states) {
        judged = true;
        for (int i = 0; i < deliveries.count(); i++) {
            Deliveries.Multicast message = deliveries.message(i);
            if (faulty.get(message.id().origin())) {
                continue;
            }
            List<Integer> missing = new ArrayList<>();
            for (int member = 0; member < config.members(); member++) {
                if (!faulty.get(member) && !deliveries.delivered(member, i)) {
                    missing.add(member);
                }
            }
            if (!missing.isEmpty()) {
                List<Integer> witnesses = new ArrayList<>(crashes);
                witnesses.add(message.event());
                witnesses.add(end.seq());
                violation = new Violation(NAME, end.seq(), message.id() + " was never delivered at " + ProcessLabel.listed(missing)
                        + heldBack(states, missing, message.id().name()) + why(), witnesses.stream().sorted().toList());
                return;
            }
        }
        for (int member = 0; member < config.members(); member++) {
            if (!faulty.get(member) && states.state(member).get(UNSENT) instanceof List<?> unsent && !unsent.isEmpty()) {
                List<Integer> witnesses = new ArrayList<>(crashes);
                witnesses.add(end.seq());
                violation = new Violation(NAME, end.seq(), unsent.get(0) + " was never sent: it waits at " + ProcessLabel.of(member)
                        + " for the token" + why(), witnesses);
                return;
            }
        }
    }

    private String heldBack(States states, List<Integer> missing, String name) {
        List<Integer> holding = missing.stream().filter(m -> states.up(m) && states.state(m).get("holdBack") instanceof List<?> held
                && held.contains(name)).toList();
        return holding.isEmpty() ? "" : "; it waits in the hold-back queue of " + ProcessLabel.listed(holding);
    }

    private String why() {
        if (crashes.isEmpty()) {
            return ": the multicast is not reliable, a lost message is never sent again";
        }
        List<Integer> crashed = new ArrayList<>();
        for (int node = faulty.nextSetBit(0); node >= 0; node = faulty.nextSetBit(node + 1)) {
            crashed.add(node);
        }
        String who = ProcessLabel.listed(crashed);
        return switch (config.ordering()) {
            case SEQUENCER, FIFO_TOTAL, CAUSAL_TOTAL, MOVING_SEQUENCER, PRIVILEGE -> ": " + who + " crashed, and with it the "
                    + (config.ordering() == Ordering.PRIVILEGE || config.ordering() == Ordering.MOVING_SEQUENCER ? "token" : "sequencer")
                    + " that numbers messages. " + TOTAL_REMARK;
            case LAMPORT, ISIS -> ": " + who + " crashed and never answers (acknowledgement or proposal) for it. " + TOTAL_REMARK;
            default -> ": " + who + " crashed, and this multicast is not reliable: what the crash cut off is never sent again";
        };
    }

    @Override
    public Violation violation() {
        return violation;
    }

    @Override
    public String holding() {
        return judged ? "every correct member delivered every message multicast by a correct member"
                : "the run has not ended: delivery is judged at its end";
    }
}

package dev.faultlab.protocols.twoarmy;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * Agreement for the two generals: both attack or neither does. It turns false when the second general decides
 * otherwise than the first; the violation names who attacks alone, with both decisions and the messengers lost on
 * the way as witnesses.
 */
public final class CoordinatedAttack implements Monitor {
    public static final String NAME = "both attack or neither";

    private final TraceEvent[] decisions = new TraceEvent[2];
    private final List<TraceEvent> lost = new ArrayList<>();
    private Violation violation;

    @Override
    public String property() {
        return NAME;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        if (event.kind() == EventKind.DROP && event.payload() instanceof Messenger) {
            lost.add(event);
        } else if (event.kind() == EventKind.DECIDE && event.node() >= 0 && event.node() < 2 && decisions[event.node()] == null) {
            decisions[event.node()] = event;
            if (decisions[0] != null && decisions[1] != null && violation == null) {
                violation = judge();
            }
        }
    }

    private Violation judge() {
        if (decisions[0].payload().equals(decisions[1].payload())) {
            return null;
        }
        int alone = General.ATTACK.equals(decisions[0].payload()) ? 0 : 1;
        List<Integer> witnesses = new ArrayList<>();
        witnesses.add(decisions[alone].seq());
        witnesses.add(decisions[1 - alone].seq());
        lost.forEach(drop -> witnesses.add(drop.seq()));
        String why = lost.isEmpty() ? "" : ", after " + lostText() + " never arrived";
        return new Violation(NAME, Math.max(decisions[0].seq(), decisions[1].seq()),
                TwoArmy.nameOf(alone) + " attacks alone: " + TwoArmy.nameOf(1 - alone) + " retreats" + why, witnesses);
    }

    private String lostText() {
        List<String> labels = lost.stream().map(drop -> ((Messenger) drop.payload()).label()).toList();
        return String.join(" and ", labels);
    }

    @Override
    public Violation violation() {
        return violation;
    }

    @Override
    public String holding() {
        if (decisions[0] == null || decisions[1] == null) {
            return "noon has not come: no general decided yet";
        }
        return General.ATTACK.equals(decisions[0].payload()) ? "both generals attack" : "neither general attacks";
    }
}

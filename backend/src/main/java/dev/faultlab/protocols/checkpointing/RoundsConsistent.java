package dev.faultlab.protocols.checkpointing;

import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Coordinated checkpointing is consistent by construction: when the coordinator ends a round, the checkpoints of
 * that round (and, with the incremental optimisation, the states of the processes left out of it) form a
 * consistent cut. Checked at every round the coordinator completes.
 */
public final class RoundsConsistent implements Monitor {
    public static final String NAME = "checkpoint rounds are consistent cuts";

    private final CutCheck check = new CutCheck();
    private int rounds;
    private Violation violation;

    @Override
    public String property() {
        return NAME;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        check.read(event);
        if (violation != null || !(Output.of(event) instanceof Output.Cut cut) || !cut.name().startsWith(Worker.CUT_ROUND)) {
            return;
        }
        rounds++;
        List<CutCheck.Picture> pictures = new ArrayList<>();
        for (int node = 0; node < states.count(); node++) {
            pictures.add(picture(states, node, cut.points().get(node)));
        }
        CutCheck.Orphan orphan = check.orphan(pictures);
        if (orphan != null) {
            List<Integer> witnesses = new ArrayList<>(orphan.witnesses());
            witnesses.add(event.seq());
            violation = new Violation(NAME, event.seq(), orphan.explain("in " + cut.name()), witnesses);
        }
    }

    /**
     * The checkpoint the cut names, or the process's state where it names none; null for a process left out of the
     * round that is down or taking part in a recovery: what it lost is the recovery's business, not the round's.
     */
    private static CutCheck.Picture picture(States states, int node, String label) {
        if (label == null) {
            Object phase = states.up(node) ? states.state(node).get("phase") : null;
            boolean settled = Phase.NORMAL.id().equals(phase) || Phase.HOLDING.id().equals(phase);
            return settled ? CutCheck.of(states.state(node)) : null;
        }
        Map<String, Object> stable = states.stable(node);
        for (Object saved : (List<?>) stable.getOrDefault(Worker.CHECKPOINTS, List.of())) {
            if (saved instanceof SavedCheckpoint cp && cp.label().equals(label)) {
                return CutCheck.of(cp);
            }
        }
        return null;
    }

    @Override
    public Violation violation() {
        return violation;
    }

    @Override
    public String holding() {
        return rounds == 0 ? "no checkpoint round has completed yet" : "each of the " + rounds + " completed rounds is a consistent cut";
    }
}

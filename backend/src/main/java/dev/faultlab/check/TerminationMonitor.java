package dev.faultlab.check;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.FailureModel;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * Termination: every correct process decides (by virtual time {@code deadline}, when one is given). Judged when
 * the run ends, over the processes correct then: until the END event it is open.
 */
public final class TerminationMonitor implements Monitor {
    private final CorrectDecisions decisions;
    private final int processes;
    private final long deadline;
    private Violation violation;
    private boolean judged;

    /** @param processes how many processes must decide (ids 0 to processes-1) */
    public TerminationMonitor(FailureModel model, int processes, long deadline) {
        this.decisions = new CorrectDecisions(model);
        this.processes = processes;
        this.deadline = deadline;
    }

    @Override
    public String property() {
        return Termination.NAME;
    }

    @Override
    public boolean judgedAtEnd() {
        return true;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        decisions.onEvent(event);
        if (event.kind() == EventKind.END) {
            judgeAt(event.seq());
        }
    }

    /** Judges the run as it stands after event {@code seq}: at its END event, or for a run stopped before it. */
    void judgeAt(int seq) {
        judged = true;
        List<Integer> undecided = new ArrayList<>();
        List<Integer> late = new ArrayList<>();
        for (int node = 0; node < processes; node++) {
            if (!decisions.correct(node)) {
                continue;
            }
            CorrectDecisions.Decision decision = decisions.of(node);
            if (decision == null) {
                undecided.add(node);
            } else if (decision.time() > deadline) {
                late.add(decision.event());
            }
        }
        if (!undecided.isEmpty()) {
            violation = new Violation(Termination.NAME, seq, "correct processes " + ProcessLabel.of(undecided) + " never decided",
                    List.of(seq));
        } else if (!late.isEmpty()) {
            violation = new Violation(Termination.NAME, seq, "some correct processes decided after time " + deadline, late);
        }
    }

    @Override
    public Violation violation() {
        return violation;
    }

    @Override
    public String holding() {
        return judged ? "every correct process decided" : "the run has not ended: termination is judged at its end";
    }
}

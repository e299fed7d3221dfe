package dev.faultlab.check;

import dev.faultlab.sim.FailureModel;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.List;
import java.util.Objects;

/**
 * Agreement: no two correct processes decide differently. It turns false at the first decision that differs from
 * an earlier one, both by processes correct so far; if one of them turns faulty later, it no longer counts and
 * the verdict is judged again, so after the last event it is the verdict on the finished run.
 */
public final class AgreementMonitor implements Monitor {
    private final CorrectDecisions decisions;
    private Violation violation;

    public AgreementMonitor(FailureModel model) {
        this.decisions = new CorrectDecisions(model);
    }

    @Override
    public String property() {
        return Agreement.NAME;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        if (decisions.onEvent(event)) {
            violation = judge();
        }
    }

    private Violation judge() {
        List<CorrectDecisions.Decision> correct = decisions.ofCorrect();
        if (correct.isEmpty()) {
            return null;
        }
        CorrectDecisions.Decision first = correct.get(0);
        for (CorrectDecisions.Decision other : correct) {
            if (!Objects.equals(first.value(), other.value())) {
                return new Violation(Agreement.NAME, other.event(), ProcessLabel.of(first.node()) + " decided " + first.value()
                        + " but " + ProcessLabel.of(other.node()) + " decided " + other.value(), List.of(first.event(), other.event()));
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
        List<CorrectDecisions.Decision> correct = decisions.ofCorrect();
        return correct.isEmpty() ? "no correct process decided" : "every correct process that decided chose " + correct.get(0).value();
    }
}

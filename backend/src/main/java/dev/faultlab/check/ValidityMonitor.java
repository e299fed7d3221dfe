package dev.faultlab.check;

import dev.faultlab.sim.FailureModel;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.Collection;
import java.util.List;

/**
 * Validity: every value a correct process decides is one the run allows (for consensus: some process's input).
 * It turns false at the first such decision by a process correct so far, judged again when who is faulty changes.
 */
public final class ValidityMonitor implements Monitor {
    private final CorrectDecisions decisions;
    private final Collection<?> allowed;
    private final String whyNot;
    private final String holding;
    private Violation violation;

    /**
     * @param allowed the values a correct process may decide
     * @param whyNot  completes "P3 decided 9, ..." for a value not allowed
     * @param holding why the property holds while it does
     */
    public ValidityMonitor(FailureModel model, Collection<?> allowed, String whyNot, String holding) {
        this.decisions = new CorrectDecisions(model);
        this.allowed = List.copyOf(allowed);
        this.whyNot = whyNot;
        this.holding = holding;
    }

    /** Consensus validity: a correct process decides one of the processes' inputs. */
    public static ValidityMonitor ofInputs(FailureModel model, Collection<?> inputs) {
        return new ValidityMonitor(model, inputs, "which no process proposed (inputs " + inputs + ")",
                "every decision is one of the inputs " + inputs);
    }

    @Override
    public String property() {
        return Validity.NAME;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        if (decisions.onEvent(event)) {
            violation = null;
            for (CorrectDecisions.Decision decision : decisions.ofCorrect()) {
                if (!allowed.contains(decision.value())) {
                    violation = new Violation(Validity.NAME, decision.event(), ProcessLabel.of(decision.node()) + " decided "
                            + decision.value() + ", " + whyNot, List.of(decision.event()));
                    return;
                }
            }
        }
    }

    @Override
    public Violation violation() {
        return violation;
    }

    @Override
    public String holding() {
        return holding;
    }
}

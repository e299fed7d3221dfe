package dev.faultlab.check;

import dev.faultlab.sim.FailureModel;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Validity where faulty processes may lie (Byzantine agreement): if every correct process started with the same
 * value, every correct process decides it. Inputs of faulty processes do not count, and a vote without a majority
 * may decide a value nobody proposed, so the plain "decisions are inputs" form does not apply.
 */
public final class UnanimityMonitor implements Monitor {
    private final CorrectDecisions decisions;
    private final List<?> inputs;
    private Violation violation;

    /** @param inputs each process's initial value, by id */
    public UnanimityMonitor(FailureModel model, List<?> inputs) {
        this.decisions = new CorrectDecisions(model);
        this.inputs = new ArrayList<>(inputs);
    }

    @Override
    public String property() {
        return Validity.NAME;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        if (!decisions.onEvent(event)) {
            return;
        }
        violation = null;
        Object common = commonInput();
        if (common == null) {
            return;
        }
        for (CorrectDecisions.Decision decision : decisions.ofCorrect()) {
            if (!Objects.equals(common, decision.value())) {
                violation = new Violation(Validity.NAME, decision.event(), "every correct process started with " + common + ", but "
                        + ProcessLabel.of(decision.node()) + " decided " + decision.value(), List.of(decision.event()));
                return;
            }
        }
    }

    /** The input every correct process has, or null if they differ (or none is correct). */
    private Object commonInput() {
        Object common = null;
        for (int node = 0; node < inputs.size(); node++) {
            if (!decisions.correct(node)) {
                continue;
            }
            if (common == null) {
                common = inputs.get(node);
            } else if (!common.equals(inputs.get(node))) {
                return null;
            }
        }
        return common;
    }

    @Override
    public Violation violation() {
        return violation;
    }

    @Override
    public String holding() {
        Object common = commonInput();
        return common == null ? "the correct processes started with different values, so any decision is valid"
                : "every correct process started with " + common + " and every one that decided chose it";
    }
}

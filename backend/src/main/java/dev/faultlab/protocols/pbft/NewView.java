package dev.faultlab.protocols.pbft;

import dev.faultlab.sim.Message;
import dev.faultlab.sim.Signed;

import java.util.List;

/**
 * NEW-VIEW(v + 1, X, O): the new primary's proof that a quorum asked for the view (X, their signed view
 * changes) and the pre-prepares (O) that carry every certified operation into it.
 */
public record NewView(int view, List<Signed<ViewChange>> viewChanges, List<Signed<PrePrepare>> prePrepares) implements Message {
    public NewView {
        viewChanges = List.copyOf(viewChanges);
        prePrepares = List.copyOf(prePrepares);
    }

    @Override
    public String type() {
        return "NEW-VIEW";
    }
}

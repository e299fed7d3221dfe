package dev.faultlab.protocols.voting;

import dev.faultlab.sim.Context;
import dev.faultlab.sim.Delivery;
import dev.faultlab.sim.RoundProcess;
import dev.faultlab.sim.StateDisplay;

import java.util.List;
import java.util.Map;

/** A voter that runs apart from the client: one more process that can fail, and nothing replicates it. */
final class Voter implements RoundProcess {
    private final VotingConfig config;
    private final Ballot ballot;

    Voter(VotingConfig config) {
        this.config = config;
        this.ballot = new Ballot(config);
    }

    @Override
    public void onRound(Context ctx, int round, List<Delivery> inbox) {
        if (round != config.answerRound() + 1) {
            return;
        }
        Integer result = ballot.count(inbox);
        ctx.stateChanged(ballot.describe());
        ctx.send(config.client(), new Verdict(result));
    }

    @Override
    public void onEnd(Context ctx, List<Delivery> inbox) {
    }

    @Override
    public Object fingerprint() {
        return ballot.fingerprint();
    }

    @Override
    public Map<String, Object> view() {
        return ballot.view();
    }

    @Override
    public StateDisplay display() {
        return new StateDisplay(ballot.sections());
    }
}

package dev.faultlab.protocols.voting;

import dev.faultlab.sim.Context;
import dev.faultlab.sim.Delivery;
import dev.faultlab.sim.RoundProcess;
import dev.faultlab.sim.StateDisplay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The client sends its number to every replica and accepts one result, which it decides. With the voter in the
 * client (the lecture's "cheat": voter and client share fate) it counts the replicas' answers itself; otherwise it
 * takes what the separate voter tells it.
 */
final class Client implements RoundProcess {
    private final VotingConfig config;
    private final Ballot ballot;
    private Object accepted;

    Client(VotingConfig config) {
        this.config = config;
        this.ballot = config.separateVoter() ? null : new Ballot(config);
    }

    @Override
    public void onRound(Context ctx, int round, List<Delivery> inbox) {
        if (round == 1) {
            for (int replica = 0; replica < config.replicas(); replica++) {
                ctx.send(replica, new ServiceRequest(config.input()));
            }
        }
    }

    @Override
    public void onEnd(Context ctx, List<Delivery> inbox) {
        Integer result;
        if (ballot != null) {
            result = ballot.count(inbox);
            ctx.stateChanged(ballot.describe());
        } else {
            result = inbox.stream().filter(d -> d.from() == config.voter() && d.message() instanceof Verdict)
                    .map(d -> ((Verdict) d.message()).value()).findFirst().orElse(null);
        }
        accepted = result == null ? VotingStates.NONE : result;
        ctx.decide(accepted);
    }

    @Override
    public Object fingerprint() {
        return Arrays.asList(accepted, ballot == null ? null : ballot.fingerprint());
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("input", config.input());
        view.put("accepted", accepted);
        if (ballot != null) {
            view.putAll(ballot.view());
        }
        return view;
    }

    @Override
    public StateDisplay display() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("asks for", config.input() + "²");
        fields.put("voter", config.separateVoter() ? "separate process" : "in the client");
        fields.put("accepted", accepted);
        List<StateDisplay.Section> sections = new ArrayList<>(List.of(new StateDisplay.Fields("Client", fields)));
        if (ballot != null) {
            sections.addAll(ballot.sections());
        }
        return new StateDisplay(sections);
    }
}

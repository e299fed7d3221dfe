package dev.faultlab.protocols.twophase;

import dev.faultlab.sim.AsyncProcess;
import dev.faultlab.sim.Context;
import dev.faultlab.sim.StateDisplay;
import dev.faultlab.sim.Message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The 2PC coordinator, following the seed's state machine and pseudo-code: log WAIT and multicast
 * VOTE_REQUEST; collect the votes; log the decision, then multicast it. A vote that does not arrive in
 * time means GLOBAL_ABORT. The decision is re-sent to participants that have not acknowledged it.
 */
final class Coordinator implements AsyncProcess {
    static final String VOTE_TIMER = "vote-timeout";
    static final String RESEND_TIMER = "resend-decision";

    private final List<Integer> participants;
    private final Timeouts timeouts;
    private final LoggedState state = new LoggedState();
    private final SortedMap<Integer, Vote> votes = new TreeMap<>();
    private final SortedSet<Integer> acknowledged = new TreeSet<>();
    private int resends;

    Coordinator(List<Integer> participants, Timeouts timeouts) {
        this.participants = List.copyOf(participants);
        this.timeouts = timeouts;
    }

    @Override
    public void onStart(Context ctx) {
        state.open(ctx);
        state.enter(ctx, State.WAIT);
        requestVotes(ctx);
    }

    @Override
    public void onRecover(Context ctx) {
        switch (state.recover(ctx)) {
            case INIT -> {
                ctx.note("recovered with nothing logged: crashed before starting 2PC; participants may have "
                        + "aborted in INIT already, so abort");
                decide(ctx, State.ABORT);
            }
            case WAIT -> {
                ctx.note("recovered in WAIT: the votes were volatile and are lost; re-sending VOTE_REQUEST");
                requestVotes(ctx);
            }
            default -> {
                ctx.note("recovered in " + state.current() + ": re-sending the logged decision");
                announce(ctx);
            }
        }
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (message instanceof VoteCommit) {
            onVote(ctx, from, Vote.COMMIT);
        } else if (message instanceof VoteAbort) {
            onVote(ctx, from, Vote.ABORT);
        } else if (message instanceof Ack) {
            onAck(ctx, from);
        }
    }

    private void onAck(Context ctx, int from) {
        // In WAIT an Ack can only come from a participant that recovered in ABORT; its answer to the
        // VOTE_REQUEST, or the vote timeout, already leads to GLOBAL_ABORT.
        if (!state.current().isDecision()) {
            return;
        }
        acknowledged.add(from);
        if (acknowledged.size() == participants.size()) {
            ctx.cancelTimer(RESEND_TIMER);
        }
    }

    @Override
    public void onTimer(Context ctx, String timer) {
        if (timer.equals(VOTE_TIMER) && state.current() == State.WAIT) {
            ctx.note("no vote from " + Names.listed(notYetVoted()) + " within " + timeouts.vote()
                    + " ticks: GLOBAL_ABORT");
            decide(ctx, State.ABORT);
        } else if (timer.equals(RESEND_TIMER)) {
            resendToUnacknowledged(ctx);
        }
    }

    private void requestVotes(Context ctx) {
        ctx.broadcast(new VoteRequest());
        ctx.setTimer(VOTE_TIMER, timeouts.vote());
    }

    private void onVote(Context ctx, int from, Vote vote) {
        if (state.current() != State.WAIT) {
            // A vote after the decision comes from a participant that has not learned it yet.
            sendDecision(ctx, from);
            return;
        }
        votes.put(from, vote);
        if (vote == Vote.ABORT) {
            decide(ctx, State.ABORT);
        } else if (votes.size() == participants.size()) {
            decide(ctx, State.COMMIT);
        }
    }

    private void decide(Context ctx, State decision) {
        ctx.cancelTimer(VOTE_TIMER);
        state.enter(ctx, decision);
        announce(ctx);
    }

    private void announce(Context ctx) {
        acknowledged.clear();
        resends = 0;
        ctx.broadcast(decisionMessage());
        ctx.setTimer(RESEND_TIMER, timeouts.retryInterval());
    }

    private void resendToUnacknowledged(Context ctx) {
        List<Integer> missing = notYetAcknowledged();
        if (resends < timeouts.maxRetries()) {
            resends++;
            for (int participant : missing) {
                sendDecision(ctx, participant);
            }
            ctx.setTimer(RESEND_TIMER, timeouts.retryInterval());
        } else {
            ctx.note("re-sent the decision " + resends + " times; " + Names.listed(missing)
                    + " never acknowledged it: giving up re-sending");
        }
    }

    private void sendDecision(Context ctx, int participant) {
        ctx.send(participant, decisionMessage());
    }

    private Message decisionMessage() {
        return state.current() == State.COMMIT ? new GlobalCommit() : new GlobalAbort();
    }

    private List<Integer> notYetVoted() {
        List<Integer> missing = new ArrayList<>(participants);
        missing.removeAll(votes.keySet());
        return missing;
    }

    private List<Integer> notYetAcknowledged() {
        List<Integer> missing = new ArrayList<>(participants);
        missing.removeAll(acknowledged);
        return missing;
    }

    @Override
    public Object fingerprint() {
        return List.of(state.current(), Map.copyOf(votes), List.copyOf(acknowledged), resends);
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> votesByName = new LinkedHashMap<>();
        votes.forEach((participant, vote) -> votesByName.put(Names.of(participant), vote.name()));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("role", "coordinator");
        view.put("state", state.current().name());
        view.put("votes", votesByName);
        view.put("decision", state.current().isDecision() ? state.current().name() : null);
        view.put("waitingFor", Names.of(waitingFor()));
        view.put("log", state.entries());
        return view;
    }

    @Override
    public StateDisplay display() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("state", state.current().name());
        fields.put("decision", state.current().isDecision() ? state.current().name() : null);
        List<Object> votesInOrder = new ArrayList<>();
        participants.forEach(participant -> votesInOrder.add(votes.containsKey(participant) ? votes.get(participant).name() : null));
        return StateDisplay.of(new StateDisplay.Fields("Coordinator", fields),
                new StateDisplay.Vector("Votes", Names.of(participants), votesInOrder),
                new StateDisplay.Set("Waiting for", new ArrayList<>(Names.of(waitingFor()))),
                state.table());
    }

    /** WAIT: votes not yet in; after the decision: acknowledgements not yet in. */
    private List<Integer> waitingFor() {
        if (state.current() == State.WAIT) {
            return notYetVoted();
        }
        return state.current().isDecision() ? notYetAcknowledged() : List.of();
    }
}

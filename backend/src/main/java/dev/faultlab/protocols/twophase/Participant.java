package dev.faultlab.protocols.twophase;

import java.util.Arrays;
import dev.faultlab.sim.AsyncProcess;
import dev.faultlab.sim.Context;
import dev.faultlab.sim.StateDisplay;
import dev.faultlab.sim.Message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A 2PC participant, following the seed's state machine and pseudo-code: log INIT; on VOTE_REQUEST log
 * the vote and answer it; in READY wait for the coordinator's decision, and if it does not come, ask the
 * other participants and act by the recovery table. Every state is logged before it is acted on.
 */
final class Participant implements AsyncProcess {
    static final String VOTE_REQUEST_TIMER = "vote-request-timeout";
    static final String DECISION_TIMER = "decision-timeout";

    private final int coordinator;
    private final List<Integer> otherParticipants;
    /** The vote this participant will cast when asked, from the recipe. */
    private final Vote plannedVote;
    private final Timeouts timeouts;
    private final LoggedState state = new LoggedState();
    /** Null until the participant starts asking the others (after a READY timeout or a recovery in READY). */
    private DecisionInquiry inquiry;
    /** Participants that asked while this one was READY too: they hear its decision as soon as it learns it. */
    private final SortedSet<Integer> askedWhileReady = new TreeSet<>();

    Participant(int coordinator, List<Integer> otherParticipants, Vote plannedVote, Timeouts timeouts) {
        this.coordinator = coordinator;
        this.otherParticipants = List.copyOf(otherParticipants);
        this.plannedVote = plannedVote;
        this.timeouts = timeouts;
    }

    @Override
    public void onStart(Context ctx) {
        state.open(ctx);
        state.enter(ctx, State.INIT);
        ctx.setTimer(VOTE_REQUEST_TIMER, timeouts.init());
    }

    @Override
    public void onRecover(Context ctx) {
        switch (state.recover(ctx)) {
            case INIT -> {
                ctx.note("recovered in INIT: never voted, so it is safe to abort; telling the coordinator");
                abortUnilaterally(ctx);
            }
            case READY -> {
                ctx.note("recovered in READY: cannot decide alone, asking the other participants");
                startAsking(ctx);
            }
            default -> {
                ctx.note("recovered in " + state.current() + ": entering it again is idempotent; "
                        + "re-sending the decision to the coordinator");
                ctx.send(coordinator, new Ack(state.current()));
            }
        }
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (message instanceof VoteRequest) {
            onVoteRequest(ctx);
        } else if (message instanceof GlobalCommit) {
            learnDecision(ctx, State.COMMIT, "GLOBAL_COMMIT from the coordinator");
        } else if (message instanceof GlobalAbort) {
            learnDecision(ctx, State.ABORT, "GLOBAL_ABORT from the coordinator");
        } else if (message instanceof DecisionRequest) {
            onDecisionRequest(ctx, from);
        } else if (message instanceof DecisionReply reply) {
            onDecisionReply(ctx, from, reply.state());
        }
    }

    @Override
    public void onTimer(Context ctx, String timer) {
        if (timer.equals(VOTE_REQUEST_TIMER) && state.current() == State.INIT) {
            ctx.note("no VOTE_REQUEST within " + timeouts.init() + " ticks: aborting locally");
            abortUnilaterally(ctx);
        } else if (timer.equals(DECISION_TIMER) && state.current() == State.READY) {
            onDecisionTimeout(ctx);
        }
    }

    private void onVoteRequest(Context ctx) {
        switch (state.current()) {
            case INIT -> vote(ctx);
            // Asked again: the coordinator recovered in WAIT and lost the votes; repeat what the state implies.
            case READY, COMMIT -> ctx.send(coordinator, new VoteCommit());
            default -> ctx.send(coordinator, new VoteAbort());
        }
    }

    private void vote(Context ctx) {
        ctx.cancelTimer(VOTE_REQUEST_TIMER);
        state.logVote(plannedVote);
        if (plannedVote == Vote.COMMIT) {
            state.enter(ctx, State.READY);
            ctx.send(coordinator, new VoteCommit());
            ctx.setTimer(DECISION_TIMER, timeouts.decision());
        } else {
            state.enter(ctx, State.ABORT);
            ctx.send(coordinator, new VoteAbort());
        }
    }

    /** INIT → ABORT without being asked to vote: the coordinator learns it as a VOTE_ABORT. */
    private void abortUnilaterally(Context ctx) {
        ctx.cancelTimer(VOTE_REQUEST_TIMER);
        state.enter(ctx, State.ABORT);
        ctx.send(coordinator, new VoteAbort());
    }

    private void learnDecision(Context ctx, State decision, String source) {
        if (!state.current().isDecision()) {
            ctx.cancelTimer(VOTE_REQUEST_TIMER);
            ctx.cancelTimer(DECISION_TIMER);
            ctx.note(source + " → " + decision);
            state.enter(ctx, decision);
            for (int asker : askedWhileReady) {
                ctx.send(asker, new DecisionReply(decision));
            }
            askedWhileReady.clear();
        }
        ctx.send(coordinator, new Ack(state.current()));
    }

    private void onDecisionRequest(Context ctx, int asker) {
        State mine = state.current();
        ctx.send(asker, new DecisionReply(mine));
        if (mine == State.READY) {
            askedWhileReady.add(asker);
        } else if (mine == State.INIT) {
            // The seed: if Q is still in INIT the coordinator cannot have decided commit, and both abort.
            ctx.note(Names.of(asker) + " is READY and asked; still in INIT, so the coordinator cannot commit: aborting");
            abortUnilaterally(ctx);
        }
    }

    private void onDecisionReply(Context ctx, int q, State stateOfQ) {
        if (state.current() != State.READY) {
            return;
        }
        switch (RecoveryTable.actionFor(stateOfQ)) {
            case COMMIT -> learnDecision(ctx, State.COMMIT, Names.of(q) + " is in COMMIT");
            case ABORT -> learnDecision(ctx, State.ABORT, Names.of(q) + " is in " + stateOfQ);
            case CONTACT_ANOTHER -> {
                if (inquiry.answeredReadyAndNowBlocked(q)) {
                    ctx.note("blocked: all contacted participants (" + Names.listed(otherParticipants)
                            + ") are READY, coordinator " + Names.of(coordinator) + " unreachable; waiting for the "
                            + "coordinator's decision");
                }
            }
        }
    }

    private void onDecisionTimeout(Context ctx) {
        if (inquiry == null) {
            ctx.note("no decision from coordinator " + Names.of(coordinator) + " within " + timeouts.decision()
                    + " ticks: asking the other participants");
            startAsking(ctx);
        } else if (!inquiry.blocked()) {
            askAgain(ctx);
        }
        // Blocked (every other participant is READY): only the coordinator knows the outcome, and it multicasts
        // its decision, or VOTE_REQUEST, when it recovers; a peer that learns it first answers again.
    }

    private void startAsking(Context ctx) {
        inquiry = new DecisionInquiry(otherParticipants);
        askAgain(ctx);
    }

    /**
     * A participant that has not heard from every peer never stops asking: a peer that is down may recover
     * into COMMIT or ABORT. The pause doubles each time, so a peer that never recovers costs a few dozen
     * messages, not a trace full of them.
     */
    private void askAgain(Context ctx) {
        inquiry.askAll(ctx);
        int doublings = Math.min(inquiry.rounds() - 1, 30);
        ctx.setTimer(DECISION_TIMER, timeouts.retryInterval() * (1L << doublings));
    }

    @Override
    public Object fingerprint() {
        return Arrays.asList(state.current(), inquiry == null ? null : inquiry.fingerprint(), List.copyOf(askedWhileReady));
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("role", "participant");
        view.put("state", state.current().name());
        view.put("plannedVote", plannedVote.name());
        Vote vote = state.vote();
        view.put("vote", vote == null ? null : vote.name());
        view.put("decision", state.current().isDecision() ? state.current().name() : null);
        view.put("waitingFor", Names.of(waitingFor()));
        view.put("blocked", inquiry != null && inquiry.blocked() && state.current() == State.READY);
        view.put("inquiry", inquiry == null ? null : inquiry.view());
        view.put("log", state.entries());
        return view;
    }

    @Override
    public StateDisplay display() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("state", state.current().name());
        fields.put("plannedVote", plannedVote.name());
        Vote vote = state.vote();
        fields.put("vote", vote == null ? null : vote.name());
        fields.put("decision", state.current().isDecision() ? state.current().name() : null);
        fields.put("blocked", inquiry != null && inquiry.blocked() && state.current() == State.READY);
        fields.put("inquiryRounds", inquiry == null ? 0 : inquiry.rounds());
        List<StateDisplay.Section> sections = new ArrayList<>();
        sections.add(new StateDisplay.Fields("Participant", fields));
        sections.add(new StateDisplay.Set("Waiting for", new ArrayList<>(Names.of(waitingFor()))));
        if (inquiry != null) {
            sections.add(inquiry.table());
        }
        sections.add(state.table());
        return new StateDisplay(sections);
    }

    /** INIT: the VOTE_REQUEST; READY: the decision from the coordinator, and answers not yet received. */
    private List<Integer> waitingFor() {
        List<Integer> waiting = new ArrayList<>();
        if (!state.current().isDecision()) {
            waiting.add(coordinator);
        }
        if (state.current() == State.READY && inquiry != null) {
            waiting.addAll(inquiry.unanswered());
        }
        return waiting;
    }
}

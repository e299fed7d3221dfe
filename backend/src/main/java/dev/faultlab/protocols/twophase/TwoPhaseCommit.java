package dev.faultlab.protocols.twophase;

import dev.faultlab.check.AgreementMonitor;
import dev.faultlab.check.TerminationMonitor;
import dev.faultlab.check.ValidityMonitor;
import dev.faultlab.key.AnswerKey;
import dev.faultlab.key.KeyedProtocol;
import dev.faultlab.protocols.twophase.key.TwoPhaseKeys;
import dev.faultlab.sim.FailureModel;
import dev.faultlab.sim.Goal;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.ParamSpec;
import dev.faultlab.sim.Params;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.RecipeException;
import dev.faultlab.sim.RoleSpec;
import dev.faultlab.sim.Setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Two-phase commit as taught in the course: one coordinator, the other processes participants, one
 * transaction per run. Participants in READY that time out ask each other and act by the recovery table;
 * with the coordinator down and everyone READY the protocol blocks.
 */
public final class TwoPhaseCommit implements KeyedProtocol {
    public static final String ID = "twophase";
    /** The coordinator's role in a run ({@link dev.faultlab.sim.Simulation#roles()}). */
    public static final String COORDINATOR = "coordinator";
    /** The goal of a participant left in READY with no one to tell it the decision. */
    public static final String BLOCKED = "blocked-in-ready";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Two-phase commit (2PC)";
    }

    @Override
    public String description() {
        return "The coordinator asks every participant to vote, then multicasts GLOBAL_COMMIT if all voted commit "
                + "and GLOBAL_ABORT otherwise. Each process logs a state before acting on it and recovers from "
                + "its log. A READY participant that hears nothing asks the others until it learns the outcome; "
                + "only when all of them are READY and the coordinator is down does it block.";
    }

    @Override
    public List<RoleSpec> roles() {
        return List.of(new RoleSpec(COORDINATOR, "asks for votes and decides"),
                new RoleSpec("participant", "votes, then commits or aborts as told"));
    }

    /** A participant or coordinator that crashed and recovered from its log still has to reach the outcome. */
    @Override
    public FailureModel failureModel() {
        return FailureModel.CRASH_RECOVERY;
    }

    @Override
    public List<AnswerKey> answerKeys() {
        return TwoPhaseKeys.all();
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer("participants", 2, 31, 3, "number of participants; the run has one more process, the coordinator"),
                ParamSpec.integer("coordinator", 0, 31, 0, "id of the coordinator; every other process is a participant"),
                ParamSpec.list("votes", "each participant's vote, \"commit\" or \"abort\", in ascending id order; "
                        + "leave out to draw them with abortProbability"),
                ParamSpec.decimal("abortProbability", 0, 1, null, "without votes: the chance that a participant votes "
                        + "abort, drawn from the recipe's seed; leave out for all commit"),
                ParamSpec.integer("voteTimeout", 1, 10_000, 10, "coordinator in WAIT: ticks to wait for all votes before GLOBAL_ABORT"),
                ParamSpec.integer("initTimeout", 1, 10_000, 10, "participant in INIT: ticks to wait for VOTE_REQUEST before aborting"),
                ParamSpec.integer("decisionTimeout", 1, 10_000, 10, "participant in READY: ticks to wait for the decision "
                        + "before asking the other participants"),
                ParamSpec.integer("retryInterval", 1, 10_000, 10, "ticks between the coordinator's re-sent decisions; a READY "
                        + "participant waits this long before asking again, twice as long the next time, and so on"),
                ParamSpec.integer("maxRetries", 0, 1_000, 5, "how often the coordinator re-sends its decision to participants "
                        + "that have not acknowledged it; a READY participant keeps asking until every other participant "
                        + "has answered"));
    }

    @Override
    public Setup setup(Params params) {
        int n = params.getInt("participants") + 1;
        int coordinator = coordinatorOf(params);
        List<Integer> participants = new ArrayList<>();
        for (int node = 0; node < n; node++) {
            if (node != coordinator) {
                participants.add(node);
            }
        }
        List<Vote> votes = votes(params, participants.size());
        Timeouts timeouts = new Timeouts(params.getInt("voteTimeout"), params.getInt("initTimeout"),
                params.getInt("decisionTimeout"), params.getInt("retryInterval"), params.getInt("maxRetries"));
        return Setup.async(n, node -> {
            if (node == coordinator) {
                return new Coordinator(participants, timeouts);
            }
            List<Integer> others = new ArrayList<>(participants);
            others.remove(Integer.valueOf(node));
            return new Participant(coordinator, others, votes.get(participants.indexOf(node)), timeouts);
        }).withRoles(node -> node == coordinator ? COORDINATOR : "participant");
    }

    /**
     * Agreement and atomicity (no process commits while another aborts, crashed ones included), validity (COMMIT
     * only if every participant voted commit), termination (every process correct at the end decides) and
     * non-blocking (no participant is left up in READY without a way to learn the outcome), both judged at the end.
     */
    @Override
    public List<Monitor> monitors(Params params, NetworkSpec network) {
        int n = params.getInt("participants") + 1;
        List<Vote> votes = votes(params, n - 1);
        boolean allCommit = votes.stream().allMatch(vote -> vote == Vote.COMMIT);
        List<String> allowed = allCommit ? List.of(State.COMMIT.name(), State.ABORT.name()) : List.of(State.ABORT.name());
        return List.of(new AgreementMonitor(failureModel()), new Atomicity(),
                new ValidityMonitor(failureModel(), allowed, "but a participant voted abort (votes " + votes + ")",
                        allCommit ? "every participant voted commit, so either outcome is valid"
                                : "a participant voted abort and no process committed"),
                new TerminationMonitor(failureModel(), n, Long.MAX_VALUE), new NonBlocking(coordinatorOf(params)));
    }

    /** A participant up in READY that has asked everyone it can and still cannot learn the decision. */
    @Override
    public List<Goal> goals(Params params, NetworkSpec network) {
        return List.of(new Goal(BLOCKED, "a participant is blocked in READY: it voted commit and no process it can "
                + "reach knows the decision", states -> {
                    for (int node = 0; node < states.count(); node++) {
                        if (states.up(node) && Boolean.TRUE.equals(states.state(node).get("blocked"))) {
                            return true;
                        }
                    }
                    return false;
                }));
    }

    /** The coordinator's id in a recipe of this protocol, for checkers and graders. */
    public static int coordinatorOf(Recipe recipe) {
        return coordinatorOf(Params.check(new TwoPhaseCommit().parameters(), recipe.params(), recipe.seed()));
    }

    private static int coordinatorOf(Params params) {
        int coordinator = params.getInt("coordinator");
        int participants = params.getInt("participants");
        if (coordinator > participants) {
            throw new RecipeException("params.coordinator", "must be a process id from 0 to " + participants
                    + " (there are " + (participants + 1) + " processes), got " + coordinator);
        }
        return coordinator;
    }

    private static List<Vote> votes(Params params, int participants) {
        if (params.has("votes") && params.has("abortProbability")) {
            throw new RecipeException("params.abortProbability", "give either votes or abortProbability, not both");
        }
        List<Vote> votes = new ArrayList<>();
        if (params.has("votes")) {
            List<?> given = params.getList("votes").orElseThrow();
            if (given.size() != participants) {
                throw new RecipeException("params.votes", "must give one vote per participant (" + participants
                        + "), got " + given.size());
            }
            for (int i = 0; i < given.size(); i++) {
                votes.add(parseVote(i, given.get(i)));
            }
        } else {
            double abortProbability = params.has("abortProbability") ? params.getDouble("abortProbability") : 0;
            SplittableRandom random = params.random();
            for (int i = 0; i < participants; i++) {
                votes.add(random.nextDouble() < abortProbability ? Vote.ABORT : Vote.COMMIT);
            }
        }
        return votes;
    }

    private static Vote parseVote(int index, Object vote) {
        if (vote instanceof String text) {
            String upper = text.toUpperCase(Locale.ROOT);
            if (upper.equals("COMMIT") || upper.equals("ABORT")) {
                return Vote.valueOf(upper);
            }
        }
        throw new RecipeException("params.votes", "element " + index + " must be \"commit\" or \"abort\", got " + vote);
    }
}

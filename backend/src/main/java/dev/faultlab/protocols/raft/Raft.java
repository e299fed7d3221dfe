package dev.faultlab.protocols.raft;

import dev.faultlab.key.AnswerKey;
import dev.faultlab.key.KeyedProtocol;
import dev.faultlab.protocols.raft.key.RaftKeys;
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

import java.util.List;

/**
 * Raft as the lecture teaches it: servers elect a leader per term with randomized election timeouts and
 * refuse candidates whose log is less up to date; the leader appends client requests as (operation, term,
 * index), replicates them and commits on a majority; followers commit what the leader tells them; clients
 * retransmit on a timeout or a redirect. Servers are processes 0 to n - 1, clients come after them.
 */
public final class Raft implements KeyedProtocol {
    public static final String ID = "raft";
    public static final String SERVER = "server";
    public static final String CLIENT = "client";
    /** The goal of two servers leading at once. */
    public static final String TWO_LEADERS = "two-leaders";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Raft";
    }

    @Override
    public String description() {
        return "Consensus on a replicated log under crash failures. A follower that hears no leader within its "
                + "randomized election timeout becomes candidate for the next term; servers vote once per term and "
                + "never for a candidate whose log is less up to date. The leader appends each client request to "
                + "its log, replicates it, commits it once a majority holds it, and tells followers what is "
                + "committed. Clients retransmit on a timeout or a redirect. Servers are P1 to Pn, clients "
                + "follow them.";
    }

    @Override
    public List<AnswerKey> answerKeys() {
        return RaftKeys.all();
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer("n", 1, 15, 5, "number of servers (P1 to Pn)"),
                ParamSpec.integer("clients", 0, 16, 1, "number of clients, numbered after the servers"),
                ParamSpec.integer("requests", 0, 1_000_000, 3, "requests each client makes, one after another"),
                ParamSpec.integer("electionTimeoutMin", 1, 100_000, 30, "shortest election timeout, in ticks"),
                ParamSpec.integer("electionTimeoutMax", 1, 100_000, 60, "longest election timeout; each timeout is drawn "
                        + "between the two (equal: no randomization, so elections can split for ever)"),
                ParamSpec.integer("heartbeat", 1, 100_000, 10, "ticks between the leader's heartbeats (AppendEntries)"),
                ParamSpec.integer("clientTimeout", 1, 100_000, 50, "ticks a client waits for an answer before retransmitting"),
                ParamSpec.integer("clientStart", 0, 1_000_000, 0, "ticks before the clients send their first request"),
                ParamSpec.integer("runFor", 1, 10_000_000, 1_000, "the servers run this many ticks: no timer fires later, "
                        + "so the run ends soon after"),
                ParamSpec.flag("upToDateCheck", true, "refuse votes to candidates whose log is less up to date; false is "
                        + "a deliberately broken variant for teaching, which a monitor catches"),
                ParamSpec.list("logs", "the log each server starts with, as the terms of its entries, e.g. [[1, 1, 2], [1, 1], []]; "
                        + "leave out for empty logs"),
                ParamSpec.intList("terms", 0, 1_000_000, "the current term each server starts in; leave out for the last "
                        + "term of its log"));
    }

    @Override
    public Setup setup(Params params) {
        RaftConfig config = config(params);
        InitialState initial = InitialState.of(params, config.servers());
        return Setup.async(config.servers() + config.clients(), node -> node < config.servers()
                        ? new Server(config, initial.terms().get(node), initial.logs().get(node))
                        : new Client(config))
                .withRoles(node -> node < config.servers() ? SERVER : CLIENT);
    }

    @Override
    public List<RoleSpec> roles() {
        return List.of(new RoleSpec(SERVER, "keeps the replicated log: follower, candidate or leader"),
                new RoleSpec(CLIENT, "sends requests to the leader and retransmits them; takes REQUEST interventions"));
    }

    /** Election safety, log matching, leader completeness, state machine safety, and a leader once the network heals. */
    @Override
    public List<Monitor> monitors(Params params, NetworkSpec network) {
        return RaftMonitors.properties(params, network);
    }

    /** A server that crashed and recovered from its stable storage is correct again. */
    @Override
    public FailureModel failureModel() {
        return FailureModel.CRASH_RECOVERY;
    }

    /** Two servers that both act as leader: a stale one that has not heard of the newer term yet, and the one elected in it. */
    @Override
    public List<Goal> goals(Params params, NetworkSpec network) {
        return List.of(new Goal(TWO_LEADERS, "two servers act as leader at the same moment (of different terms, "
                + "since each term has at most one)", states -> {
                    int leaders = 0;
                    for (int node = 0; node < states.count(); node++) {
                        leaders += states.up(node) && Role.LEADER.name().equals(states.state(node).get("role")) ? 1 : 0;
                    }
                    return leaders >= 2;
                }));
    }

    static RaftConfig config(Params params) {
        int min = params.getInt("electionTimeoutMin");
        int max = params.getInt("electionTimeoutMax");
        if (max < min) {
            throw new RecipeException("params.electionTimeoutMax", "must be at least electionTimeoutMin=" + min + ", got " + max);
        }
        return new RaftConfig(params.getInt("n"), params.getInt("clients"), params.getInt("requests"), min, max,
                params.getInt("heartbeat"), params.getInt("clientTimeout"), params.getInt("clientStart"),
                params.getInt("runFor"), params.getBoolean("upToDateCheck"));
    }

    /** The number of servers in a recipe of this protocol (the processes after them are clients). */
    public static int servers(Recipe recipe) {
        return settings(recipe).servers();
    }

    /** The longest election timeout of a recipe, for bounds on how soon a leader must appear. */
    public static int electionTimeoutMax(Recipe recipe) {
        return settings(recipe).electionMax();
    }

    /** The time after which no timer fires in a recipe's run. */
    public static int runFor(Recipe recipe) {
        return settings(recipe).runFor();
    }

    private static RaftConfig settings(Recipe recipe) {
        return config(Params.check(new Raft().parameters(), recipe.params(), recipe.seed()));
    }
}

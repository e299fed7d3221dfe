package dev.faultlab.protocols.pbft;

import dev.faultlab.key.AnswerKey;
import dev.faultlab.key.ChartKey;
import dev.faultlab.key.KeyedProtocol;
import dev.faultlab.protocols.pbft.key.PbftKeys;
import dev.faultlab.sim.BehaviourSpec;
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
 * Practical Byzantine Fault Tolerance as lecture 002 teaches it: n = 3k + 1 replicas, a primary per view, three
 * phases (pre-prepare, prepare, commit) with signed messages, clients that accept k + 1 matching replies, and a
 * view change carrying prepare certificates. Replicas are processes 0 to n - 1, clients follow them.
 */
public final class Pbft implements KeyedProtocol {
    public static final String ID = "pbft";
    public static final String REPLICA = "replica";
    public static final String CLIENT = "client";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "PBFT";
    }

    @Override
    public String description() {
        return "State machine replication that tolerates k Byzantine replicas out of n = 3k+1, with signed messages: "
                + "the primary timestamps each request (PRE-PREPARE), the backups agree on it (PREPARE, then COMMIT, "
                + "each needing 2k+1 matching messages), every replica executes it and replies, and a client accepts "
                + "k+1 matching replies. Backups that wait too long for a request replace the primary with a view "
                + "change that carries their prepare certificates into the new view.";
    }

    @Override
    public List<AnswerKey> answerKeys() {
        return PbftKeys.all();
    }

    @Override
    public List<ChartKey> chartKeys() {
        return PbftKeys.charts();
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer("k", 1, 5, 1, "Byzantine replicas to tolerate"),
                ParamSpec.integer("n", 3, 16, null, "number of replicas (P1 to Pn); leave out for 3k+1. At least 3k: "
                        + "n = 3k is allowed to show that it fails (the run warns, and the quorums of n-k replicas no "
                        + "longer share a correct one)"),
                ParamSpec.integer("clients", 0, 4, 1, "number of clients, numbered after the replicas"),
                ParamSpec.integer("requests", 0, 10_000, 2, "requests each client makes, one after another"),
                ParamSpec.integer("clientTimeout", 1, 100_000, 40, "ticks a client waits for k+1 matching replies before "
                        + "sending its request to every replica"),
                ParamSpec.integer("viewTimeout", 1, 100_000, 60, "ticks a backup waits for a request it knows of to be "
                        + "executed before asking for a view change (doubling with each view change in a row)"),
                ParamSpec.integer("runFor", 1, 10_000_000, 1_500, "no timer fires later, so the run ends soon after"));
    }

    @Override
    public Setup setup(Params params) {
        PbftConfig config = config(params);
        return Setup.async(config.n() + config.clients(), node -> node < config.n() ? new Replica(config) : new Client(config))
                .withRoles(node -> node < config.n() ? REPLICA : CLIENT);
    }

    @Override
    public List<RoleSpec> roles() {
        return List.of(new RoleSpec(REPLICA, "orders, executes and answers requests; P1 is the primary of view 0, "
                        + "view v's primary is P(v mod n + 1)"),
                new RoleSpec(CLIENT, "sends requests and accepts a result once k+1 replicas agree on it; takes REQUEST "
                        + "interventions"));
    }

    @Override
    public List<BehaviourSpec> behaviours() {
        return Behaviours.all();
    }

    /** Same operation at each timestamp, progress after a faulty primary, accepted results from k+1 correct replicas. */
    @Override
    public List<Monitor> monitors(Params params, NetworkSpec network) {
        return PbftMonitors.properties(config(params), network);
    }

    static PbftConfig config(Params params) {
        int k = params.getInt("k");
        int n = params.has("n") ? params.getInt("n") : 3 * k + 1;
        if (n < 3 * k) {
            throw new RecipeException("params.n", "must be at least 3k=" + (3 * k) + " for k=" + k + " (3k+1=" + (3 * k + 1)
                    + " tolerates k Byzantine replicas; 3k shows why fewer do not), got " + n);
        }
        return new PbftConfig(n, k, params.getInt("clients"), params.getInt("requests"), params.getInt("clientTimeout"),
                params.getInt("viewTimeout"), params.getInt("runFor"));
    }

    /** The checked settings of a recipe of this protocol. */
    public static PbftConfig config(Recipe recipe) {
        return config(Params.check(new Pbft().parameters(), recipe.params(), recipe.seed()));
    }
}

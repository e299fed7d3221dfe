package dev.faultlab.protocols.paxos;

import dev.faultlab.sim.FailureModel;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.ParamSpec;
import dev.faultlab.sim.Params;
import dev.faultlab.sim.Protocol;
import dev.faultlab.sim.RecipeException;
import dev.faultlab.sim.RoleSpec;
import dev.faultlab.sim.Setup;

import java.util.List;

/**
 * Classic Paxos with separate proposers, acceptors and learners: single-decree without clients (each proposer
 * proposes its own value for one slot), multi-decree with them (client requests fill slot after slot). A separate
 * protocol from {@link SlidesPaxos}: its roles, messages and parameters are others, and the slides' construction
 * reads better on its own.
 */
public final class ClassicPaxos implements Protocol {
    public static final String ID = "paxos-classic";
    public static final String PROPOSER = "proposer";
    public static final String ACCEPTOR = "acceptor";
    public static final String LEARNER = "learner";
    public static final String CLIENT = "client";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Paxos, classic (proposers, acceptors, learners)";
    }

    @Override
    public String description() {
        return "Proposers get numbered proposals promised by a majority of acceptors (PREPARE, PROMISE), must re-propose the "
                + "highest-numbered value an acceptor reports, and have it accepted (ACCEPT, ACCEPTED); learners take a value as "
                + "chosen once a majority accepted it under one number. Without clients each proposer proposes its own value for "
                + "one slot; with clients, slot after slot replicates their requests.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer("proposers", 1, 5, 2, "number of proposers, the first processes"),
                ParamSpec.integer("acceptors", 1, 9, 3, "number of acceptors, after the proposers"),
                ParamSpec.integer("learners", 1, 5, 1, "number of learners, after the acceptors"),
                ParamSpec.integer("clients", 0, 8, 0, "number of clients, after the learners; 0 is single-decree Paxos, where each "
                        + "proposer proposes its own value v1, v2, ..."),
                ParamSpec.integer("requests", 0, 1_000_000, 3, "requests each client makes, one after another"),
                ParamSpec.integer("backoffMin", 1, 100_000, 20, "shortest wait before a proposer tries again with a higher number"),
                ParamSpec.integer("backoffMax", 1, 100_000, 60, "longest such wait; each is drawn between the two"),
                ParamSpec.integer("clientTimeout", 1, 100_000, 120, "ticks a client waits before retransmitting to the next proposer"),
                ParamSpec.integer("runFor", 1, 10_000_000, 800, "no timer is set to fire after this tick, so the run ends soon after"));
    }

    @Override
    public Setup setup(Params params) {
        ClassicConfig config = config(params);
        int nodes = config.firstLearner() + config.learners() + config.clients();
        return Setup.async(nodes, node -> node < config.proposers() ? new Proposer(config)
                        : config.acceptor(node) ? new Acceptor(config)
                        : node < config.firstLearner() + config.learners() ? new Learner(config)
                        : new Client(config.client()))
                .withRoles(node -> node < config.proposers() ? PROPOSER : config.acceptor(node) ? ACCEPTOR
                        : node < config.firstLearner() + config.learners() ? LEARNER : CLIENT);
    }

    @Override
    public List<RoleSpec> roles() {
        return List.of(new RoleSpec(PROPOSER, "gets proposals promised and accepted; serves clients"),
                new RoleSpec(ACCEPTOR, "promises and accepts proposals; keeps both on stable storage"),
                new RoleSpec(LEARNER, "executes a value once a majority of acceptors accepted it"),
                new RoleSpec(CLIENT, "sends requests to a proposer and retransmits them; takes REQUEST interventions"));
    }

    /** One value chosen per slot (from the acceptors' ACCEPTED), the same value per slot at the learners, prefix order. */
    @Override
    public List<Monitor> monitors(Params params, NetworkSpec network) {
        ClassicConfig config = config(params);
        return List.of(new ChosenOnce(config.majority(), config::acceptor), new SameOpPerTimestamp(), new PrefixOrder());
    }

    /** An acceptor that recovered from its stable storage is correct again. */
    @Override
    public FailureModel failureModel() {
        return FailureModel.CRASH_RECOVERY;
    }

    static ClassicConfig config(Params params) {
        int min = params.getInt("backoffMin");
        int max = params.getInt("backoffMax");
        if (max < min) {
            throw new RecipeException("params.backoffMax", "must be at least backoffMin=" + min + ", got " + max);
        }
        int proposers = params.getInt("proposers");
        int acceptors = params.getInt("acceptors");
        int learners = params.getInt("learners");
        int runFor = params.getInt("runFor");
        ClientConfig client = new ClientConfig(proposers, proposers + acceptors + learners, params.getInt("requests"),
                params.getInt("clientTimeout"), 0, runFor);
        return new ClassicConfig(proposers, acceptors, learners, params.getInt("clients"), client, min, max, runFor);
    }
}

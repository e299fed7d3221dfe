package dev.faultlab.protocols.voting;

import dev.faultlab.key.AnswerKey;
import dev.faultlab.key.KeyedProtocol;
import dev.faultlab.protocols.voting.key.VotingKeys;
import dev.faultlab.sim.BehaviourSpec;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.ParamSpec;
import dev.faultlab.sim.Params;
import dev.faultlab.sim.RecipeException;
import dev.faultlab.sim.RoleSpec;
import dev.faultlab.sim.Setup;

import java.util.ArrayList;
import java.util.List;

/**
 * State machine replication with voting (lectures 003 and 004): deterministic replicas answer a client's request and
 * a voter combines their answers by the rule of the fault model the group is sized for.
 */
public final class Voting implements KeyedProtocol {
    public static final String ID = "voting";
    /** The most chains a Byzantine-model replica may keep: n (n-1) ... (n-k) of them. */
    static final int MAX_CHAINS = 10_000;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Voting groups (state machine replication)";
    }

    @Override
    public String description() {
        return "Deterministic replicas each compute the client's request and a voter combines their answers: the first answer "
                + "masks k fail-silent replicas with k+1, a majority masks k wrong values with 2k+1 (three: triple modular "
                + "redundancy), and Byzantine replicas that must agree among themselves need 3k+1. The voter sits in the client, "
                + "sharing its fate, or runs apart as one more process that can fail.";
    }

    @Override
    public List<RoleSpec> roles() {
        return List.of(new RoleSpec(VotingStates.REPLICA, "squares the client's number; in the Byzantine model agrees with the others first"),
                new RoleSpec(VotingStates.VOTER, "combines the replicas' answers (only with voter: separate)"),
                new RoleSpec(VotingStates.CLIENT, "sends its number to every replica and accepts one result"));
    }

    @Override
    public List<BehaviourSpec> behaviours() {
        return Behaviours.ALL;
    }

    @Override
    public List<AnswerKey> answerKeys() {
        return VotingKeys.all();
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer("n", 1, 13, 3, "how many replicas (3: triple modular redundancy)"),
                ParamSpec.text("model", Model.VALUE.id(), "the faults the group is built to mask, which sets the vote: fail-silent "
                        + "(first answer), value (majority) or byzantine (agreement among the replicas, then majority)"),
                ParamSpec.integer("k", 1, 3, 1, "byzantine model: the faults the agreement is built for; it runs k+1 rounds"),
                ParamSpec.text("voter", "client", "client: the client votes itself (voter and client share fate); separate: a voter "
                        + "process between replicas and client"),
                ParamSpec.integer("input", 0, 1_000, 7, "the client's number; every correct replica answers its square"));
    }

    @Override
    public Setup setup(Params params) {
        VotingConfig config = config(params);
        return Setup.rounds(config.nodes(), config.rounds(), node -> {
            if (node < config.replicas()) {
                return new Replica(config, node);
            }
            return node == config.client() ? new Client(config) : new Voter(config);
        }).withRoles(node -> node < config.replicas() ? VotingStates.REPLICA
                : node == config.client() ? VotingStates.CLIENT : VotingStates.VOTER);
    }

    /** The voter's output is the correct result; in the Byzantine model also that correct replicas agree on it. */
    @Override
    public List<Monitor> monitors(Params params, NetworkSpec network) {
        VotingConfig config = config(params);
        List<Monitor> monitors = new ArrayList<>(List.of(new VoterOutputCorrect(config.client(), config.correct())));
        if (config.model() == Model.BYZANTINE) {
            monitors.add(new ReplicasAgree(config.replicas(), config.correct()));
        }
        return monitors;
    }

    static VotingConfig config(Params params) {
        Model model = Model.of(params.getString("model"));
        if (model == null) {
            throw new RecipeException("params.model", "must be fail-silent, value or byzantine, got '" + params.getString("model") + "'");
        }
        String voter = params.getString("voter");
        if (!voter.equals("client") && !voter.equals("separate")) {
            throw new RecipeException("params.voter", "must be client or separate, got '" + voter + "'");
        }
        int n = params.getInt("n");
        int k = params.getInt("k");
        if (model == Model.BYZANTINE) {
            long chains = 1;
            for (int i = 0; i <= k; i++) {
                chains *= Math.max(1, n - i);
            }
            if (chains > MAX_CHAINS) {
                throw new RecipeException("params.n", "the agreement for k=" + k + " would keep " + chains + " chains of relays per "
                        + "replica with n=" + n + "; at most " + MAX_CHAINS + " fit (use fewer replicas or a smaller k)");
            }
        }
        return new VotingConfig(n, model, k, voter.equals("separate"), params.getInt("input"));
    }
}

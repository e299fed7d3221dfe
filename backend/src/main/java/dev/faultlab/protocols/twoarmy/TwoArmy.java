package dev.faultlab.protocols.twoarmy;

import dev.faultlab.key.AnswerKey;
import dev.faultlab.key.KeyedProtocol;
import dev.faultlab.protocols.twoarmy.key.TwoArmyKeys;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.ParamSpec;
import dev.faultlab.sim.Params;
import dev.faultlab.sim.RoleSpec;
import dev.faultlab.sim.Setup;

import java.util.List;

/**
 * The two-army (coordinated attack) problem of the course: Sparta and Carthage win only if both attack at noon, and
 * their messengers cross a valley where the enemy may catch them. The protocol sends k messages, the order and
 * k-1 acknowledgements back and forth, one per synchronous round; whatever k is, losing the last one leaves one
 * general attacking alone.
 */
public final class TwoArmy implements KeyedProtocol {
    public static final String ID = "twoarmy";
    public static final int SPARTA = 0;
    public static final int CARTHAGE = 1;
    public static final int MAX_MESSAGES = 20;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "The two-army problem (coordinated attack)";
    }

    @Override
    public String description() {
        return "Sparta orders an attack at noon and the generals acknowledge each other's messengers k times across a "
                + "valley that may swallow any of them. Whatever k you pick, losing the last messenger makes one general attack alone.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.integer("k", 1, MAX_MESSAGES, 3,
                "messages in the protocol: Sparta's order, then k-1 acknowledgements back and forth, one per round"));
    }

    @Override
    public List<RoleSpec> roles() {
        return List.of(new RoleSpec("sparta", "P1: sends the order to attack at noon, then every odd-numbered message"),
                new RoleSpec("carthage", "P2: acknowledges the order, then sends every even-numbered message"));
    }

    @Override
    public Setup setup(Params params) {
        int k = params.getInt("k");
        return Setup.rounds(2, k, node -> new General(node, k)).withRoles(node -> node == SPARTA ? "sparta" : "carthage");
    }

    @Override
    public List<Monitor> monitors(Params params, NetworkSpec network) {
        return List.of(new CoordinatedAttack());
    }

    @Override
    public List<AnswerKey> answerKeys() {
        return TwoArmyKeys.all();
    }

    /** How the lecture names a general: "Sparta (P1)". */
    public static String nameOf(int node) {
        return node == SPARTA ? "Sparta (P1)" : "Carthage (P2)";
    }
}

package dev.faultlab.protocols.cap;

import dev.faultlab.key.AnswerKey;
import dev.faultlab.key.KeyedProtocol;
import dev.faultlab.protocols.cap.key.CapKeys;
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
 * CAP, as the course states it: a register replicated on n processes, read and written by clients, cannot stay both
 * consistent (one up-to-date copy) and available (every request answered) once a partition splits the replicas.
 * The mode chooses which one to give up; the two monitors show which one went.
 */
public final class Cap implements KeyedProtocol {
    public static final String ID = "cap";
    public static final String REPLICA = "replica";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "CAP: a replicated register under a partition";
    }

    @Override
    public String description() {
        return "Replicas of one register serve reads and writes that clients hand them; cut them apart and pick your mode. "
                + "In consistency mode the side without a majority refuses requests, in availability mode it answers with a stale value.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer("n", 2, 7, 3, "replicas of the register"),
                ParamSpec.text("mode", Mode.CONSISTENCY.id(), "consistency: serve a request only through a majority of replicas, "
                        + "refuse it otherwise; availability: answer at once from the replica's own copy"),
                ParamSpec.integer("timeout", 1, 1_000, 10, "consistency mode: ticks a replica waits for a majority before it refuses"),
                ParamSpec.integer("gossip", 0, 1_000, 20, "availability mode: ticks between two passings-on of a replica's value (0: only after a write)"),
                ParamSpec.integer("runFor", 0, 100_000, 200, "availability mode: replicas pass their values on until this time"));
    }

    @Override
    public List<RoleSpec> roles() {
        return List.of(new RoleSpec(REPLICA, "holds a copy of the register; takes REQUEST interventions: 'read' or 'write 5'"));
    }

    @Override
    public Setup setup(Params params) {
        CapConfig config = config(params);
        return Setup.async(config.n(), node -> new Replica(config)).withRoles(node -> REPLICA);
    }

    static CapConfig config(Params params) {
        Mode mode = Mode.of(params.getString("mode"));
        if (mode == null) {
            throw new RecipeException("params.mode", "must be one of " + Mode.ids() + ", got '" + params.getString("mode") + "'");
        }
        return new CapConfig(params.getInt("n"), mode, params.getInt("timeout"), params.getInt("gossip"), params.getInt("runFor"));
    }

    /** The settings of a run of this recipe. */
    public static CapConfig config(Recipe recipe) {
        return config(Params.check(new Cap().parameters(), recipe.params(), recipe.seed()));
    }

    @Override
    public List<Monitor> monitors(Params params, NetworkSpec network) {
        return List.of(new Linearizable(), new Available());
    }

    @Override
    public List<AnswerKey> answerKeys() {
        return CapKeys.all();
    }
}

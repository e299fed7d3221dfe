package dev.faultlab.protocols.primarybackup;

import dev.faultlab.key.AnswerKey;
import dev.faultlab.key.KeyedProtocol;
import dev.faultlab.protocols.primarybackup.key.PbKeys;
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
 * Primary-backup replication as lecture 004 builds it: crash failures, synchronous reliable FIFO channels with a
 * delay bound, a primary that syncs its backups before it answers, and backups that take over on a timeout; with
 * active, passive and semi-active replication (lecture 000) as a parameter.
 */
public final class PrimaryBackup implements KeyedProtocol {
    /** Its safety rests on timeouts: a message not there by its bound is taken as lost, or its sender as crashed. */
    @Override
    public boolean synchronous() {
        return true;
    }

    public static final String ID = "primarybackup";
    public static final String SERVER = "server";
    public static final String CLIENT = "client";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Primary-backup replication";
    }

    @Override
    public String description() {
        return "Clients talk to one primary, which syncs its backups (with the request in active replication, the new state "
                + "in passive, the request and its random choices in semi-active) before it answers, and says \"I'm alive\" until "
                + "it crashes and the next backup takes over after a timeout. The model assumes reliable channels with a delay "
                + "bound: let them lose messages and an acknowledged update can be lost.";
    }

    @Override
    public List<RoleSpec> roles() {
        return List.of(new RoleSpec(SERVER, "a replica of the register: P1 starts as the primary, the others as backups"),
                new RoleSpec(CLIENT, "sends the workload's operations and those REQUEST interventions hand it to the server it takes "
                        + "for the primary"));
    }

    @Override
    public List<AnswerKey> answerKeys() {
        return PbKeys.all();
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer("backups", 1, 6, 1, "how many backups (f, the crashes tolerated); the run has f + 1 servers"),
                ParamSpec.integer("clients", 0, 3, 1, "how many clients; they come after the servers"),
                ParamSpec.text("mode", Mode.PASSIVE.id(), "what the primary sends its backups: active (the request), passive "
                        + "(the state update) or semi-active (the request and the leader's random choice)"),
                ParamSpec.integer("delta", 1, 1_000, 5, "the delay bound the servers assume, in ticks; the primary waits 2 delta + 1 for "
                        + "acknowledgements. Give the network a delay of at most this"),
                ParamSpec.integer("heartbeat", 1, 10_000, 10, "ticks between the primary's \"I'm alive\" messages"),
                ParamSpec.integer("timeout", 1, 100_000, 20, "ticks of silence after which a backup takes the primary it follows "
                        + "for crashed"),
                ParamSpec.integer("clientRetry", 1, 100_000, 60, "ticks a client waits for an answer before it asks the next server"),
                ParamSpec.list("workload", "each client's operations, in order: set k, add k or random"),
                ParamSpec.integer("clientStart", 0, 100_000, 20, "tick at which the clients send their first request"),
                ParamSpec.integer("gap", 1, 100_000, 10, "ticks a client waits after an answer before its next request"),
                ParamSpec.integer("runFor", 1, 1_000_000, 300, "no heartbeat, takeover or request is timed after this tick, so the run ends"));
    }

    static final List<String> DEFAULT_WORKLOAD = List.of("set 1", "add 2", "random", "add 3");

    @Override
    public Setup setup(Params params) {
        PbConfig config = config(params);
        return Setup.async(config.servers() + config.clients(), node -> config.isServer(node) ? new Server(config, node) : new Client(config))
                .withRoles(node -> config.isServer(node) ? SERVER : CLIENT);
    }

    /** No acknowledged update lost across a failover; clients see one history. */
    @Override
    public List<Monitor> monitors(Params params, NetworkSpec network) {
        return List.of(new AcknowledgedUpdatesKept(params.getInt("backups") + 1), new OneHistory());
    }

    static PbConfig config(Params params) {
        Mode mode = Mode.of(params.getString("mode"));
        if (mode == null) {
            throw new RecipeException("params.mode", "must be active, passive or semi-active, got '" + params.getString("mode") + "'");
        }
        List<?> raw = params.getList("workload").orElse(DEFAULT_WORKLOAD);
        List<Operation> workload = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Operation op = raw.get(i) instanceof String text ? Operation.parse(text) : null;
            if (op == null) {
                throw new RecipeException("params.workload", "element " + i + " must be an operation (" + Operation.SYNTAX + "), got '"
                        + raw.get(i) + "'");
            }
            workload.add(op);
        }
        return new PbConfig(params.getInt("backups") + 1, params.getInt("clients"), mode, params.getInt("delta"),
                params.getInt("heartbeat"), params.getInt("timeout"), params.getInt("clientRetry"), workload,
                params.getInt("clientStart"), params.getInt("gap"), params.getInt("runFor"));
    }
}

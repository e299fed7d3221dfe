package dev.faultlab.protocols.rpc;

import dev.faultlab.key.AnswerKey;
import dev.faultlab.key.ChartKey;
import dev.faultlab.key.KeyedProtocol;
import dev.faultlab.protocols.rpc.key.RpcKeys;
import dev.faultlab.sim.FailureModel;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.ParamSpec;
import dev.faultlab.sim.Params;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.RecipeException;
import dev.faultlab.sim.RoleSpec;
import dev.faultlab.sim.Setup;

import java.util.List;
import java.util.function.Function;

/**
 * Remote procedure calls in the presence of failures (lecture 002, "Reliable client-server communication"): one
 * server (P1) and one or more clients. The five failure classes, the server's two orders of completion message
 * and work against the client's four reissue strategies, sequence numbers against duplicates, and the four
 * remedies for orphans of a crashed client.
 */
public final class Rpc implements KeyedProtocol {
    public static final String ID = "rpc";
    public static final String SERVER = "server";
    public static final String CLIENT = "client";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "RPC failure semantics";
    }

    @Override
    public String description() {
        return "A client calls a server that sends its completion message before or after doing the work, and reissues "
                + "lost or unanswered calls by one of four strategies, so crashes and lost messages leave a call done once, "
                + "twice or not at all. Sequence numbers let the server refuse duplicates, and four remedies deal with the "
                + "orphans a crashed client leaves behind.";
    }

    @Override
    public List<RoleSpec> roles() {
        return List.of(new RoleSpec(SERVER, "carries out calls on two bank accounts and a printer; announces its recovery"),
                new RoleSpec(CLIENT, "locates the server and makes its calls; REQUEST interventions add calls"));
    }

    /** A crashed server or client that recovered from its stable storage is correct again. */
    @Override
    public FailureModel failureModel() {
        return FailureModel.CRASH_RECOVERY;
    }

    @Override
    public List<AnswerKey> answerKeys() {
        return RpcKeys.all();
    }

    /** Space-time diagrams of one call, drawn from its run, for lab figures. */
    @Override
    public List<ChartKey> chartKeys() {
        return RpcKeys.charts();
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer("clients", 1, 8, 1, "number of clients; the server is P1, the clients P2 onwards"),
                ParamSpec.integer("calls", 0, 20, 1, "calls each client makes, one after another"),
                ParamSpec.text("operation", "transfer", "what each call does: " + String.join(", ", Operation.ids())
                        + " (print a document; transfer the amount from account A to B; set B to the amount, which is idempotent)"),
                ParamSpec.integer("amount", 1, 1_000, 50, "the amount a transfer moves or a set writes"),
                ParamSpec.text("order", "PM", "the server's order: MP sends the completion message M, then does the work P; "
                        + "PM does the work, then sends M"),
                ParamSpec.text("strategy", "unacked", "when a client reissues a call it is unsure of: "
                        + String.join(", ", Strategy.ids()) + " (acked: only when the completion message came)"),
                ParamSpec.flag("dedup", false, "the server keeps the last sequence number of each client in stable storage "
                        + "and answers a duplicate from its table instead of carrying it out again"),
                ParamSpec.integer("work", 0, 1_000, 2, "ticks the server works on a call"),
                ParamSpec.integer("timeout", 1, 10_000, 20, "ticks a client waits for the completion message before it "
                        + "applies its strategy"),
                ParamSpec.integer("retries", 0, 20, 3, "how many times a client reissues a call after timeouts or aborts"),
                ParamSpec.integer("locateTimeout", 1, 1_000, 10, "ticks a client waits for the server to answer LOCATE "
                        + "before it reports that it cannot locate the server"),
                ParamSpec.text("remedy", "none", "what deals with orphans of a crashed client: " + java.util.Arrays.stream(Remedy.values())
                        .map(r -> r.id() + " (" + r.description() + ")").collect(java.util.stream.Collectors.joining("; "))),
                ParamSpec.integer("lease", 2, 10_000, 10, "expiration: the lease T of every call, in ticks"));
    }

    @Override
    public Setup setup(Params params) {
        RpcConfig config = config(params);
        return Setup.async(config.clients() + 1, node -> node == RpcConfig.SERVER ? new Server(config) : new Client(config))
                .withRoles(node -> node == RpcConfig.SERVER ? SERVER : CLIENT);
    }

    /** At-most-once, at-least-once and exactly-once per call; no orphan runs to its end; only orphans are killed. */
    @Override
    public List<Monitor> monitors(Params params, NetworkSpec network) {
        return RpcMonitors.all();
    }

    /** The checked configuration of a recipe of this protocol. */
    public static RpcConfig config(Recipe recipe) {
        return config(Params.check(new Rpc().parameters(), recipe.params(), recipe.seed()));
    }

    static RpcConfig config(Params params) {
        return new RpcConfig(params.getInt("clients"), params.getInt("calls"),
                named(params, "operation", Operation::of, Operation.ids()), params.getInt("amount"),
                named(params, "order", Order::of, Order.ids()), named(params, "strategy", Strategy::of, Strategy.ids()),
                params.getBoolean("dedup"), params.getInt("work"), params.getInt("timeout"), params.getInt("retries"),
                params.getInt("locateTimeout"), named(params, "remedy", Remedy::of, Remedy.ids()), params.getInt("lease"));
    }

    private static <T> T named(Params params, String name, Function<String, T> of, List<String> known) {
        String given = params.getString(name);
        T value = of.apply(given);
        if (value == null) {
            throw new RecipeException("params." + name, "must be one of " + String.join(", ", known) + ", got '" + given + "'");
        }
        return value;
    }
}

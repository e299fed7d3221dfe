package dev.faultlab.protocols.paxos;

import dev.faultlab.key.AnswerKey;
import dev.faultlab.key.KeyedProtocol;
import dev.faultlab.protocols.paxos.key.PaxosKeys;
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

/**
 * Paxos built up as the lecture builds it: a leader (sequencer) with backups, ACCEPT(o, t) and LEARN(o, t),
 * execution once a majority holds an operation, retransmission of what was missed, succession S1 → S2 → S3 on
 * suspicion, leader ids in accepts and an explicit takeover that flushes outstanding operations. Two switches
 * give the slides' unsafe steps. Servers are processes 0 to n - 1, clients come after them.
 */
public final class SlidesPaxos implements KeyedProtocol {
    public static final String ID = "paxos";
    public static final String SERVER = "server";
    public static final String CLIENT = "client";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Paxos, as the slides build it";
    }

    @Override
    public String description() {
        return "A leader gives every client request a timestamp and sends ACCEPT(o, t) to the backups, which answer everyone "
                + "with LEARN(o, t); a server executes o once it knows a majority holds it, and on suspecting the leader the "
                + "next server in line (S1, S2, S3, ...) takes over explicitly and flushes what is outstanding. "
                + "Switch off the leader ids or the majority wait to see the slides' unsafe steps break the order.";
    }

    @Override
    public List<AnswerKey> answerKeys() {
        return PaxosKeys.all();
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer("n", 2, 7, 3, "number of servers (S1 to Sn, shown P1 to Pn); S1 leads first"),
                ParamSpec.integer("clients", 0, 16, 2, "number of clients, numbered after the servers"),
                ParamSpec.integer("requests", 0, 1_000_000, 3, "requests each client makes, one after another"),
                ParamSpec.integer("heartbeat", 1, 100_000, 10, "ticks between the leader's ALIVE messages and retransmissions"),
                ParamSpec.integer("suspectTimeout", 2, 100_000, 35, "ticks without word from the leader before a server suspects "
                        + "it and the next server in line leads"),
                ParamSpec.integer("clientTimeout", 1, 100_000, 60, "ticks a client waits for an answer before retransmitting to the next server"),
                ParamSpec.integer("clientStart", 0, 1_000_000, 0, "ticks before the clients send their first request"),
                ParamSpec.integer("runFor", 1, 10_000_000, 600, "the processes set no timer to fire after this tick, so the run ends soon after"),
                ParamSpec.flag("leaderIds", true, "accepts carry the leader's id (its regime) and a new leader takes over explicitly; "
                        + "false is the slides' unsafe step, where a late ACCEPT of a deposed leader is acknowledged"),
                ParamSpec.flag("majorityWait", true, "execute only once a majority holds the operation; false is the slides' "
                        + "unsafe first step, where a server executes what it holds at once"));
    }

    @Override
    public Setup setup(Params params) {
        PaxosConfig config = config(params);
        return Setup.async(config.servers() + config.clients(), node -> node < config.servers()
                        ? new Server(config) : new Client(config.client()))
                .withRoles(node -> node < config.servers() ? SERVER : CLIENT);
    }

    @Override
    public List<RoleSpec> roles() {
        return List.of(new RoleSpec(SERVER, "holds operations by timestamp and executes them in order; the leader assigns the timestamps"),
                new RoleSpec(CLIENT, "sends requests to the leader it knows of and retransmits them; takes REQUEST interventions"));
    }

    /** One value chosen per timestamp, the same operation executed at each timestamp, executed sequences as prefixes. */
    @Override
    public List<Monitor> monitors(Params params, NetworkSpec network) {
        int servers = params.getInt("n");
        return List.of(new ChosenOnce(servers / 2 + 1, node -> node < servers), new SameOpPerTimestamp(), new PrefixOrder());
    }

    /** A server that crashed and recovered from its stable storage is correct again. */
    @Override
    public FailureModel failureModel() {
        return FailureModel.CRASH_RECOVERY;
    }

    static PaxosConfig config(Params params) {
        int heartbeat = params.getInt("heartbeat");
        int suspect = params.getInt("suspectTimeout");
        if (suspect <= heartbeat) {
            throw new RecipeException("params.suspectTimeout", "must be longer than the heartbeat (" + heartbeat
                    + " ticks), or every server suspects a leader that is alive; got " + suspect);
        }
        int servers = params.getInt("n");
        int runFor = params.getInt("runFor");
        ClientConfig client = new ClientConfig(servers, servers, params.getInt("requests"), params.getInt("clientTimeout"),
                params.getInt("clientStart"), runFor);
        return new PaxosConfig(servers, client, params.getInt("clients"), heartbeat, suspect, runFor,
                params.getBoolean("leaderIds"), params.getBoolean("majorityWait"));
    }

    /** The number of servers in a recipe of this protocol. */
    public static int servers(Recipe recipe) {
        return config(Params.check(new SlidesPaxos().parameters(), recipe.params(), recipe.seed())).servers();
    }
}

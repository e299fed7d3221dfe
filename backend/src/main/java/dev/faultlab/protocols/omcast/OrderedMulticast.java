package dev.faultlab.protocols.omcast;

import dev.faultlab.key.AnswerKey;
import dev.faultlab.key.ChartKey;
import dev.faultlab.key.KeyedProtocol;
import dev.faultlab.protocols.omcast.key.OmcastKeys;
import dev.faultlab.sim.AsyncProcess;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.ParamSpec;
import dev.faultlab.sim.Params;
import dev.faultlab.sim.RoleSpec;
import dev.faultlab.sim.Setup;

import java.util.List;

/**
 * Ordered multicast, the ordering a parameter: FIFO, causal (vector timestamps), and total order by a fixed
 * sequencer, moving sequencers with a token, a privilege token among the senders, Lamport timestamps with
 * acknowledgements, or ISIS, plus the FIFO-total and causal-total hybrids. Members are P1 to Pn; sequencers follow.
 */
public final class OrderedMulticast implements KeyedProtocol {
    public static final String ID = "omcast";
    public static final String MEMBER = "member";
    public static final String SEQUENCER = "sequencer";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Ordered multicast";
    }

    @Override
    public String description() {
        return "Group members multicast messages and deliver them in the order the chosen ordering promises: FIFO "
                + "(per-sender numbers), causal (vector timestamps) or total (a fixed or moving sequencer, a privilege "
                + "token, Lamport timestamps with acknowledgements, ISIS, or the FIFO-total and causal-total hybrids). "
                + "What arrives too early waits in a hold-back queue, and monitors name the two deliveries that break "
                + "FIFO, causal or total order.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer("n", 2, 32, 3, "number of group members (P1 to Pn)"),
                ParamSpec.text("ordering", Ordering.CAUSAL.id(), "the delivery order: " + Ordering.ids()),
                ParamSpec.list("multicasts", "the workload, one entry per multicast in the order m1, m2, ...: [member, time] "
                        + "multicasts at that time, [member, time, k] waits until the member has delivered mk as well (k below "
                        + "the entry's own number); members count from 0. Leave out to draw count multicasts per member"),
                ParamSpec.integer("count", 0, 1_000, 2, "multicasts per member when the workload is drawn"),
                ParamSpec.integer("spread", 0, 1_000_000, 20, "drawn multicasts happen at times from 0 to this"),
                ParamSpec.integer("sequencers", 1, 8, 2, "moving sequencers that pass the token (moving-sequencer only)"),
                ParamSpec.integer("tokenHold", 1, 100_000, 5, "ticks a token's holder keeps it before passing it on"),
                ParamSpec.integer("runFor", 1, 10_000_000, 200, "tokens circulate until this time, then stay with their holder; "
                        + "every multicast of the workload happens before it"));
    }

    @Override
    public Setup setup(Params params) {
        OmConfig config = OmConfigs.of(params);
        return Setup.async(config.processes(), node -> process(config, node))
                .withRoles(node -> config.member(node) ? MEMBER : SEQUENCER);
    }

    private static AsyncProcess process(OmConfig config, int node) {
        if (!config.member(node)) {
            return config.ordering() == Ordering.MOVING_SEQUENCER ? new MovingSequencer(config, node) : new Sequencer(config);
        }
        return switch (config.ordering()) {
            case UNORDERED -> new UnorderedMember(config, node);
            case FIFO -> new FifoMember(config, node);
            case CAUSAL -> new CausalMember(config, node);
            case PRIVILEGE -> new PrivilegeMember(config, node);
            case LAMPORT -> new LamportMember(config, node);
            case ISIS -> new IsisMember(config, node);
            case SEQUENCER, MOVING_SEQUENCER, FIFO_TOTAL, CAUSAL_TOTAL -> new SequencedMember(config, node);
        };
    }

    @Override
    public List<RoleSpec> roles() {
        return List.of(new RoleSpec(MEMBER, "multicasts to the group and delivers in the chosen order; takes REQUEST interventions "
                        + "(the command is multicast)"),
                new RoleSpec(SEQUENCER, "numbers the messages for total order (sequencer orderings only)"));
    }

    /** FIFO, causal and total order, checked at every delivery, and delivery of every message, judged at the end. */
    @Override
    public List<Monitor> monitors(Params params, NetworkSpec network) {
        OmConfig config = OmConfigs.of(params);
        return List.of(new FifoOrder(config.ordering()), new CausalOrder(config.ordering()), new TotalOrder(config.ordering()),
                new AllDelivered(config));
    }

    @Override
    public List<AnswerKey> answerKeys() {
        return OmcastKeys.all();
    }

    /** The space-time diagram of a run, as a lab's figure. */
    @Override
    public List<ChartKey> chartKeys() {
        return OmcastKeys.charts();
    }
}

package dev.faultlab.protocols.reliablemulticast;

import dev.faultlab.key.AnswerKey;
import dev.faultlab.key.ChartKey;
import dev.faultlab.key.KeyedProtocol;
import dev.faultlab.protocols.reliablemulticast.key.ReliableMulticastKeys;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.ParamSpec;
import dev.faultlab.sim.Params;
import dev.faultlab.sim.RoleSpec;
import dev.faultlab.sim.Setup;

import java.util.ArrayList;
import java.util.List;

/**
 * Reliable multicast over a lossy network, with the lecture's feedback schemes as a parameter: sequence numbers
 * and a history buffer at the sender; positive acknowledgements, NACKs on a gap, NACK suppression with repairs by
 * any holder, hierarchical feedback through local coordinators, or piggybacked acknowledgements; and, optionally,
 * receivers that re-multicast what they receive so a sender crashing part-way leaves all or none with a message.
 */
public final class ReliableMulticast implements KeyedProtocol {
    public static final String ID = "rmcast";
    public static final String SENDER = "sender";
    public static final String RECEIVER = "receiver";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Reliable multicast";
    }

    @Override
    public String description() {
        return "P1 multicasts numbered messages to the group and keeps them in a history buffer, and the receivers "
                + "get every one despite losses by the chosen feedback: ACKs, NACKs, NACKs with suppression, local "
                + "coordinators, or acknowledgements piggybacked on multicasts. With re-multicast on, every receiver "
                + "passes each message on, so a sender that crashes part-way leaves all correct members with it or none.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer("n", 2, 200, 5, "processes in the group, P1 to Pn"),
                ParamSpec.integer("senders", 1, 200, 1, "P1 to P{senders} each multicast their own messages"),
                ParamSpec.integer("messages", 0, 10_000, 4, "messages each sender multicasts, m1, m2, ..."),
                ParamSpec.integer("interval", 1, 10_000, 2, "ticks between a sender's messages; the first goes out at this tick"),
                ParamSpec.text("variant", Variant.NACK.id(), "feedback scheme: " + String.join(", ", Variant.ids())),
                ParamSpec.flag("fifo", true, "deliver each sender's messages in order, holding back those behind a gap; "
                        + "false delivers on arrival"),
                ParamSpec.flag("remulticast", false, "every receiver re-multicasts what it receives before delivering it "
                        + "(all-or-nothing even if the sender crashes part-way)"),
                ParamSpec.integer("timeout", 1, 100_000, 8, "ticks before retransmitting for a missing acknowledgement, "
                        + "repeating a NACK, or repeating the last-message announcement"),
                ParamSpec.integer("suppressionDelay", 1, 10_000, 10, "suppression: longest random delay before a NACK or a repair"),
                ParamSpec.integer("groupSize", 2, 200, 3, "hierarchy: receivers per local group, its coordinator included"),
                ParamSpec.integer("ackDelay", 1, 10_000, 3, "piggyback: ticks an acknowledgement waits for a multicast to ride on"),
                ParamSpec.integer("runFor", 1, 10_000_000, 200, "no timer fires after this tick, so the run ends soon after"));
    }

    @Override
    public Setup setup(Params params) {
        Config config = Config.of(params);
        return Setup.async(config.n(), node -> new Member(config, node))
                .withRoles(node -> config.sender(node) ? SENDER : RECEIVER);
    }

    @Override
    public List<RoleSpec> roles() {
        return List.of(new RoleSpec(SENDER, "numbers its messages, keeps them in a history buffer, retransmits; also receives the others'"),
                new RoleSpec(RECEIVER, "delivers, gives feedback, and repairs or re-multicasts where the scheme lets it"));
    }

    /** All-or-nothing and no duplicates always; FIFO per sender when the run promises it. */
    @Override
    public List<Monitor> monitors(Params params, NetworkSpec network) {
        List<Monitor> monitors = new ArrayList<>(List.of(new AllOrNothing(params.getInt("n")), new NoDuplicates()));
        if (params.getBoolean("fifo")) {
            monitors.add(new FifoPerSender());
        }
        return monitors;
    }

    @Override
    public List<AnswerKey> answerKeys() {
        return ReliableMulticastKeys.all();
    }

    /** The feedback figure: feedback at the sender against group size, per scheme. */
    @Override
    public List<ChartKey> chartKeys() {
        return ReliableMulticastKeys.charts();
    }
}

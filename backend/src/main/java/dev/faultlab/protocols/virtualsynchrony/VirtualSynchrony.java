package dev.faultlab.protocols.virtualsynchrony;

import dev.faultlab.key.AnswerKey;
import dev.faultlab.key.ChartKey;
import dev.faultlab.key.KeyedProtocol;
import dev.faultlab.protocols.virtualsynchrony.key.VirtualSynchronyKeys;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.ParamSpec;
import dev.faultlab.sim.Params;
import dev.faultlab.sim.Setup;

import java.util.ArrayList;
import java.util.List;

/**
 * Virtual synchrony as the lecture teaches it (Birman's implementation): multicasts within group views, a view
 * change on a join, a leave or a crash, and the flush that makes each view change a barrier no message crosses.
 */
public final class VirtualSynchrony implements KeyedProtocol {
    /** Its safety rests on timeouts: a message not there by its bound is taken as lost, or its sender as crashed. */
    @Override
    public boolean synchronous() {
        return true;
    }

    public static final String ID = "vsync";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Virtual synchrony";
    }

    @Override
    public String description() {
        return "Reliable multicast within group views that change when a process joins, leaves or crashes: before "
                + "installing the next view every member sends on its unstable messages and a flush, so a message is "
                + "delivered in the same view by all correct members or by none. Six variants order delivery within a "
                + "view (reliable, FIFO, causal, atomic, FIFO atomic, causal atomic); switching the flush off breaks "
                + "view synchrony.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer("n", 1, 16, 3, "number of processes (P1 to Pn)"),
                ParamSpec.text("variant", Variant.RELIABLE.id(), "the multicast: one of " + String.join(", ", Variant.ids())),
                ParamSpec.flag("flush", true, "flush before installing a new view; false installs it at once, which "
                        + "breaks view synchrony (a monitor catches it)"),
                ParamSpec.list("multicasts", "who multicasts when, as pairs [process id, time], e.g. [[0, 12], [1, 13]]; "
                        + "leave out for every first member at t=12 and t=32 (plus its id)"),
                ParamSpec.intList("joinAt", 0, 10_000_000, "for each process the time it asks to join (0: a member "
                        + "from the start); a joiner exists from the start but takes part only once in a view"),
                ParamSpec.intList("leaveAt", 0, 10_000_000, "for each process the time it asks to leave (0: never)"),
                ParamSpec.integer("heartbeat", 1, 100_000, 5, "ticks between a member's heartbeats"),
                ParamSpec.integer("timeout", 2, 100_000, 16, "ticks of silence after which a member suspects another has crashed"),
                ParamSpec.integer("runFor", 1, 10_000_000, 150, "members send heartbeats until this time, so the run ends soon after"));
    }

    @Override
    public Setup setup(Params params) {
        GroupConfig config = GroupConfig.of(params);
        return Setup.async(config.n(), node -> new Member(config, node));
    }

    /** View synchrony, plus the ordering the variant promises. */
    @Override
    public List<Monitor> monitors(Params params, NetworkSpec network) {
        Variant variant = GroupConfig.of(params).variant();
        List<Monitor> monitors = new ArrayList<>();
        monitors.add(new ViewSynchronyMonitor());
        switch (variant.basic()) {
            case FIFO -> monitors.add(new DeliveryOrderMonitor(DeliveryOrderMonitor.Kind.FIFO));
            case CAUSAL -> monitors.add(new DeliveryOrderMonitor(DeliveryOrderMonitor.Kind.CAUSAL));
            case NONE -> {
            }
        }
        if (variant.total()) {
            monitors.add(new DeliveryOrderMonitor(DeliveryOrderMonitor.Kind.TOTAL));
        }
        return monitors;
    }

    @Override
    public List<AnswerKey> answerKeys() {
        return VirtualSynchronyKeys.all();
    }

    @Override
    public List<ChartKey> chartKeys() {
        return VirtualSynchronyKeys.charts();
    }
}

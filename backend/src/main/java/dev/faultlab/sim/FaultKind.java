package dev.faultlab.sim;

import dev.faultlab.sim.InterventionParam.Type;

import java.util.List;

import static dev.faultlab.sim.InterventionParam.of;
import static dev.faultlab.sim.InterventionParam.range;

/**
 * The fault model of the course, each kind with the parameters it reads from {@link Fault#params()}.
 * Faults that last ({@code SEND_OMISSION}, {@code RECEIVE_OMISSION}, {@code TIMING}) end after the
 * optional {@code duration} ticks, or never.
 */
public enum FaultKind {
    /** The node stops; volatile state is lost. Optional {@code afterSends} (crash after that many more sends)
     *  or {@code reaches} (the node's next handler delivers only to these nodes, then it crashes). */
    CRASH,
    /** A crashed node restarts from its stable storage. */
    RECOVER,
    /** The node's outgoing messages are lost with {@code probability} (default 1). */
    SEND_OMISSION,
    /** Messages arriving at the node are lost with {@code probability} (default 1). */
    RECEIVE_OMISSION,
    /** The node's messages take {@code extraDelay} more ticks; its timers run {@code timerFactor} times slower. */
    TIMING,
    /** The node turns Byzantine with the protocol's named {@code behaviour} (and that behaviour's parameters,
     *  e.g. a scripted table of {@code lies}, which the protocol checks). */
    BYZANTINE,
    /** The link from the target to {@code to} goes down (both directions unless {@code oneWay} is true). */
    LINK_DOWN,
    /** The link from the target to {@code to} comes back (both directions unless {@code oneWay} is true). */
    LINK_UP,
    /** Messages from the target to {@code to} are lost with {@code probability} (one way). */
    LINK_LOSS,
    /** The network splits into {@code groups} (lists of node ids); nodes in no group form one more group. */
    PARTITION,
    /** All partitions end. */
    HEAL,
    /** The whole network changes from now on: any of {@code loss}, {@code duplication} (probabilities),
     *  {@code fifo} (false lets links reorder) and {@code delay} ({@code {kind, min, max, mean}}). */
    NETWORK,
    /** Not a fault but an input: a client request with {@code command} (text) handed to the target process
     *  ({@link AsyncProcess#onRequest}); recorded as a REQUEST event. */
    REQUEST,
    /** Message actions: the student acts as the network on the in-flight message with id {@code message}.
     *  HOLD parks it (it arrives only once released), RELEASE lets a held message go on (at its due time, or at
     *  once if that has passed), DELIVER delivers it right now, DROP loses it, DUPLICATE adds a second copy. */
    HOLD, RELEASE, DELIVER, DROP, DUPLICATE;

    /** Whether the fault names a node in {@link Fault#target()}. */
    public boolean needsTarget() {
        return spec().target();
    }

    /** Longest duration, delay or extra delay in ticks: the largest time budget a run may have. */
    public static final long MAX_TICKS = 10_000_000;
    /** Longest client command. */
    public static final int MAX_COMMAND_LENGTH = 200;

    private static final List<InterventionSpec> SPECS = java.util.Arrays.stream(values()).map(FaultKind::describe).toList();

    /** The kind as data: its group, description, target and parameters with their ranges. */
    public InterventionSpec spec() {
        return SPECS.get(ordinal());
    }

    private InterventionSpec describe() {
        InterventionParam duration = range("duration", Type.INT, 1, MAX_TICKS, false, "lasts this many ticks (optional)");
        InterventionParam message = of("message", Type.MESSAGE, true, "the message (its id, the msg of its SEND)");
        return switch (this) {
            case CRASH -> fault("the process stops; its volatile state is lost",
                    range("afterSends", Type.INT, 0, 1_000_000, false, "after this many more sends (optional)"),
                    of("reaches", Type.NODES, false, "its last broadcast reaches only (optional, e.g. P2 P4)"));
            case RECOVER -> fault("a crashed process restarts from its stable storage");
            case SEND_OMISSION -> fault("the process's outgoing messages are lost",
                    of("probability", Type.PROBABILITY, false, "probability a sent message is lost (default 1)"), duration);
            case RECEIVE_OMISSION -> fault("messages arriving at the process are lost",
                    of("probability", Type.PROBABILITY, false, "probability an arriving message is lost (default 1)"), duration);
            case TIMING -> fault("the process's messages are late and its timers slow",
                    range("extraDelay", Type.INT, 0, MAX_TICKS, false, "extra message delay in ticks"),
                    range("timerFactor", Type.NUMBER, 1, 1_000, false, "timers run this many times slower"), duration);
            case BYZANTINE -> fault("the process turns Byzantine with one of the protocol's behaviours",
                    of("behaviour", Type.BEHAVIOUR, true, "behaviour"));
            case LINK_DOWN -> fault("the link to another process goes down",
                    of("to", Type.NODE, true, "other end"), of("oneWay", Type.BOOLEAN, false, "one way only"));
            case LINK_UP -> fault("the link to another process comes back",
                    of("to", Type.NODE, true, "other end"), of("oneWay", Type.BOOLEAN, false, "one way only"));
            case LINK_LOSS -> fault("messages on the link to another process are lost",
                    of("to", Type.NODE, true, "to"), of("probability", Type.PROBABILITY, true, "loss probability"));
            case PARTITION -> network("the network splits into groups that cannot reach each other",
                    of("groups", Type.GROUPS, true, "groups, e.g. P1 P2 | P3 P4 P5"));
            case HEAL -> network("every partition ends");
            case NETWORK -> network("the whole network changes from now on",
                    of("loss", Type.PROBABILITY, false, "loss probability"),
                    of("duplication", Type.PROBABILITY, false, "duplication probability"),
                    of("fifo", Type.BOOLEAN, false, "links deliver in send order"),
                    of("delay", Type.DELAY, false, "delay, e.g. uniform 1 5, constant 2 or exponential 3"));
            case REQUEST -> new InterventionSpec(this, "request", "a client request handed to the process", true,
                    List.of(range("command", Type.TEXT, 1, MAX_COMMAND_LENGTH, true, "the client asks for, e.g. x=5")));
            case HOLD -> action("hold the message in the network until released", message);
            case RELEASE -> action("let a held message go on", message);
            case DELIVER -> action("deliver the message right now", message);
            case DROP -> action("lose the message", message);
            case DUPLICATE -> action("deliver the message twice", message);
        };
    }

    private InterventionSpec fault(String description, InterventionParam... params) {
        return new InterventionSpec(this, "fault", description, true, List.of(params));
    }

    private InterventionSpec network(String description, InterventionParam... params) {
        return new InterventionSpec(this, "fault", description, false, List.of(params));
    }

    private InterventionSpec action(String description, InterventionParam message) {
        return new InterventionSpec(this, "message", description, false, List.of(message));
    }

    /** Every kind's spec, in declaration order. */
    public static List<InterventionSpec> specs() {
        return SPECS;
    }

    /** Whether it acts on one in-flight message (named by {@code params.message}). */
    public boolean actsOnMessage() {
        return switch (this) {
            case HOLD, RELEASE, DELIVER, DROP, DUPLICATE -> true;
            default -> false;
        };
    }

    /** Whether the fault makes its target a faulty process, which correctness properties then exempt. */
    public boolean makesFaulty() {
        return switch (this) {
            case CRASH, SEND_OMISSION, RECEIVE_OMISSION, TIMING, BYZANTINE -> true;
            default -> false;
        };
    }
}

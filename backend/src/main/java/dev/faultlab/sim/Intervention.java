package dev.faultlab.sim;

import dev.faultlab.sim.InterventionParam.Type;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.faultlab.sim.InterventionParam.of;
import static dev.faultlab.sim.InterventionParam.range;

/**
 * Everything a student or a recipe can do to a run, as typed data: faults, client requests and message actions.
 * Each kind is one record owning its description and parameters (its {@code FORM}), how it reads and checks
 * them from a recipe's {@link Fault#params()}, what it does to the run, and how it writes itself back as params.
 * The recipe keeps the {@link Fault} shape and {@link FaultKind} names; a fault becomes its record once, when
 * the recipe (or a live injection) is checked.
 */
public sealed interface Intervention {

    FaultKind kind();

    /** The params a recipe gives for this intervention: reading them back yields an equal record. */
    Map<String, Object> toParams();

    /** Does what the intervention does; {@code recorded} is its fault as the recipe has it, for the trace. */
    void apply(Effects effects, Fault recorded);

    /** A fault: a FAULT event, then its effect on its target process or the network. */
    sealed interface FaultIntervention extends Intervention {
        void affect(Effects effects, int target);

        /** Whether it makes its target a faulty process, which correctness properties then exempt. */
        default boolean makesFaulty() {
            return kind().makesFaulty();
        }

        @Override
        default void apply(Effects effects, Fault recorded) {
            effects.fault(recorded, this);
        }
    }

    /** A fault acting on its process until its optional duration ends it (or a newer one of its kind replaces it). */
    sealed interface Lasting extends FaultIntervention {
        Long duration();

        /** Sets the process back to normal. */
        void end(NodeState node);
    }

    /** The student acting as the network on the in-flight message with this id. */
    sealed interface MessageAction extends Intervention {
        int message();

        /** Why the action cannot act on its message right now, or null if it can. */
        default String missing(boolean queued, boolean held) {
            return queued || held ? null : "message " + message() + " is not in flight";
        }

        void act(InFlight message);

        @Override
        default Map<String, Object> toParams() {
            return Map.of("message", message());
        }

        @Override
        default void apply(Effects effects, Fault recorded) {
            effects.messageAction(recorded, this);
        }
    }

    // ---------------------------------------------------------------- faults of one process

    /**
     * The process stops and loses its volatile state: now, right after {@code afterSends} more sends, or (with
     * {@code reaches}, null otherwise) once its next handler has sent only to those processes.
     */
    record Crash(int afterSends, List<Integer> reaches) implements FaultIntervention {
        static final InterventionForm FORM = InterventionForm.fault(FaultKind.CRASH, "the process stops; its volatile state is lost",
                true, Crash::read,
                range("afterSends", Type.INT, 0, 1_000_000, false, "after this many more sends (optional)"),
                of("reaches", Type.NODES, false, "its last broadcast reaches only (optional, e.g. P2 P4)"));

        private static Crash read(InterventionArgs args) {
            if (args.has("afterSends") && args.has("reaches")) {
                args.problem(".params", "give afterSends or reaches, not both");
            }
            return new Crash(args.integer("afterSends", 0), args.has("reaches") ? args.nodeList("reaches") : null);
        }

        @Override
        public FaultKind kind() {
            return FaultKind.CRASH;
        }

        @Override
        public Map<String, Object> toParams() {
            return reaches != null ? Map.of("reaches", reaches) : afterSends > 0 ? Map.of("afterSends", afterSends) : Map.of();
        }

        @Override
        public void affect(Effects effects, int target) {
            NodeState node = effects.node(target);
            if (!node.up) {
                // Arming afterSends or reaches here would crash the node's next life instead.
                return;
            }
            if (reaches != null) {
                node.crashReaches = new HashSet<>(reaches);
            } else if (afterSends > 0) {
                node.crashAfterSends = afterSends;
            } else {
                effects.crash(node);
            }
        }
    }

    /** A crashed process restarts from its stable storage. */
    record Recover() implements FaultIntervention {
        static final InterventionForm FORM = InterventionForm.fault(FaultKind.RECOVER, "a crashed process restarts from its stable storage",
                false, args -> new Recover());

        @Override
        public FaultKind kind() {
            return FaultKind.RECOVER;
        }

        @Override
        public Map<String, Object> toParams() {
            return Map.of();
        }

        @Override
        public void affect(Effects effects, int target) {
            effects.recover(effects.node(target));
        }
    }

    /** The process's outgoing messages are lost with {@code probability}, for {@code duration} ticks (null: for good). */
    record SendOmission(double probability, Long duration) implements Lasting {
        static final InterventionForm FORM = InterventionForm.fault(FaultKind.SEND_OMISSION, "the process's outgoing messages are lost",
                true, args -> new SendOmission(args.number("probability", 1.0), args.duration("duration")),
                of("probability", Type.PROBABILITY, false, "probability a sent message is lost (default 1)"), durationParam());

        @Override
        public FaultKind kind() {
            return FaultKind.SEND_OMISSION;
        }

        @Override
        public Map<String, Object> toParams() {
            return withDuration(Map.of("probability", probability), duration);
        }

        @Override
        public void affect(Effects effects, int target) {
            effects.node(target).sendOmission = probability;
            effects.endLater(this, target, duration);
        }

        @Override
        public void end(NodeState node) {
            node.sendOmission = 0;
        }
    }

    /** Messages arriving at the process are lost with {@code probability}, for {@code duration} ticks (null: for good). */
    record ReceiveOmission(double probability, Long duration) implements Lasting {
        static final InterventionForm FORM = InterventionForm.fault(FaultKind.RECEIVE_OMISSION, "messages arriving at the process are lost",
                true, args -> new ReceiveOmission(args.number("probability", 1.0), args.duration("duration")),
                of("probability", Type.PROBABILITY, false, "probability an arriving message is lost (default 1)"), durationParam());

        @Override
        public FaultKind kind() {
            return FaultKind.RECEIVE_OMISSION;
        }

        @Override
        public Map<String, Object> toParams() {
            return withDuration(Map.of("probability", probability), duration);
        }

        @Override
        public void affect(Effects effects, int target) {
            effects.node(target).receiveOmission = probability;
            effects.endLater(this, target, duration);
        }

        @Override
        public void end(NodeState node) {
            node.receiveOmission = 0;
        }
    }

    /** The process's messages take {@code extraDelay} more ticks and its timers run {@code timerFactor} times slower. */
    record Timing(long extraDelay, double timerFactor, Long duration) implements Lasting {
        static final InterventionForm FORM = InterventionForm.fault(FaultKind.TIMING, "the process's messages are late and its timers slow",
                true, Timing::read,
                range("extraDelay", Type.INT, 0, FaultKind.MAX_TICKS, false, "extra message delay in ticks"),
                range("timerFactor", Type.NUMBER, 1, 1_000, false, "timers run this many times slower"), durationParam());

        private static Timing read(InterventionArgs args) {
            if (!args.has("extraDelay") && !args.has("timerFactor")) {
                args.problem(".params", "TIMING needs extraDelay (ticks) or timerFactor (>= 1), or both");
            }
            return new Timing(args.whole("extraDelay", 0), args.number("timerFactor", 1.0), args.duration("duration"));
        }

        @Override
        public FaultKind kind() {
            return FaultKind.TIMING;
        }

        @Override
        public Map<String, Object> toParams() {
            return withDuration(Map.of("extraDelay", extraDelay, "timerFactor", timerFactor), duration);
        }

        @Override
        public void affect(Effects effects, int target) {
            NodeState node = effects.node(target);
            node.extraDelay = extraDelay;
            node.timerFactor = timerFactor;
            effects.endLater(this, target, duration);
        }

        @Override
        public void end(NodeState node) {
            node.extraDelay = 0;
            node.timerFactor = 1;
        }
    }

    /**
     * The process turns Byzantine with the protocol's named {@code behaviour}, built from {@code params} (the
     * fault's params, with the behaviour's own, e.g. a scripted table of lies, which the protocol checks).
     */
    record Byzantine(String behaviour, Map<String, Object> params) implements FaultIntervention {
        static final InterventionForm FORM = InterventionForm.fault(FaultKind.BYZANTINE,
                "the process turns Byzantine with one of the protocol's behaviours", true, Byzantine::read,
                of("behaviour", Type.BEHAVIOUR, true, "behaviour")).open();

        public Byzantine {
            params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }

        private static Byzantine read(InterventionArgs args) {
            Object name = args.params().get("behaviour");
            Protocol protocol = args.protocol();
            List<String> known = protocol.behaviours().stream().map(BehaviourSpec::name).toList();
            if (known.isEmpty()) {
                args.problem(".kind", "protocol " + protocol.id() + " has no Byzantine behaviours");
            } else {
                BehaviourSpec spec = protocol.behaviours().stream().filter(b -> b.name().equals(name)).findFirst().orElse(null);
                if (spec == null) {
                    args.problem(".params.behaviour", "must be one of " + known + ", got '" + name + "'");
                } else {
                    // The factory's problems first, then the rows' shape (a scripted table of lies), as a student reads them.
                    for (Runnable check : List.<Runnable>of(() -> spec.factory().apply(args.params()),
                            () -> spec.check().check(args.params(), args.nodes()))) {
                        try {
                            check.run();
                        } catch (RecipeException e) {
                            for (RecipeException.Problem inner : e.problems()) {
                                args.problem(".params." + inner.field(), inner.message());
                            }
                        }
                    }
                }
            }
            return new Byzantine(args.text("behaviour"), args.params());
        }

        @Override
        public FaultKind kind() {
            return FaultKind.BYZANTINE;
        }

        @Override
        public Map<String, Object> toParams() {
            return params;
        }

        @Override
        public void affect(Effects effects, int target) {
            NodeState node = effects.node(target);
            BehaviourSpec spec = effects.protocol().behaviours().stream().filter(b -> b.name().equals(behaviour)).findFirst().orElseThrow();
            node.byzantineName = behaviour;
            effects.takeOver(node, spec.factory().apply(params));
        }
    }

    // ---------------------------------------------------------------- links and the network

    /** The link from the target to {@code to} goes down (both directions unless {@code oneWay}). */
    record LinkDown(int to, boolean oneWay) implements FaultIntervention {
        static final InterventionForm FORM = InterventionForm.fault(FaultKind.LINK_DOWN, "the link to another process goes down",
                false, args -> new LinkDown(otherEnd(args), args.booleanOrNull("oneWay") == Boolean.TRUE), linkParams());

        @Override
        public FaultKind kind() {
            return FaultKind.LINK_DOWN;
        }

        @Override
        public Map<String, Object> toParams() {
            return Map.of("to", to, "oneWay", oneWay);
        }

        @Override
        public void affect(Effects effects, int target) {
            setDown(effects.links(), target, to, oneWay, true);
        }
    }

    /** The link from the target to {@code to} comes back (both directions unless {@code oneWay}). */
    record LinkUp(int to, boolean oneWay) implements FaultIntervention {
        static final InterventionForm FORM = InterventionForm.fault(FaultKind.LINK_UP, "the link to another process comes back",
                false, args -> new LinkUp(otherEnd(args), args.booleanOrNull("oneWay") == Boolean.TRUE), linkParams());

        @Override
        public FaultKind kind() {
            return FaultKind.LINK_UP;
        }

        @Override
        public Map<String, Object> toParams() {
            return Map.of("to", to, "oneWay", oneWay);
        }

        @Override
        public void affect(Effects effects, int target) {
            setDown(effects.links(), target, to, oneWay, false);
        }
    }

    /** Messages from the target to {@code to} are lost with {@code probability} (one way). */
    record LinkLoss(int to, double probability) implements FaultIntervention {
        static final InterventionForm FORM = InterventionForm.fault(FaultKind.LINK_LOSS, "messages on the link to another process are lost",
                false, args -> new LinkLoss(args.integer("to", 0), args.number("probability", 0)),
                of("to", Type.NODE, true, "to"), of("probability", Type.PROBABILITY, true, "loss probability"));

        @Override
        public FaultKind kind() {
            return FaultKind.LINK_LOSS;
        }

        @Override
        public Map<String, Object> toParams() {
            return Map.of("to", to, "probability", probability);
        }

        @Override
        public void affect(Effects effects, int target) {
            effects.links().setLoss(target, to, probability);
        }
    }

    /** The network splits into {@code groups} of process ids; processes in no group form one more group. */
    record Partition(List<List<Integer>> groups) implements FaultIntervention {
        static final InterventionForm FORM = InterventionForm.network(FaultKind.PARTITION,
                "the network splits into groups that cannot reach each other", args -> new Partition(args.groups("groups")),
                of("groups", Type.GROUPS, true, "groups, e.g. P1 P2 | P3 P4 P5"));

        public Partition {
            groups = groups.stream().map(List::copyOf).toList();
        }

        @Override
        public FaultKind kind() {
            return FaultKind.PARTITION;
        }

        @Override
        public Map<String, Object> toParams() {
            return Map.of("groups", groups);
        }

        @Override
        public void affect(Effects effects, int target) {
            int[] group = new int[effects.nodeCount()];
            for (int g = 0; g < groups.size(); g++) {
                for (int member : groups.get(g)) {
                    group[member] = g + 1;
                }
            }
            effects.links().partition(group);
        }
    }

    /** Every partition ends. */
    record Heal() implements FaultIntervention {
        static final InterventionForm FORM = InterventionForm.network(FaultKind.HEAL, "every partition ends", args -> new Heal());

        @Override
        public FaultKind kind() {
            return FaultKind.HEAL;
        }

        @Override
        public Map<String, Object> toParams() {
            return Map.of();
        }

        @Override
        public void affect(Effects effects, int target) {
            effects.links().heal();
        }
    }

    /** The whole network changes from now on: each setting given (non-null) replaces the current one. */
    record NetworkChange(Double loss, Double duplication, Boolean fifo, Delay delay) implements FaultIntervention {
        static final InterventionForm FORM = InterventionForm.network(FaultKind.NETWORK, "the whole network changes from now on",
                NetworkChange::read,
                of("loss", Type.PROBABILITY, false, "loss probability"),
                of("duplication", Type.PROBABILITY, false, "duplication probability"),
                of("fifo", Type.BOOLEAN, false, "links deliver in send order"),
                of("delay", Type.DELAY, false, "delay, e.g. uniform 1 5, constant 2 or exponential 3"));

        private static NetworkChange read(InterventionArgs args) {
            if (args.params().isEmpty()) {
                args.problem(".params", "NETWORK needs at least one of loss, duplication, fifo, delay");
            }
            return new NetworkChange(args.numberOrNull("loss"), args.numberOrNull("duplication"), args.booleanOrNull("fifo"),
                    args.delayOrNull("delay"));
        }

        @Override
        public FaultKind kind() {
            return FaultKind.NETWORK;
        }

        @Override
        public Map<String, Object> toParams() {
            Map<String, Object> params = new LinkedHashMap<>();
            if (loss != null) {
                params.put("loss", loss);
            }
            if (duplication != null) {
                params.put("duplication", duplication);
            }
            if (fifo != null) {
                params.put("fifo", fifo);
            }
            if (delay != null) {
                params.put("delay", Map.of("kind", delay.kind(), "min", delay.min(), "max", delay.max(), "mean", delay.mean()));
            }
            return params;
        }

        @Override
        public void affect(Effects effects, int target) {
            effects.network().change(this);
        }
    }

    // ---------------------------------------------------------------- inputs and message actions

    /** Not a fault but an input: a client request with {@code command} handed to the target process, as a REQUEST event. */
    record ClientRequest(String command) implements Intervention {
        static final InterventionForm FORM = InterventionForm.request(FaultKind.REQUEST, "a client request handed to the process",
                args -> new ClientRequest(args.text("command")),
                range("command", Type.TEXT, 1, FaultKind.MAX_COMMAND_LENGTH, true, "the client asks for, e.g. x=5"));

        @Override
        public FaultKind kind() {
            return FaultKind.REQUEST;
        }

        @Override
        public Map<String, Object> toParams() {
            return Map.of("command", command);
        }

        @Override
        public void apply(Effects effects, Fault recorded) {
            effects.request(recorded.targetNode(), command);
        }
    }

    /** Parks the message in the network; it arrives only once released. */
    record Hold(int message) implements MessageAction {
        static final InterventionForm FORM = InterventionForm.action(FaultKind.HOLD, "hold the message in the network until released",
                args -> new Hold(args.integer("message", 0)));

        @Override
        public FaultKind kind() {
            return FaultKind.HOLD;
        }

        @Override
        public String missing(boolean queued, boolean held) {
            return queued ? null : held ? "message " + message + " is held already" : "message " + message + " is not in flight";
        }

        @Override
        public void act(InFlight m) {
            m.take();
            m.hold();
        }
    }

    /** Lets a held message go on: at its due time, or at once if that has passed. */
    record Release(int message) implements MessageAction {
        static final InterventionForm FORM = InterventionForm.action(FaultKind.RELEASE, "let a held message go on",
                args -> new Release(args.integer("message", 0)));

        @Override
        public FaultKind kind() {
            return FaultKind.RELEASE;
        }

        @Override
        public String missing(boolean queued, boolean held) {
            return held ? null : "message " + message + " is not held";
        }

        @Override
        public void act(InFlight m) {
            m.take();
            m.release();
        }
    }

    /** Delivers the message right now. */
    record Deliver(int message) implements MessageAction {
        static final InterventionForm FORM = InterventionForm.action(FaultKind.DELIVER, "deliver the message right now",
                args -> new Deliver(args.integer("message", 0)));

        @Override
        public FaultKind kind() {
            return FaultKind.DELIVER;
        }

        @Override
        public void act(InFlight m) {
            m.take();
            m.deliverNow();
        }
    }

    /** Loses the message. */
    record Drop(int message) implements MessageAction {
        static final InterventionForm FORM = InterventionForm.action(FaultKind.DROP, "lose the message",
                args -> new Drop(args.integer("message", 0)));

        @Override
        public FaultKind kind() {
            return FaultKind.DROP;
        }

        @Override
        public void act(InFlight m) {
            m.take();
            m.drop();
        }
    }

    /** Adds a second copy of the message, due when the first is. */
    record Duplicate(int message) implements MessageAction {
        static final InterventionForm FORM = InterventionForm.action(FaultKind.DUPLICATE, "deliver the message twice",
                args -> new Duplicate(args.integer("message", 0)));

        @Override
        public FaultKind kind() {
            return FaultKind.DUPLICATE;
        }

        @Override
        public void act(InFlight m) {
            m.duplicate();
        }
    }

    // ---------------------------------------------------------------- shared by several kinds

    private static InterventionParam durationParam() {
        return range("duration", Type.INT, 1, FaultKind.MAX_TICKS, false, "lasts this many ticks (optional)");
    }

    private static InterventionParam[] linkParams() {
        return new InterventionParam[] {of("to", Type.NODE, true, "other end"), of("oneWay", Type.BOOLEAN, false, "one way only")};
    }

    private static Map<String, Object> withDuration(Map<String, Object> params, Long duration) {
        if (duration == null) {
            return params;
        }
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.put("duration", duration);
        return all;
    }

    /** A link's other end, which must not be its target. */
    private static int otherEnd(InterventionArgs args) {
        int to = args.integer("to", 0);
        if (args.params().get("to") instanceof Number && args.target() != null && to == args.target()) {
            args.problem(".params.to", "must be another node than the target");
        }
        return to;
    }

    private static void setDown(LinkState links, int target, int to, boolean oneWay, boolean down) {
        links.setDown(target, to, down);
        if (!oneWay) {
            links.setDown(to, target, down);
        }
    }
}

package dev.faultlab.sim;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The faults of a run: those planned by event index and when they are due, what each one does to a process or
 * the network, crashes and recoveries, client requests, and which processes count as faulty.
 */
final class FaultModel {
    private final Kernel kernel;
    /** Omission decisions and Byzantine randomness: a stream of its own, so faults never shift the network's or a process's numbers. */
    private final SplittableRandom faultRandom;
    private final List<Fault> faultsByEvent = new ArrayList<>();
    private final BitSet everFaulty = new BitSet();
    /** Nodes made faulty by anything but a crash: under crash-recovery, only these and the nodes down now are faulty. */
    private final BitSet faultyBesidesCrash = new BitSet();
    private int requests;
    /** A fault whose application {@link Simulation} waits for in a replay, and the trace size right after it. */
    private Fault watched;
    private int watchedEnd = -1;

    FaultModel(Kernel kernel, SplittableRandom faultRandom) {
        this.kernel = kernel;
        this.faultRandom = faultRandom;
    }

    /** Watches for this fault's application; see {@link #watchedEnd()}. */
    void watch(Fault fault) {
        watched = fault;
    }

    /** The trace size right after the watched fault was applied, or -1 while it has not been. */
    int watchedEnd() {
        return watchedEnd;
    }

    /** Checks a fault about to be injected live, throwing {@link RecipeException} (field {@code fault}). */
    void checkInjected(Fault fault) {
        RecipeValidator.checkInjected(new Fault(kernel.now, null, fault.kind(), fault.target(), fault.params()), kernel.protocol, kernel.n);
        if (fault.kind().actsOnMessage()) {
            int message = ((Number) fault.params().get("message")).intValue();
            String missing = kernel.transport.missing(fault.kind(), message);
            if (missing != null) {
                throw new RecipeException("fault.params.message", missing);
            }
        }
    }

    void schedulePlanned(Fault fault) {
        if (fault.at() != null) {
            kernel.schedule(new FaultItem(fault.at(), fault));
        } else {
            int i = faultsByEvent.size();
            while (i > 0 && faultsByEvent.get(i - 1).atEvent() > fault.atEvent()) {
                i--;
            }
            faultsByEvent.add(i, fault);
        }
    }

    /** Queues a fault to run now, as a step of its own (a live injection). */
    Kernel.Item now(Fault fault) {
        return new FaultItem(kernel.now, fault);
    }

    /**
     * A fault planned by event index is a step of its own, one fault per step, as {@link Kernel#inject} was between
     * two steps of the live run: so seeking to its FAULT event shows what the live run showed right after it.
     */
    boolean applyNextDueByEvent() {
        if (faultsByEvent.isEmpty() || faultsByEvent.get(0).atEvent() > kernel.trace.written()) {
            return false;
        }
        kernel.runItem(new FaultItem(kernel.now, faultsByEvent.remove(0)));
        return true;
    }

    /** Applies every fault planned for exactly this trace size (called before the kernel writes an event). */
    void applyDueNow() {
        while (!faultsByEvent.isEmpty()) {
            int due = firstDueNow();
            if (due < 0) {
                return;
            }
            apply(faultsByEvent.remove(due));
        }
    }

    /** The first planned fault whose index is the trace's size right now, or -1. */
    private int firstDueNow() {
        int size = kernel.trace.written();
        for (int i = 0; i < faultsByEvent.size(); i++) {
            long at = faultsByEvent.get(i).atEvent();
            if (at == size) {
                return i;
            }
            if (at > size) {
                return -1;
            }
        }
        return -1;
    }

    /** Applies a fault; what it causes (a crash, a recovery and the recovered process's sends) has its FAULT event as parent. */
    private void apply(Fault fault) {
        try {
            if (fault.kind() == FaultKind.REQUEST) {
                request(kernel.nodes[fault.targetNode()], (String) fault.params().get("command"));
                return;
            }
            if (fault.kind().actsOnMessage()) {
                kernel.transport.messageAction(fault);
                return;
            }
            int previousCause = kernel.currentCause;
            kernel.currentCause = kernel.record(EventKind.FAULT, fault.targetNode(), -1, -1, -1, fault, fault.kind().name());
            try {
                applyEffects(fault);
            } finally {
                kernel.currentCause = previousCause;
            }
        } finally {
            if (fault == watched) {
                watchedEnd = kernel.trace.written();
            }
        }
    }

    private void applyEffects(Fault fault) {
        NodeState[] nodes = kernel.nodes;
        Network network = kernel.transport.network();
        int target = fault.targetNode();
        Map<String, Object> p = fault.params();
        if (fault.kind().makesFaulty()) {
            everFaulty.set(target);
            if (fault.kind() != FaultKind.CRASH) {
                faultyBesidesCrash.set(target);
            }
        }
        switch (fault.kind()) {
            case CRASH -> {
                NodeState node = nodes[target];
                if (!node.up) {
                    // Arming afterSends or reaches here would crash the node's next life instead.
                    return;
                }
                if (p.containsKey("reaches")) {
                    node.crashReaches = new HashSet<>(intList(p.get("reaches")));
                } else if (number(p, "afterSends", 0).intValue() > 0) {
                    node.crashAfterSends = number(p, "afterSends", 0).intValue();
                } else {
                    crash(node);
                }
            }
            case RECOVER -> recover(nodes[target]);
            case SEND_OMISSION -> {
                nodes[target].sendOmission = number(p, "probability", 1.0).doubleValue();
                endLater(fault, p);
            }
            case RECEIVE_OMISSION -> {
                nodes[target].receiveOmission = number(p, "probability", 1.0).doubleValue();
                endLater(fault, p);
            }
            case TIMING -> {
                nodes[target].extraDelay = number(p, "extraDelay", 0).longValue();
                nodes[target].timerFactor = number(p, "timerFactor", 1.0).doubleValue();
                endLater(fault, p);
            }
            case BYZANTINE -> {
                NodeState node = nodes[target];
                String name = (String) p.get("behaviour");
                BehaviourSpec spec = kernel.protocol.behaviours().stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
                node.byzantineName = name;
                node.byzantine = spec.factory().apply(p);
                node.byzantineRandom = faultRandom.split();
            }
            case LINK_DOWN, LINK_UP -> {
                int to = number(p, "to", 0).intValue();
                boolean down = fault.kind() == FaultKind.LINK_DOWN;
                network.links().setDown(target, to, down);
                if (!Boolean.TRUE.equals(p.get("oneWay"))) {
                    network.links().setDown(to, target, down);
                }
            }
            case LINK_LOSS -> network.links().setLoss(target, number(p, "to", 0).intValue(), number(p, "probability", 0).doubleValue());
            case PARTITION -> {
                int[] group = new int[kernel.n];
                List<?> groups = (List<?>) p.get("groups");
                for (int g = 0; g < groups.size(); g++) {
                    for (int member : intList(groups.get(g))) {
                        group[member] = g + 1;
                    }
                }
                network.links().partition(group);
            }
            case HEAL -> network.links().heal();
            case NETWORK -> network.change(p);
            default -> throw new IllegalStateException(fault.kind() + " is applied elsewhere");
        }
    }

    /** A lasting fault's duration ends only that fault: not a newer one of the same kind that replaced it. */
    private void endLater(Fault fault, Map<String, Object> p) {
        int generation = ++kernel.nodes[fault.targetNode()].lastingFaults[fault.kind().ordinal()];
        if (p.containsKey("duration")) {
            kernel.schedule(new FaultEnd(kernel.now + number(p, "duration", 0).longValue(), fault.kind(), fault.targetNode(), generation));
        }
    }

    /** A client request reaches a process: a REQUEST event, then the process's onRequest, caused by that event. */
    private void request(NodeState node, String command) {
        Request request = new Request(++requests, node.id, command);
        int seq = kernel.record(EventKind.REQUEST, node.id, -1, -1, -1, request, node.up ? null : "lost: P" + node.id + " is down");
        if (node.up) {
            kernel.invoke(node, seq, target -> {
                if (target.process instanceof AsyncProcess async) {
                    async.onRequest(kernel.contextOf(target), request);
                } else {
                    ((RoundProcess) target.process).onRequest(kernel.contextOf(target), request);
                }
            });
        }
    }

    void crash(NodeState node) {
        if (!node.up) {
            return;
        }
        node.up = false;
        node.incarnation++;
        node.process = null;
        node.timers.clear();
        node.inbox.clear();
        node.crashAfterSends = -1;
        node.crashReaches = null;
        kernel.record(EventKind.CRASH, node.id, -1, -1, -1, null, null);
    }

    private void recover(NodeState node) {
        if (node.up) {
            return;
        }
        node.up = true;
        node.incarnation++;
        int seq = kernel.record(EventKind.RECOVER, node.id, -1, -1, -1, null, null);
        kernel.invoke(node, seq, recovered -> {
            recovered.process = kernel.setup.factory().apply(recovered.id);
            if (recovered.process instanceof AsyncProcess async) {
                async.onRecover(kernel.contextOf(recovered));
            } else {
                ((RoundProcess) recovered.process).onRecover(kernel.contextOf(recovered));
            }
        });
    }

    /** Whether an omission fault of this probability loses the message at hand. */
    boolean omits(double probability) {
        return probability > 0 && (probability >= 1 || faultRandom.nextDouble() < probability);
    }

    /**
     * The nodes correctness properties exempt, by the protocol's failure model: under crash-stop every node
     * that a crash, omission, timing or Byzantine fault hit at any time; under crash-recovery a crash counts
     * only while the node is down, so a node that recovered is correct again.
     */
    BitSet faultyNodes() {
        if (kernel.protocol.failureModel() == FailureModel.CRASH_STOP) {
            return (BitSet) everFaulty.clone();
        }
        BitSet faulty = (BitSet) faultyBesidesCrash.clone();
        for (NodeState node : kernel.nodes) {
            if (!node.up) {
                faulty.set(node.id);
            }
        }
        return faulty;
    }

    private static Number number(Map<String, Object> p, String key, Number fallback) {
        Object value = p.get(key);
        return value instanceof Number number ? number : fallback;
    }

    private static List<Integer> intList(Object value) {
        return ((List<?>) value).stream().map(v -> ((Number) v).intValue()).toList();
    }

    private final class FaultItem extends Kernel.Item {
        final Fault fault;

        FaultItem(long time, Fault fault) {
            super(time);
            this.fault = fault;
        }

        @Override
        Enabled describe() {
            return new Enabled("fault", time, fault.targetNode(), -1, -1, fault.kind().name());
        }

        @Override
        void run() {
            apply(fault);
        }
    }

    private final class FaultEnd extends Kernel.Item {
        final FaultKind kind;
        final int node;
        final int generation;

        FaultEnd(long time, FaultKind kind, int node, int generation) {
            super(time);
            this.kind = kind;
            this.node = node;
            this.generation = generation;
        }

        @Override
        Enabled describe() {
            return new Enabled("fault-end", time, node, -1, -1, kind.name() + " ends");
        }

        @Override
        void run() {
            kernel.beforeEvent();
            NodeState state = kernel.nodes[node];
            if (state.lastingFaults[kind.ordinal()] != generation) {
                return;
            }
            switch (kind) {
                case SEND_OMISSION -> state.sendOmission = 0;
                case RECEIVE_OMISSION -> state.receiveOmission = 0;
                case TIMING -> {
                    state.extraDelay = 0;
                    state.timerFactor = 1;
                }
                default -> throw new IllegalStateException(kind + " does not end by itself");
            }
            kernel.record(EventKind.NOTE, node, -1, -1, -1, kind.name().toLowerCase().replace('_', ' ') + " ended", "fault ended");
        }
    }
}

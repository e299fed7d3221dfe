package dev.faultlab.sim;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The faults of a run: those planned by event index and when they are due, what each one does to a process or
 * the network, crashes and recoveries, client requests, and which processes count as faulty.
 */
final class FaultModel implements Effects {
    /** A fault as the recipe has it (written to the trace) with its typed intervention (what it does). */
    record Planned(Fault fault, Intervention what) {
    }

    private final Kernel kernel;
    /** Omission decisions and Byzantine randomness: a stream of its own, so faults never shift the network's or a process's numbers. */
    private final SplittableRandom faultRandom;
    private final List<Planned> faultsByEvent = new ArrayList<>();
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

    /**
     * Checks a fault about to be injected live, throwing {@link RecipeException} (field {@code fault}); returns it
     * as its typed intervention.
     */
    Intervention checkInjected(Fault fault) {
        Intervention what = RecipeValidator.checkInjected(new Fault(kernel.now, null, fault.kind(), fault.target(), fault.params()),
                kernel.protocol, kernel.n);
        if (what instanceof Intervention.MessageAction action) {
            String missing = kernel.transport.missing(action);
            if (missing != null) {
                throw new RecipeException("fault.params.message", missing);
            }
        }
        return what;
    }

    void schedulePlanned(Planned planned) {
        Fault fault = planned.fault();
        if (fault.at() != null) {
            kernel.schedule(new FaultItem(fault.at(), planned));
        } else {
            int i = faultsByEvent.size();
            while (i > 0 && faultsByEvent.get(i - 1).fault().atEvent() > fault.atEvent()) {
                i--;
            }
            faultsByEvent.add(i, planned);
            kernel.needsAttention(fault.atEvent());
        }
    }

    /** A fault to run now, as a step of its own (a live injection). */
    Kernel.Item now(Planned planned) {
        return new FaultItem(kernel.now, planned);
    }

    /**
     * A fault planned by event index is a step of its own, one fault per step, as {@link Kernel#inject} was between
     * two steps of the live run: so seeking to its FAULT event shows what the live run showed right after it.
     */
    boolean applyNextDueByEvent() {
        if (faultsByEvent.isEmpty() || faultsByEvent.get(0).fault().atEvent() > kernel.trace.written()) {
            return false;
        }
        kernel.runItem(new FaultItem(kernel.now, faultsByEvent.remove(0)));
        return true;
    }

    /** The faults still planned by event index, hashed for {@link Kernel#fingerprint()}. */
    long plannedFingerprint() {
        long hash = 0;
        for (Planned planned : faultsByEvent) {
            hash = Fingerprint.combine(hash, planned.fault().hashCode());
        }
        return hash;
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

    /** The smallest event index a fault is planned for, or Long.MAX_VALUE. */
    long firstPlannedEvent() {
        return faultsByEvent.isEmpty() ? Long.MAX_VALUE : faultsByEvent.get(0).fault().atEvent();
    }

    /** The first planned fault whose index is the trace's size right now, or -1. */
    private int firstDueNow() {
        int size = kernel.trace.written();
        for (int i = 0; i < faultsByEvent.size(); i++) {
            long at = faultsByEvent.get(i).fault().atEvent();
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
    private void apply(Planned planned) {
        try {
            planned.what().apply(this, planned.fault());
        } finally {
            if (planned.fault() == watched) {
                watchedEnd = kernel.trace.written();
            }
        }
    }

    @Override
    public void fault(Fault recorded, Intervention.FaultIntervention fault) {
        int target = recorded.targetNode();
        if (fault.makesFaulty()) {
            everFaulty.set(target);
            if (!(fault instanceof Intervention.Crash)) {
                faultyBesidesCrash.set(target);
            }
        }
        int previousCause = kernel.currentCause;
        kernel.currentCause = kernel.record(EventKind.FAULT, target, -1, -1, -1, recorded, recorded.kind().name());
        try {
            fault.affect(this, target);
        } finally {
            kernel.currentCause = previousCause;
        }
    }

    @Override
    public void messageAction(Fault recorded, Intervention.MessageAction action) {
        kernel.transport.messageAction(recorded, action);
    }

    @Override
    public void endLater(Intervention.Lasting fault, int node, Long duration) {
        int generation = ++kernel.nodes[node].lastingFaults[fault.kind().ordinal()];
        if (duration != null) {
            kernel.schedule(new FaultEnd(kernel.now + duration, fault, node, generation));
        }
    }

    @Override
    public void request(int node, String command) {
        NodeState target = kernel.nodes[node];
        Request request = new Request(++requests, node, command);
        int seq = kernel.record(EventKind.REQUEST, node, -1, -1, -1, request, target.up ? null : "lost: " + ProcessLabel.of(node) + " is down");
        if (target.up) {
            kernel.invoke(target, seq, process -> {
                if (process.adversary != null) {
                    process.adversary.request(request);
                } else if (process.process instanceof AsyncProcess async) {
                    async.onRequest(kernel.contextOf(process), request);
                } else {
                    ((RoundProcess) process.process).onRequest(kernel.contextOf(process), request);
                }
            });
        }
    }

    @Override
    public NodeState node(int id) {
        return kernel.nodes[id];
    }

    @Override
    public int nodeCount() {
        return kernel.n;
    }

    @Override
    public Protocol protocol() {
        return kernel.protocol;
    }

    @Override
    public LinkState links() {
        return kernel.transport.network().links();
    }

    @Override
    public Network network() {
        return kernel.transport.network();
    }

    @Override
    public void takeOver(NodeState node, Adversary adversary) {
        NodeContext voice = new NodeContext(kernel, node);
        node.voice = voice;
        node.adversary = new AdversaryDriver(adversary, node, voice, faultRandom.split());
        if (node.up) {
            kernel.invoke(node, kernel.currentCause, taken -> taken.adversary.takeover());
        }
    }

    @Override
    public void crash(NodeState node) {
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

    @Override
    public void recover(NodeState node) {
        if (node.up) {
            return;
        }
        node.up = true;
        node.incarnation++;
        int seq = kernel.record(EventKind.RECOVER, node.id, -1, -1, -1, null, null);
        kernel.invoke(node, seq, recovered -> {
            recovered.process = kernel.setup.factory().apply(recovered.id);
            if (recovered.adversary != null) {
                recovered.adversary.recover();
            } else if (recovered.process instanceof AsyncProcess async) {
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

    private final class FaultItem extends Kernel.Item {
        final Planned planned;

        FaultItem(long time, Planned planned) {
            super(time);
            this.planned = planned;
        }

        @Override
        Enabled describe() {
            return new Enabled("fault", time, planned.fault().targetNode(), -1, -1, planned.fault().kind().name());
        }

        @Override
        void run() {
            apply(planned);
        }

        @Override
        long fingerprint() {
            Fault fault = planned.fault();
            return java.util.Objects.hash("fault", fault.kind(), fault.target(), fault.params());
        }
    }

    private final class FaultEnd extends Kernel.Item {
        final Intervention.Lasting fault;
        final int node;
        final int generation;

        FaultEnd(long time, Intervention.Lasting fault, int node, int generation) {
            super(time);
            this.fault = fault;
            this.node = node;
            this.generation = generation;
        }

        @Override
        Enabled describe() {
            return new Enabled("fault-end", time, node, -1, -1, fault.kind().name() + " ends");
        }

        @Override
        long fingerprint() {
            boolean ends = kernel.nodes[node].lastingFaults[fault.kind().ordinal()] == generation;
            return ends ? java.util.Objects.hash("fault-end", fault.kind(), node) : 0;
        }

        @Override
        void run() {
            kernel.beforeEvent();
            NodeState state = kernel.nodes[node];
            if (state.lastingFaults[fault.kind().ordinal()] != generation) {
                return;
            }
            fault.end(state);
            kernel.record(EventKind.NOTE, node, -1, -1, -1, fault.kind().name().toLowerCase().replace('_', ' ') + " ended", "fault ended");
        }
    }
}

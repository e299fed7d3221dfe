package dev.faultlab.sim;

import java.util.List;
import java.util.SplittableRandom;

/**
 * What a process's {@link Context} does: one per node, living as long as the run, and one more each time a
 * BYZANTINE fault hands the node to an adversary (its voice, see {@link AdversaryDriver}).
 */
final class NodeContext implements Context {
    private final Kernel kernel;
    private final NodeState node;

    NodeContext(Kernel kernel, NodeState node) {
        this.kernel = kernel;
        this.node = node;
    }

    @Override
    public int self() {
        return node.id;
    }

    @Override
    public List<Integer> peers() {
        return kernel.peers.get(node.id);
    }

    @Override
    public int n() {
        return kernel.n;
    }

    @Override
    public long now() {
        return kernel.now;
    }

    @Override
    public int round() {
        return kernel.round;
    }

    @Override
    public void send(int to, Message message) {
        kernel.transport.send(node, this, to, message);
    }

    @Override
    public void broadcast(Message message) {
        for (int to : kernel.peers.get(node.id)) {
            kernel.transport.send(node, this, to, message);
        }
    }

    @Override
    public void broadcastAll(Message message) {
        for (int to = 0; to < kernel.n; to++) {
            kernel.transport.send(node, this, to, message);
        }
    }

    @Override
    public String role() {
        return kernel.setup.roleOf(node.id);
    }

    @Override
    public String roleOf(int other) {
        if (other < 0 || other >= kernel.n) {
            throw new IllegalArgumentException("process " + other + " does not exist (n=" + kernel.n + ")");
        }
        return kernel.setup.roleOf(other);
    }

    @Override
    public List<Integer> withRole(String role) {
        return kernel.byRole.getOrDefault(role, List.of());
    }

    @Override
    public void setTimer(String name, long delay) {
        if (!node.up || node.voice != this) {
            return;
        }
        if (kernel.roundBased) {
            throw new IllegalStateException("timers belong to asynchronous protocols; round protocols use rounds");
        }
        int generation = ++node.timerGeneration;
        node.timers.put(name, generation);
        long scaled = Math.max(1, Math.round(delay * node.timerFactor));
        kernel.scheduleTimer(kernel.now + scaled, node, name, generation);
    }

    @Override
    public void cancelTimer(String name) {
        node.timers.remove(name);
    }

    @Override
    public StableStorage stable() {
        return node.stable;
    }

    @Override
    public <T> Signed<T> sign(T payload) {
        return Signed.by(node.id, payload);
    }

    @Override
    public void decide(Object value) {
        kernel.beforeEvent();
        Kernel.cutIfSilenced(node, this);
        if (!node.decided) {
            node.decided = true;
            node.decision = value;
        }
        recordOwn(EventKind.DECIDE, value, null);
    }

    @Override
    public void output(Output output) {
        if (output instanceof Output.Decide decide) {
            decide(decide.value());
        } else {
            recordOwn(EventKind.OUTPUT, output, output.kind());
        }
    }

    @Override
    public void note(String text) {
        recordOwn(EventKind.NOTE, text, null);
    }

    @Override
    public void stateChanged(String description) {
        recordOwn(EventKind.STATE, description, null);
    }

    /** An event of the process's own; a fault due before it (or set off by it) that crashes the process cuts the handler. */
    private void recordOwn(EventKind kind, Object payload, String detail) {
        kernel.beforeEvent();
        Kernel.cutIfSilenced(node, this);
        kernel.record(kind, node.id, -1, -1, -1, payload, detail);
        Kernel.cutIfSilenced(node, this);
    }

    @Override
    public SplittableRandom random() {
        return node.random;
    }
}

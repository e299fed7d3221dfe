package dev.faultlab.sim;

import java.util.Map;

/**
 * {@link States} read from the kernel's nodes as they are while the monitors read one event: each piece is built
 * on first use and kept until the next event, so the monitors reading one event share it.
 */
final class KernelStates implements States {
    private final Kernel kernel;
    private final int n;
    /** Bumped per event: a piece is fresh when its generation is the current one. */
    private int generation = 1;
    private final int[] stateAt;
    private final int[] stableAt;
    private final int[] displayAt;
    private final Map<String, Object>[] states;
    private final Map<String, Object>[] stables;
    private final StateDisplay[] displays;

    @SuppressWarnings("unchecked")
    KernelStates(Kernel kernel) {
        this.kernel = kernel;
        this.n = kernel.nodeCount();
        this.stateAt = new int[n];
        this.stableAt = new int[n];
        this.displayAt = new int[n];
        this.states = new Map[n];
        this.stables = new Map[n];
        this.displays = new StateDisplay[n];
    }

    /** The kernel moved on: everything built so far is stale. */
    void nextEvent() {
        generation++;
    }

    @Override
    public int count() {
        return n;
    }

    @Override
    public boolean up(int node) {
        return kernel.node(node).up;
    }

    @Override
    public Map<String, Object> state(int node) {
        if (stateAt[node] != generation) {
            states[node] = Kernel.stateOf(kernel.node(node));
            stateAt[node] = generation;
        }
        return states[node];
    }

    @Override
    public Map<String, Object> stable(int node) {
        if (stableAt[node] != generation) {
            stables[node] = kernel.node(node).stable.view();
            stableAt[node] = generation;
        }
        return stables[node];
    }

    @Override
    public StateDisplay display(int node) {
        if (displayAt[node] != generation) {
            displays[node] = Kernel.displayOf(kernel.node(node), stable(node));
            displayAt[node] = generation;
        }
        return displays[node];
    }

    @Override
    public ProcessStatus status(int node) {
        NodeState state = kernel.node(node);
        return new ProcessStatus(node, kernel.roleOf(node), state.up, state.byzantineName, state(node), stable(node),
                state.decision, display(node));
    }
}

package dev.faultlab.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** The kernel's bookkeeping for one node: its process object and the faults currently acting on it. */
final class NodeState {
    final int id;
    final StableStorage stable = new StableStorage();
    final SplittableRandom random;
    NodeProcess process;
    boolean up = true;
    /** Bumped on crash and recovery, so timers set by an earlier incarnation never fire. */
    int incarnation;
    int lamport;
    /** Timer name → generation; only the newest setting of a timer fires. Looked up by key, never iterated. */
    final Map<String, Integer> timers = new HashMap<>();
    int timerGeneration;
    final List<Delivery> inbox = new ArrayList<>();

    /** Per lasting fault kind, how many hit the node: a fault's end only ends the newest one. */
    final int[] lastingFaults = new int[FaultKind.values().length];
    double sendOmission;
    double receiveOmission;
    long extraDelay;
    double timerFactor = 1;
    /** The context through which the node acts now: its honest one, or its adversary's once it turned Byzantine. */
    Context voice;
    String byzantineName;
    /** Set by a BYZANTINE fault: the kernel hands the node's events to it instead of the honest process. */
    AdversaryDriver adversary;

    /** Armed by a CRASH with afterSends: the node crashes right after this many more sends. */
    int crashAfterSends = -1;
    /** Armed by a CRASH with reaches: in its next handler the node sends only to these, then crashes. */
    Set<Integer> crashReaches;

    Object decision;
    boolean decided;

    NodeState(int id, SplittableRandom random) {
        this.id = id;
        this.random = random;
    }
}

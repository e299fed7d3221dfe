package dev.faultlab.explore;

import java.util.Arrays;

/**
 * Partial-order reduction for the breadth-first search: sleep sets one level deep, over deliveries only. One instance
 * serves the expansion of one state.
 *
 * <p><b>Independence.</b> In this kernel a handler changes only its own node (its process, stable storage, timers,
 * decision) and adds messages and timers to the queue; the one thing all handlers share is the clock, which an item
 * chosen out of the clock's order moves to its due time ({@code now = max(now, due)}), and which handlers may read
 * (2PC writes it into its log). Two deliveries to different nodes that run at the same time ({@code max(now, due)}
 * equal for both) therefore commute: in either order each handler runs at that time on the same node state, and the
 * two orders lead to one state, but for the ids the kernel gives the messages sent, which no handler sees. Deliveries
 * to different nodes at different times do not commute (the later one would move the clock under the earlier), nor
 * does anything else: deliveries to one node, timers, process and round starts, planned faults, and each fault the
 * search injects (a crash changes what a delivery to that node does, a drop or a duplicate acts on one message).
 *
 * <p><b>The rule.</b> Let the search expand state p, and let e and d be deliveries at p to different nodes at the
 * same time, e run before d, where p.e was a new state that entered the frontier. Then p.d does not run e: e is in
 * p.d's sleep set. Sleep sets are not passed further down, and a child reached by anything but a delivery has none.
 *
 * <p><b>Why it changes nothing but the work.</b> p.e entered the frontier before p.d (breadth-first order), so it is
 * expanded before p.d, and e's sleep set cannot hold d (it holds only deliveries run before e). So p.e.d is reached
 * before p.d.e would be, and it is the same state (independence). The unreduced search would therefore reach p.d.e,
 * find its fingerprint seen, and prune it: the reduction only skips replays of states the search already counted.
 * It keeps the outcome, the distinct states and which run is found, at the same length with the same faults,
 * exactly, also where the fingerprint merges states that differ in what it leaves out (virtual time): the argument
 * uses the real state p.e, never another state with its fingerprint. That is why e must have entered the frontier
 * (a child pruned as seen stands for an earlier state that may differ in what the fingerprint leaves out), and why
 * sleep sets stay one level deep (an inherited sleep set would rest on paths that pruning may have cut: the known
 * trap of sleep sets with state caching).
 *
 * <p><b>Provisos</b> (checked by the search before it applies the rule at a state): the state has a fingerprint (a
 * protocol without them, or a run with a Byzantine node, is searched unreduced: nothing is pruned, so nothing would
 * be skipped), and no fault of the recipe planned by event index is still to come (one would land part-way through
 * one order and elsewhere in the other). As for pruning, monitors are assumed to judge by the processes' state, not
 * by the order in which two nodes' events interleave.
 */
final class SleepSets {
    static final int[] NONE = new int[0];

    private final int[] messages;
    private final int[] nodes;
    private final long[] times;
    private final int[] sleep;
    private final boolean commutes;
    /** Choices (positions) whose child entered the frontier, in the order they ran. */
    private final int[] entered;
    private int enteredCount;

    /**
     * @param messages the message id of each choice that is a delivery, -1 for any other choice
     * @param nodes    the receiving node of each delivery choice
     * @param times    the time each delivery choice would run at: its due time, or now if that is later
     * @param sleep    the state's own sleep set (message ids it does not deliver)
     * @param commutes whether the provisos hold at the state (and the reduction is on)
     */
    SleepSets(int[] messages, int[] nodes, long[] times, int[] sleep, boolean commutes) {
        this.messages = messages;
        this.nodes = nodes;
        this.times = times;
        this.sleep = sleep;
        this.commutes = commutes;
        this.entered = new int[messages.length];
    }

    /** Whether the choice at this position is skipped. */
    boolean asleep(int choice) {
        if (!commutes || messages[choice] < 0) {
            return false;
        }
        for (int member : sleep) {
            if (member == messages[choice]) {
                return true;
            }
        }
        return false;
    }

    /** The sleep set of the child the choice leads to: earlier deliveries that entered the frontier and commute with it. */
    int[] childSleep(int choice) {
        if (!commutes || messages[choice] < 0) {
            return NONE;
        }
        int[] childSleep = new int[enteredCount];
        int size = 0;
        for (int j = 0; j < enteredCount; j++) {
            int earlier = entered[j];
            if (nodes[earlier] != nodes[choice] && times[earlier] == times[choice]) {
                childSleep[size++] = messages[earlier];
            }
        }
        return size == 0 ? NONE : Arrays.copyOf(childSleep, size);
    }

    /** The choice's child was a new state and entered the frontier. */
    void enteredFrontier(int choice) {
        if (commutes && messages[choice] >= 0) {
            entered[enteredCount++] = choice;
        }
    }
}

package dev.faultlab.sim;

import java.util.List;
import java.util.SplittableRandom;

/**
 * What a process can see and do. Everything goes through the kernel, which records it in the trace
 * and applies the fault plan; a process never touches the network or the clock directly.
 */
public interface Context {
    /** This process's id, from 0. */
    int self();

    /** Every other process's id, in ascending order. */
    List<Integer> peers();

    /** Number of processes. */
    int n();

    /** Virtual time in ticks. */
    long now();

    /** The current round of a round-based protocol, else -1. */
    int round();

    /** The role this process plays (e.g. "server"; "process" if the protocol names no roles). */
    String role();

    /** The role of process {@code node}. */
    String roleOf(int node);

    /** The processes that play {@code role}, in ascending id order (this one included if it does). */
    List<Integer> withRole(String role);

    /**
     * Sends a message through the network and the fault model. A message to oneself ({@code to == self()})
     * stays local: it is delivered one tick later (in a round protocol: in the next round's inbox), never lost,
     * duplicated or cut off by the network, and dropped only if this process crashes first.
     */
    void send(int to, Message message);

    /** Sends to every peer in ascending id order (so a crash part-way reaches the lower ids first). */
    void broadcast(Message message);

    /** Sends to every process, this one included (as a local message), in ascending id order. */
    void broadcastAll(Message message);

    /** Fires {@link AsyncProcess#onTimer} after {@code delay} ticks; setting a timer again replaces it. */
    void setTimer(String name, long delay);

    void cancelTimer(String name);

    /** Storage that survives a crash; everything else the process holds is lost. */
    StableStorage stable();

    /** Records this process's decision (once; later calls with another value are recorded too, as a violation). */
    void decide(Object value);

    /**
     * Hands a typed result to the environment: recorded as an OUTPUT event (a {@link Output.Decide} as DECIDE,
     * exactly as {@link #decide(Object)}), which monitors and answer keys read.
     */
    void output(Output output);

    /**
     * Signs {@code payload} in this process's name: only the kernel makes a {@link Signed}, so whoever receives it
     * (relayed by anyone) can {@link Signed#verify} that this process signed exactly this payload.
     */
    <T> Signed<T> sign(T payload);

    /** A line of explanation in the trace, shown to the student. */
    void note(String text);

    /** Marks a change of the process's protocol state (e.g. "WAIT → READY") in the trace. */
    void stateChanged(String description);

    /** This process's own deterministic random numbers. */
    SplittableRandom random();
}

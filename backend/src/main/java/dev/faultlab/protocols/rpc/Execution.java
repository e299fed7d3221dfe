package dev.faultlab.protocols.rpc;

/**
 * The server carried out call {@code seq} of {@code client} (its attempt {@code attempt}): the entry of the
 * {@link dev.faultlab.sim.Output.Commit} output that monitors and answer keys count: what it did
 * ({@code operation}, as a person reads it) and the accounts after it.
 */
public record Execution(int client, int seq, int attempt, String operation, boolean idempotent, String after) {
    /** Which attempt of a commit event's execution. */
    static int attemptOf(dev.faultlab.sim.TraceEvent event) {
        return ((Execution) ((dev.faultlab.sim.Output.Commit) event.payload()).entry()).attempt();
    }
}

package dev.faultlab.protocols.pbft;

/**
 * The o of the slides: what a client asked for, by the client's process id and its own request number, so a
 * replica can tell a retransmission from a new request. {@link #NONE} is the empty operation a new primary
 * issues for a timestamp no prepare certificate covers.
 */
public record Operation(int client, int seq, String command) {
    public static final Operation NONE = new Operation(-1, 0, "none");

    public boolean none() {
        return client < 0;
    }

    /** Another operation under the same request: what a lying replica puts in place of this one (the slides' o'). */
    Operation other() {
        return none() ? this : new Operation(client, seq, command + "'");
    }

    @Override
    public String toString() {
        return command;
    }
}

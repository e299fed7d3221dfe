package dev.faultlab.protocols.voting;

/** Names shared by the processes, the monitors and the answer keys. */
public final class VotingStates {
    /** What a vote without a result gives, and how a cell or a decision says it. */
    public static final String NONE = "none";
    public static final String REPLICA = "replica";
    public static final String VOTER = "voter";
    public static final String CLIENT = "client";

    private VotingStates() {
    }
}

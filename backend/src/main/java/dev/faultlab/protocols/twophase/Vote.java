package dev.faultlab.protocols.twophase;

/** A participant's answer to VOTE_REQUEST. */
public enum Vote {
    COMMIT, ABORT
}

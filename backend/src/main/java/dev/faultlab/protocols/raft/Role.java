package dev.faultlab.protocols.raft;

/** What a server is in its current term. */
public enum Role { FOLLOWER, CANDIDATE, LEADER }

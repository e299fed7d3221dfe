package dev.faultlab.protocols.raft;

/**
 * When a voter may vote for a candidate, as far as logs go. The slide says a server will not vote for a
 * candidate whose log is less up to date, "more committed operations or operations from more recent
 * terms"; a server cannot know what is committed, so we follow the Raft paper (section 5.4.1): compare
 * the terms of the last entries, and if they are equal, the longer log is more up to date.
 */
public final class VoteRule {
    private VoteRule() {
    }

    /** Whether a candidate whose log ends at (lastIndex, lastTerm) is at least as up to date as the voter's log. */
    public static boolean atLeastAsUpToDate(int candidateLastTerm, int candidateLastIndex, int voterLastTerm, int voterLastIndex) {
        if (candidateLastTerm != voterLastTerm) {
            return candidateLastTerm > voterLastTerm;
        }
        return candidateLastIndex >= voterLastIndex;
    }

    /** Why a voter refuses, for the trace. */
    static String refusal(RequestVote request, int voterLastTerm, int voterLastIndex) {
        return "its log (last entry term " + voterLastTerm + ", index " + voterLastIndex
                + ") is more up to date than the candidate's (term " + request.lastLogTerm() + ", index "
                + request.lastLogIndex() + ")";
    }
}

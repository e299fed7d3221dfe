package dev.faultlab.protocols.raft;

/**
 * One log entry, the lecture's tuple (operation, term, index), plus the client request it carries so
 * the leader can answer the client once it is committed and duplicates of a retransmitted request are
 * recognised. Entries a run starts with (parameter {@code logs}) belong to no client ({@code client = -1}).
 *
 * @param index position in the log, from 1
 * @param term  the term of the leader that appended it
 * @param op    the operation, e.g. {@code x=5}
 * @param client the client's process id, or -1
 * @param seq   the client's request number (from 1), or 0
 */
public record Entry(int index, int term, String op, int client, int seq) {

    /** An entry a run starts with, as if recovered from stable storage. */
    static Entry given(int index, int term) {
        return new Entry(index, term, "e" + index, -1, 0);
    }

    boolean fromClient() {
        return client >= 0;
    }

    /** Same request of the same client (a retransmission), whatever its place and term. */
    boolean sameRequest(int otherClient, int otherSeq) {
        return client == otherClient && seq == otherSeq && client >= 0;
    }
}

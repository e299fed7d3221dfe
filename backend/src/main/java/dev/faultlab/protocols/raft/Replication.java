package dev.faultlab.protocols.raft;

import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.StateDisplay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A leader's view of its followers: for each, the next index to send it ({@code nextIndex}) and the
 * highest index known to be replicated on it ({@code matchIndex}); and the commit rule.
 */
final class Replication {
    /** Entries per AppendEntries, so one message never carries a whole long log. */
    static final int MAX_BATCH = 64;

    private final int self;
    private final int[] nextIndex;
    private final int[] matchIndex;

    Replication(int self, int servers, int lastIndex) {
        this.self = self;
        nextIndex = new int[servers];
        matchIndex = new int[servers];
        Arrays.fill(nextIndex, lastIndex + 1);
    }

    /** The leader's bookkeeping as a value, for the server's fingerprint. */
    Object fingerprint() {
        return List.of(Arrays.toString(nextIndex), Arrays.toString(matchIndex));
    }

    /** The AppendEntries that brings {@code follower} up to date from what the leader believes it has. */
    AppendEntries messageFor(int follower, int term, List<Entry> log, int commitIndex) {
        int prev = nextIndex[follower] - 1;
        int last = Math.min(log.size(), prev + MAX_BATCH);
        // A copy: the message outlives this moment, the stable log does not stand still.
        return new AppendEntries(term, self, prev, Logs.termAt(log, prev), List.copyOf(log.subList(prev, last)), commitIndex);
    }

    void acknowledged(int follower, int index) {
        matchIndex[follower] = Math.max(matchIndex[follower], index);
        nextIndex[follower] = Math.max(nextIndex[follower], matchIndex[follower] + 1);
    }

    /** The follower's log does not match: step back, at once to its end if it is shorter. */
    void refused(int follower, int hint) {
        nextIndex[follower] = Math.max(matchIndex[follower] + 1, Math.min(nextIndex[follower] - 1, hint + 1));
        nextIndex[follower] = Math.max(1, nextIndex[follower]);
    }

    /**
     * The Raft paper's commit rule (section 5.4.2): the highest index N above {@code commitIndex} held by a
     * majority (the leader counts itself) whose entry has the leader's own term. Entries of earlier terms
     * are never committed by counting replicas, only together with a later entry of the current term: the
     * slide's "a majority of acknowledgments commits" can lose an old-term entry (the paper's Figure 8).
     */
    int commitIndex(List<Entry> log, int term, int commitIndex, int majority) {
        for (int n = log.size(); n > commitIndex && Logs.termAt(log, n) == term; n--) {
            int replicas = 1;
            for (int follower = 0; follower < matchIndex.length; follower++) {
                if (follower != self && matchIndex[follower] >= n) {
                    replicas++;
                }
            }
            if (replicas >= majority) {
                return n;
            }
        }
        return commitIndex;
    }

    /** A row per follower: its nextIndex and matchIndex. */
    StateDisplay.Table table() {
        List<List<Object>> rows = new ArrayList<>();
        for (int follower = 0; follower < nextIndex.length; follower++) {
            if (follower != self) {
                rows.add(StateDisplay.Table.row(ProcessLabel.of(follower), nextIndex[follower], matchIndex[follower]));
            }
        }
        return new StateDisplay.Table("Followers (leader's view)", List.of("server", "nextIndex", "matchIndex"), rows);
    }
}

package dev.faultlab.protocols.omcast;

import java.util.List;

/** The checked parameters of a run: members are processes 0 to members - 1, sequencers (if any) follow them. */
public record OmConfig(Ordering ordering, int members, int sequencers, int tokenHold, long runFor, List<Issue> workload) {
    public OmConfig {
        workload = List.copyOf(workload);
    }

    public int processes() {
        return members + sequencers;
    }

    public boolean member(int node) {
        return node < members;
    }
}

package dev.faultlab.protocols.raft;

import java.util.List;

/**
 * Which servers can win the next election from a given state: a candidate needs the votes of a majority of
 * all servers (its own included), and an up server votes for it in a fresh term exactly when the
 * candidate's log is at least as up to date as its own ({@link VoteRule}, the rule the servers follow).
 * Terms do not decide it: a candidate in an old term keeps timing out into newer terms until its term is
 * the newest. A server that is down neither runs nor votes.
 */
public final class Electable {
    private Electable() {
    }

    public static boolean canWin(List<ServerSnapshot> servers, int candidate) {
        ServerSnapshot c = servers.get(candidate);
        if (!c.up()) {
            return false;
        }
        long votes = servers.stream()
                .filter(voter -> voter.up() && VoteRule.atLeastAsUpToDate(Logs.lastTerm(c.log()), c.log().size(),
                        Logs.lastTerm(voter.log()), voter.log().size()))
                .count();
        return votes > servers.size() / 2;
    }
}

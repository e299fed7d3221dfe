package dev.faultlab.protocols.paxos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one server knows about who holds what, per timestamp not yet executed: an ACCEPT tells that its sender
 * holds the operation, a LEARN that its sender does, and the server's own holding counts too. Holdings count
 * together only for the same operation in the same regime: an old regime's holders and a newer regime's may
 * overlap in a majority that never agreed on anything. A CHOSEN from the leader settles a timestamp outright.
 */
final class Learning {
    /** An operation as accepted in one regime. */
    record Proposal(Op op, int regime) {
    }

    private final int majority;
    private final TreeMap<Integer, LinkedHashMap<Proposal, TreeSet<Integer>>> holders = new TreeMap<>();
    private final TreeMap<Integer, Op> chosen = new TreeMap<>();

    /**
     * Who holds what per timestamp, in the order proposals were first heard (the first with a majority is the one
     * decided), and what is known chosen: for the fingerprint of the process that learns.
     */
    Object fingerprint() {
        Map<Integer, List<Map.Entry<Proposal, Set<Integer>>>> held = new TreeMap<>();
        holders.forEach((t, proposals) -> {
            List<Map.Entry<Proposal, Set<Integer>>> entries = new ArrayList<>();
            proposals.forEach((proposal, servers) -> entries.add(Map.entry(proposal, Set.copyOf(servers))));
            held.put(t, entries);
        });
        return List.of(held, new TreeMap<>(chosen));
    }

    Learning(int majority) {
        this.majority = majority;
    }

    void holds(int server, Slot slot) {
        holders.computeIfAbsent(slot.t(), t -> new LinkedHashMap<>())
                .computeIfAbsent(new Proposal(slot.op(), slot.regime()), p -> new TreeSet<>()).add(server);
    }

    /** The server no longer holds {@code slot} (it took a newer regime's operation instead). */
    void releases(int server, Slot slot) {
        Map<Proposal, TreeSet<Integer>> at = holders.get(slot.t());
        TreeSet<Integer> servers = at == null ? null : at.get(new Proposal(slot.op(), slot.regime()));
        if (servers != null) {
            servers.remove(server);
        }
    }

    void chosen(int t, Op op) {
        chosen.put(t, op);
    }

    /** The operation known to be held by a majority at {@code t} (the first to get there), or null. */
    Op decided(int t) {
        Op settled = chosen.get(t);
        if (settled != null) {
            return settled;
        }
        Map<Proposal, TreeSet<Integer>> at = holders.get(t);
        if (at != null) {
            for (Map.Entry<Proposal, TreeSet<Integer>> entry : at.entrySet()) {
                if (entry.getValue().size() >= majority) {
                    return entry.getKey().op();
                }
            }
        }
        return null;
    }

    /** Who is known to hold {@code slot}'s operation in its regime. */
    Set<Integer> holdersOf(Slot slot) {
        Map<Proposal, TreeSet<Integer>> at = holders.get(slot.t());
        TreeSet<Integer> servers = at == null ? null : at.get(new Proposal(slot.op(), slot.regime()));
        return servers == null ? Set.of() : servers;
    }

    /** {@code t} is executed: nothing more to count there. */
    void forget(int t) {
        holders.remove(t);
        chosen.remove(t);
    }

    boolean chosenAt(int t) {
        return chosen.containsKey(t);
    }
}

package dev.faultlab.protocols.raft;

import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.Params;
import dev.faultlab.sim.RecipeException;

import java.util.ArrayList;
import java.util.List;

/**
 * The term and log each server starts with (parameters {@code logs} and {@code terms}), as if recovered
 * from stable storage: so a lab can pose "given these logs and terms" and the run continues from there.
 * Only states Raft can reach are accepted: terms never decrease along a log, two logs that agree on an
 * entry's term agree on everything before it (log matching), and no server is in a term older than its
 * last entry.
 */
record InitialState(List<Integer> terms, List<List<Entry>> logs) {

    static InitialState of(Params params, int servers) {
        List<List<Integer>> termsOfEntries = logTerms(params, servers);
        List<List<Entry>> logs = new ArrayList<>();
        for (List<Integer> entryTerms : termsOfEntries) {
            List<Entry> entries = new ArrayList<>();
            for (int i = 0; i < entryTerms.size(); i++) {
                entries.add(Entry.given(i + 1, entryTerms.get(i)));
            }
            logs.add(List.copyOf(entries));
        }
        checkLogMatching(termsOfEntries);
        List<Integer> terms = new ArrayList<>();
        if (params.has("terms")) {
            List<Integer> given = params.getIntList("terms").orElseThrow();
            if (given.size() != servers) {
                throw new RecipeException("params.terms", "must give one term per server (n=" + servers + "), got " + given.size());
            }
            for (int server = 0; server < servers; server++) {
                if (given.get(server) < Logs.lastTerm(logs.get(server))) {
                    throw new RecipeException("params.terms", "element " + server + " must be at least the term of " + ProcessLabel.of(server)
                             + "'s last log entry (" + Logs.lastTerm(logs.get(server)) + "), got " + given.get(server));
                }
            }
            terms.addAll(given);
        } else {
            logs.forEach(log -> terms.add(Logs.lastTerm(log)));
        }
        return new InitialState(List.copyOf(terms), List.copyOf(logs));
    }

    private static List<List<Integer>> logTerms(Params params, int servers) {
        List<List<Integer>> result = new ArrayList<>();
        if (!params.has("logs")) {
            for (int server = 0; server < servers; server++) {
                result.add(List.of());
            }
            return result;
        }
        List<?> logs = params.getList("logs").orElseThrow();
        if (logs.size() != servers) {
            throw new RecipeException("params.logs", "must give one log per server (n=" + servers + "), got " + logs.size());
        }
        for (int server = 0; server < servers; server++) {
            if (!(logs.get(server) instanceof List<?> entries)) {
                throw new RecipeException("params.logs", "element " + server + " must be a list of terms, got " + logs.get(server));
            }
            List<Integer> terms = new ArrayList<>();
            for (Object term : entries) {
                if (!(term instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
                        || number.intValue() < 1 || number.doubleValue() > 1_000_000) {
                    throw new RecipeException("params.logs", "element " + server + " must hold terms from 1 to 1000000, got " + term);
                }
                if (!terms.isEmpty() && number.intValue() < terms.get(terms.size() - 1)) {
                    throw new RecipeException("params.logs", "element " + server + ": terms never decrease along a log, got "
                            + entries);
                }
                terms.add(number.intValue());
            }
            result.add(terms);
        }
        return result;
    }

    private static void checkLogMatching(List<List<Integer>> logs) {
        for (int a = 0; a < logs.size(); a++) {
            for (int b = 0; b < logs.size(); b++) {
                if (a != b) {
                    checkOneLeaderPerTerm(logs, a, b);
                }
            }
        }
        for (int a = 0; a < logs.size(); a++) {
            for (int b = a + 1; b < logs.size(); b++) {
                List<Integer> first = logs.get(a);
                List<Integer> second = logs.get(b);
                int shared = Math.min(first.size(), second.size());
                for (int i = shared - 1; i >= 0; i--) {
                    if (first.get(i).equals(second.get(i))) {
                        if (!first.subList(0, i).equals(second.subList(0, i))) {
                            throw new RecipeException("params.logs", ProcessLabel.of(a) + " and " + ProcessLabel.of(b) + " agree on the term of entry "
                                    + (i + 1) + " but not on the entries before it; Raft's logs cannot get there");
                        }
                        break;
                    }
                }
            }
        }
    }

    /**
     * One leader appends a term's entries, one after another in its log: if P{@code a} holds a term-t entry
     * at index i and P{@code b} one at i or later, P{@code b}'s entry at i has term t as well.
     */
    private static void checkOneLeaderPerTerm(List<List<Integer>> logs, int a, int b) {
        List<Integer> first = logs.get(a);
        List<Integer> second = logs.get(b);
        for (int i = 0; i < first.size(); i++) {
            int term = first.get(i);
            if (second.lastIndexOf(term) >= i && second.get(i) != term) {
                throw new RecipeException("params.logs", ProcessLabel.of(a) + " has a term-" + term + " entry at index " + (i + 1)
                        + " and " + ProcessLabel.of(b) + " a later one, but not that one; one leader appends a term's entries in order");
            }
        }
    }
}

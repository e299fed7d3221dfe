package dev.faultlab.protocols.byzantine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one process heard, by round and by path, with the trace event of each delivery. The
 * first statement about a path counts; a network duplicate of it is not heard twice.
 */
final class Hearsay {
    private record Heard(String value, int event) {
    }

    private final Map<List<Integer>, Heard> byPath;
    private final List<List<Statement>> byRound = new ArrayList<>();

    /** Sized for the {@code expected} statements of a run without faults, so the map never rehashes. */
    Hearsay(int expected) {
        byPath = new HashMap<>(expected * 4 / 3 + 1);
    }

    /** Keeps the statement unless one with the same path was already heard. */
    void add(int round, Statement statement, int event) {
        if (byPath.putIfAbsent(statement.path(), new Heard(statement.value(), event)) != null) {
            return;
        }
        while (byRound.size() < round) {
            byRound.add(new ArrayList<>());
        }
        byRound.get(round - 1).add(statement);
    }

    /** What was heard in a round, ordered by path (sender first). */
    List<Statement> inRound(int round) {
        if (round < 1 || round > byRound.size()) {
            return List.of();
        }
        List<Statement> sorted = new ArrayList<>(byRound.get(round - 1));
        sorted.sort(Statement.BY_PATH);
        return List.copyOf(sorted);
    }

    /** What was heard, round by round, whatever the order it arrived in: for the process's fingerprint. */
    Object fingerprint() {
        List<Set<Statement>> rounds = new ArrayList<>();
        for (List<Statement> round : byRound) {
            rounds.add(Set.copyOf(round));
        }
        return rounds;
    }

    int countInRound(int round) {
        return round >= 1 && round <= byRound.size() ? byRound.get(round - 1).size() : 0;
    }

    /** The value heard for a path, or {@link Majority#NO_MAJORITY} if nothing arrived. */
    String valueOf(List<Integer> path) {
        Heard heard = byPath.get(path);
        return heard == null ? Majority.NO_MAJORITY : heard.value;
    }

    /** Delivery events of every statement whose value originated at {@code origin}, in path order. */
    List<Integer> eventsAbout(int origin) {
        List<Integer> events = new ArrayList<>();
        for (int round = 1; round <= byRound.size(); round++) {
            for (Statement statement : inRound(round)) {
                if (statement.origin() == origin) {
                    events.add(byPath.get(statement.path()).event);
                }
            }
        }
        return events;
    }
}

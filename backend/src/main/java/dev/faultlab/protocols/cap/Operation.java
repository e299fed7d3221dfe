package dev.faultlab.protocols.cap;

import java.util.List;
import java.util.TreeSet;

/**
 * A request a replica coordinates in consistency mode: first it asks the replicas for their versions, then it stores
 * the chosen version (a new one for a write, the newest it heard of for a read) and answers once a majority holds it.
 */
final class Operation {
    enum Phase { QUERY, STORE }

    /** What the explorer and the inspector need to know of an operation in progress. */
    record Snapshot(int request, String command, Phase phase, List<Integer> answered, Version version, int value) {
    }

    final int request;
    final Command command;
    Phase phase = Phase.QUERY;
    final TreeSet<Integer> answered = new TreeSet<>();
    /** In the query phase the newest version heard of; in the store phase the version being stored. */
    Version version;
    int value;

    Operation(int request, Command command, int self, Version version, int value) {
        this.request = request;
        this.command = command;
        this.version = version;
        this.value = value;
        answered.add(self);
    }

    void heard(int from, Version theirs, int theirValue) {
        answered.add(from);
        if (theirs.newerThan(version)) {
            version = theirs;
            value = theirValue;
        }
    }

    Snapshot snapshot() {
        return new Snapshot(request, command.toString(), phase, List.copyOf(answered), version, value);
    }
}

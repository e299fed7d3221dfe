package dev.faultlab.protocols.virtualsynchrony;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Suspects a process it has heard nothing from for longer than the timeout: the kernel gives no failure detector,
 * so members build one from heartbeats. Suspicion lasts until the process is out of the view.
 */
final class FailureDetector {
    private final int timeout;
    /** node → time last heard from; looked up by key only. */
    private final Map<Integer, Long> lastHeard = new HashMap<>();
    private final TreeSet<Integer> suspects = new TreeSet<>();

    FailureDetector(int timeout) {
        this.timeout = timeout;
    }

    /** When each process was last heard from (which decides when it is suspected) and who is suspected. */
    Object fingerprint() {
        return List.of(new HashMap<>(lastHeard), new TreeSet<>(suspects));
    }

    void heard(int node, long now) {
        lastHeard.put(node, now);
    }

    /** Starts watching these processes from now on, unless already heard from more recently. */
    void watch(List<Integer> nodes, long now) {
        for (int node : nodes) {
            lastHeard.merge(node, now, Math::max);
        }
    }

    /** The processes among {@code watched} that it newly suspects now. */
    List<Integer> check(List<Integer> watched, long now) {
        List<Integer> fresh = new ArrayList<>();
        for (int node : watched) {
            if (!suspects.contains(node) && now - lastHeard.getOrDefault(node, now) > timeout) {
                suspects.add(node);
                fresh.add(node);
            }
        }
        return fresh;
    }

    boolean suspects(int node) {
        return suspects.contains(node);
    }

    /** Forgets suspicions of processes outside the view just installed, and of those in it. */
    void installed(List<Integer> members, long now) {
        suspects.clear();
        watch(members, now);
    }

    List<Integer> suspected() {
        return List.copyOf(suspects);
    }
}

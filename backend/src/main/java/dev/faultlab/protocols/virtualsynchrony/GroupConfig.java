package dev.faultlab.protocols.virtualsynchrony;

import dev.faultlab.sim.Params;
import dev.faultlab.sim.RecipeException;

import java.util.ArrayList;
import java.util.List;

/**
 * A run's settings, checked. {@code joinAt[i]}: the time process i asks to join (0: a member from the start);
 * {@code leaveAt[i]}: the time it asks to leave (0: never); {@code multicasts}: who multicasts when.
 */
record GroupConfig(int n, Variant variant, boolean flush, List<Integer> joinAt, List<Integer> leaveAt,
                   List<Planned> multicasts, int heartbeat, int timeout, int runFor) {

    /** A multicast the run plans: {@code node} multicasts at {@code time}. */
    record Planned(int node, int time) {
    }

    static final List<Integer> DEFAULT_TIMES = List.of(12, 32);

    boolean initialMember(int node) {
        return joinAt.get(node) == 0;
    }

    List<Integer> initialMembers() {
        List<Integer> members = new ArrayList<>();
        for (int node = 0; node < n; node++) {
            if (initialMember(node)) {
                members.add(node);
            }
        }
        return members;
    }

    static GroupConfig of(Params params) {
        int n = params.getInt("n");
        Variant variant = Variant.of(params.getString("variant"));
        if (variant == null) {
            throw new RecipeException("params.variant", "must be one of " + Variant.ids() + ", got '" + params.getString("variant") + "'");
        }
        List<Integer> joinAt = perProcess(params, "joinAt", n);
        List<Integer> leaveAt = perProcess(params, "leaveAt", n);
        if (joinAt.stream().noneMatch(t -> t == 0)) {
            throw new RecipeException("params.joinAt", "at least one process must be a member from the start (0)");
        }
        for (int node = 0; node < n; node++) {
            if (leaveAt.get(node) > 0 && leaveAt.get(node) <= joinAt.get(node)) {
                throw new RecipeException("params.leaveAt", "element " + node + " must come after its join at " + joinAt.get(node)
                        + ", got " + leaveAt.get(node));
            }
        }
        int heartbeat = params.getInt("heartbeat");
        int timeout = params.getInt("timeout");
        if (timeout <= heartbeat) {
            throw new RecipeException("params.timeout", "must be longer than the heartbeat (" + heartbeat + " ticks), got " + timeout);
        }
        return new GroupConfig(n, variant, params.getBoolean("flush"), joinAt, leaveAt, multicasts(params, n, joinAt),
                heartbeat, timeout, params.getInt("runFor"));
    }

    private static List<Integer> perProcess(Params params, String name, int n) {
        if (!params.has(name)) {
            return java.util.Collections.nCopies(n, 0);
        }
        List<Integer> given = params.getIntList(name).orElseThrow();
        if (given.size() != n) {
            throw new RecipeException("params." + name, "must give one time per process (n=" + n + "), got " + given.size());
        }
        return List.copyOf(given);
    }

    private static List<Planned> multicasts(Params params, int n, List<Integer> joinAt) {
        List<Planned> planned = new ArrayList<>();
        if (!params.has("multicasts")) {
            for (int time : DEFAULT_TIMES) {
                for (int node = 0; node < n; node++) {
                    if (joinAt.get(node) == 0) {
                        planned.add(new Planned(node, time + node));
                    }
                }
            }
            return planned;
        }
        List<?> given = params.getList("multicasts").orElseThrow();
        for (int i = 0; i < given.size(); i++) {
            if (!(given.get(i) instanceof List<?> pair) || pair.size() != 2 || !whole(pair.get(0)) || !whole(pair.get(1))) {
                throw new RecipeException("params.multicasts", "element " + i + " must be a pair [process id, time], got " + given.get(i));
            }
            int node = ((Number) pair.get(0)).intValue();
            int time = ((Number) pair.get(1)).intValue();
            if (node < 0 || node >= n) {
                throw new RecipeException("params.multicasts", "element " + i + ": process " + node + " does not exist (ids 0 to " + (n - 1) + ")");
            }
            if (time < 1 || time > 10_000_000) {
                throw new RecipeException("params.multicasts", "element " + i + ": the time must be from 1 to 10000000, got " + time);
            }
            planned.add(new Planned(node, time));
        }
        return planned;
    }

    private static boolean whole(Object value) {
        return value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue());
    }
}

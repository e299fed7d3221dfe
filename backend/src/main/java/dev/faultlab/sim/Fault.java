package dev.faultlab.sim;

import java.util.Map;

/**
 * One planned fault: what, to whom, and when. Exactly one of {@code at} (virtual time) and
 * {@code atEvent} (before the trace event with that index) is given. Faults injected live are
 * recorded with {@code atEvent}, which replays exactly even when many events share one instant.
 */
public record Fault(Long at, Long atEvent, FaultKind kind, Integer target, Map<String, Object> params) {

    public Fault {
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }

    public static Fault at(long time, FaultKind kind, int target, Map<String, Object> params) {
        return new Fault(time, null, kind, target, params);
    }

    public static Fault at(long time, FaultKind kind, int target) {
        return at(time, kind, target, Map.of());
    }

    public static Fault network(long time, FaultKind kind, Map<String, Object> params) {
        return new Fault(time, null, kind, null, params);
    }

    public Fault atEvent(long eventIndex) {
        return new Fault(null, eventIndex, kind, target, params);
    }

    public int targetNode() {
        return target == null ? -1 : target;
    }
}

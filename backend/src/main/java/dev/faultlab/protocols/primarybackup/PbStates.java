package dev.faultlab.protocols.primarybackup;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.TraceEvent;

import java.util.List;
import java.util.Map;

/** How a server's state view and its takeover read, for monitors and answer keys (which never see the process). */
public final class PbStates {
    public static final String ROLE = "role";
    public static final String PRIMARY = "primary";
    public static final String HISTORY = "history";
    public static final String OUT = "OUT";
    public static final String TAKES_OVER = "takes over as primary";

    private PbStates() {
    }

    public static boolean isPrimary(Map<String, Object> state) {
        return Boolean.TRUE.equals(state.get(PRIMARY));
    }

    @SuppressWarnings("unchecked")
    public static List<Update> history(Map<String, Object> state) {
        Object history = state.get(HISTORY);
        return history == null ? List.of() : (List<Update>) history;
    }

    /** The STATE event at which a backup takes over. */
    public static boolean isTakeOver(TraceEvent event) {
        return event.kind() == EventKind.STATE && event.payload() instanceof String text && text.startsWith(TAKES_OVER);
    }
}

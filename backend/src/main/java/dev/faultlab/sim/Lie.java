package dev.faultlab.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One row of a scripted table of lies, read from a BYZANTINE fault's {@code lies} parameter: what the
 * Byzantine sender (the fault's target) tells receiver {@code to} in round {@code round} about
 * {@code path}. A null {@code to}, {@code round} or {@code path} matches any. The kernel checks the rows
 * and matches sender, receiver and round; what a path means inside a message is the protocol's business.
 */
public record Lie(Integer to, Integer round, String path, Object value) {

    /** The {@code lies} rows of a BYZANTINE fault's parameters (empty if there are none); checked by the kernel beforehand. */
    public static List<Lie> table(Map<String, Object> faultParams) {
        Object rows = faultParams.get("lies");
        List<Lie> lies = new ArrayList<>();
        if (rows instanceof List<?> list) {
            for (Object row : list) {
                Map<?, ?> map = (Map<?, ?>) row;
                lies.add(new Lie(wholeOrNull(map.get("to")), wholeOrNull(map.get("round")),
                        (String) map.get("path"), map.get("value")));
            }
        }
        return List.copyOf(lies);
    }

    /** Whether this row applies to a message to {@code receiver} in {@code messageRound}. */
    public boolean appliesTo(int receiver, int messageRound) {
        return (to == null || to == receiver) && (round == null || round == messageRound);
    }

    private static Integer wholeOrNull(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}

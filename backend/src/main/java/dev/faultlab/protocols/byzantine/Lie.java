package dev.faultlab.protocols.byzantine;

import dev.faultlab.sim.RecipeException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One row of a scripted table of lies, read from a BYZANTINE fault's {@code lies} parameter: what the
 * Byzantine sender (the fault's target) tells receiver {@code to} in round {@code round} about
 * {@code path}. A null {@code to}, {@code round} or {@code path} matches any. The table belongs to the
 * Byzantine protocol: it checks the rows ({@link #check}) before the kernel runs anything.
 */
public record Lie(Integer to, Integer round, String path, Object value) {

    /**
     * The rows' shape: a list of maps, receivers that exist, rounds >= 0, text paths, a value in each; every
     * problem at once, its field relative to the fault's params (e.g. {@code lies[0].to}).
     */
    static void check(Map<String, Object> faultParams, int nodes) {
        Object lies = faultParams.get("lies");
        if (lies == null) {
            return;
        }
        List<RecipeException.Problem> problems = new ArrayList<>();
        if (!(lies instanceof List<?> rows)) {
            throw new RecipeException("lies", "must be a list of rows {to, round, path, value}");
        }
        for (int i = 0; i < rows.size(); i++) {
            String row = "lies[" + i + "]";
            if (!(rows.get(i) instanceof Map<?, ?> lie)) {
                problems.add(new RecipeException.Problem(row, "must be a row {to, round, path, value}"));
                continue;
            }
            Object to = lie.get("to");
            if (to != null && !(whole(to) && ((Number) to).intValue() >= 0 && ((Number) to).intValue() < nodes)) {
                problems.add(new RecipeException.Problem(row + ".to", whole(to)
                        ? "node " + ((Number) to).intValue() + " does not exist (n=" + nodes + ")" : "must be a node id, got '" + to + "'"));
            }
            if (lie.get("round") != null && !(whole(lie.get("round")) && ((Number) lie.get("round")).intValue() >= 0)) {
                problems.add(new RecipeException.Problem(row + ".round", "must be a whole number >= 0"));
            }
            if (lie.get("path") != null && !(lie.get("path") instanceof String)) {
                problems.add(new RecipeException.Problem(row + ".path", "must be text"));
            }
            if (!lie.containsKey("value")) {
                problems.add(new RecipeException.Problem(row + ".value", "is required: what the Byzantine node says instead"));
            }
        }
        if (!problems.isEmpty()) {
            throw new RecipeException(problems);
        }
    }

    private static boolean whole(Object value) {
        return value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue());
    }

    /** The {@code lies} rows of a BYZANTINE fault's parameters (empty if there are none), checked beforehand. */
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

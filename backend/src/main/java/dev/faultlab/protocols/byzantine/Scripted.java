package dev.faultlab.protocols.byzantine;

import dev.faultlab.sim.AdversaryContext;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.RecipeException;
import dev.faultlab.sim.RewritingAdversary.Rewrite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The table of lies ({@link Lie}), read for oral messages. A row's {@code path} is the chain
 * the traitor relays, in the seeds' notation, nearest speaker first: "" for its own value (round 1),
 * "0" for "P0 says", "4:0" for "P4 says P0 says". A row without {@code to}, {@code round} or
 * {@code path} matches any; an optional {@code from} limits it to that sender. The first matching row
 * decides the value; the message is the one the traitor sends anyway, so a lie changes a value,
 * never the shape of the exchange. Messages no row matches follow the {@code otherwise} behaviour.
 */
record Scripted(List<Row> rows, Rewrite otherwise) implements Rewrite {
    static final String NAME = "scripted";
    static final String DESCRIPTION = "Follows the table 'lies': rows {to, round, path, value}, optionally with from; "
            + "to, from and path name processes by id (P1 is 0); path is what the traitor relays, nearest speaker "
            + "first (\"\" its own value, \"0\" for \"P1 says\", \"3:0\" for \"P4 says P1 says\"); a missing to, "
            + "round or path matches any, and the first matching row wins. Unlisted messages follow 'otherwise': "
            + "honest (default) or another behaviour that only changes what the loyal code sends (silent, equivocate, "
            + "corrupt-relays, random or two-faced), with that behaviour's parameters.";
    static final String HONEST = "honest";

    /** One lie: {@code path} null matches any path, {@code from} null any sender. */
    record Row(Lie lie, Integer from, List<Integer> path, String value) {
        boolean matches(int sender, int to, int round, List<Integer> relayed) {
            return lie.appliesTo(to, round) && (from == null || from == sender) && (path == null || path.equals(relayed));
        }
    }

    static Scripted from(Map<String, Object> params) {
        Object otherwise = params.getOrDefault("otherwise", HONEST);
        Rewrite fallback = HONEST.equals(otherwise) ? (ctx, to, honest) -> honest : Behaviours.lyingRewrite(otherwise, params);
        if (fallback == null) {
            throw new RecipeException("otherwise", "must be " + HONEST + " or one of " + Behaviours.lyingNames()
                    + ", got '" + otherwise + "'");
        }
        return new Scripted(rows(params.get("lies")), fallback);
    }

    /**
     * The rows, after the checks only this protocol can make. The kernel checks the table's generic
     * shape (rows, to, round, path as text, value present) and reports it; rows it will refuse are skipped here.
     */
    private static List<Row> rows(Object raw) {
        if (!(raw instanceof List<?> entries)) {
            throw new RecipeException("lies", "is required: a list of rows {to, round, path, value}");
        }
        List<Row> rows = new ArrayList<>();
        List<RecipeException.Problem> problems = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof Map<?, ?> entry) || !wellFormedForTheKernel(entry)) {
                continue;
            }
            try {
                rows.add(row("lies[" + i + "]", entry));
            } catch (RecipeException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new RecipeException(problems);
        }
        return List.copyOf(rows);
    }

    private static boolean wellFormedForTheKernel(Map<?, ?> entry) {
        return (entry.get("to") == null || whole(entry.get("to")))
                && (entry.get("round") == null || whole(entry.get("round")))
                && (entry.get("path") == null || entry.get("path") instanceof String);
    }

    private static Row row(String field, Map<?, ?> entry) {
        Lie lie = Lie.table(Map.of("lies", List.of(entry))).get(0);
        Integer from = null;
        if (entry.get("from") != null) {
            if (!whole(entry.get("from")) || ((Number) entry.get("from")).intValue() < 0) {
                throw new RecipeException(field + ".from", "must be a process id, got '" + entry.get("from") + "'");
            }
            from = ((Number) entry.get("from")).intValue();
        }
        List<Integer> path = lie.path() == null ? null : path(field + ".path", lie.path(), lie.to(), from);
        if (path != null && lie.round() != null && lie.round() != path.size() + 1) {
            throw new RecipeException(field + ".round", "must be " + (path.size() + 1) + " for path '" + lie.path()
                    + "': a relay of " + path.size() + " speakers is sent in round " + (path.size() + 1));
        }
        return new Row(lie, from, path, Values.text(field + ".value", lie.value()));
    }

    private static List<Integer> path(String field, String text, Integer to, Integer from) {
        List<Integer> ids = new ArrayList<>();
        if (text.isEmpty()) {
            return List.of();
        }
        for (String part : text.split(":", -1)) {
            if (!part.matches("\\d{1,9}")) {
                throw new RecipeException(field, "must be process ids separated by ':', nearest speaker first "
                        + "(\"4:0\" for \"P4 says P0 says\"), or \"\" for the traitor's own value; got '" + text + "'");
            }
            int id = Integer.parseInt(part);
            if (ids.contains(id) || Integer.valueOf(id).equals(to) || Integer.valueOf(id).equals(from)) {
                throw new RecipeException(field, "must name distinct processes other than the receiver and the traitor, got '"
                        + text + "'");
            }
            ids.add(id);
        }
        return List.copyOf(ids);
    }

    private static boolean whole(Object value) {
        return value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue());
    }

    @Override
    public Message rewrite(AdversaryContext ctx, int to, Message honest) {
        OralMessage message = (OralMessage) honest;
        for (Row row : rows) {
            if (row.matches(ctx.self(), to, ctx.round(), message.path())) {
                return message.withValue(row.value());
            }
        }
        return otherwise.rewrite(ctx, to, honest);
    }
}

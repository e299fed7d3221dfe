package dev.faultlab.protocols.byzantine;

import dev.faultlab.sim.ByzantineBehaviour;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.RecipeException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A table of lies written in the recipe. Each lie names the receiver and the path the receiver
 * will hear, traitor first ([1, 0] is "P1 says P0 says ..."), and the value to say instead; the
 * message is the one the traitor would send anyway, so a lie changes a value, never the shape of
 * the exchange. Messages the table does not list follow the {@code otherwise} behaviour.
 */
record Scripted(Map<Target, String> lies, ByzantineBehaviour otherwise) implements ByzantineBehaviour {
    static final String NAME = "scripted";
    static final String DESCRIPTION = "Follows the table 'lies', a list of {to, path, value} (optionally with from and "
            + "round, which must match path: from is its first id, round its length); path is what the receiver hears, "
            + "traitor first, e.g. [1, 0] for \"P1 says P0 says\". Unlisted messages follow 'otherwise': honest "
            + "(default) or another behaviour, with that behaviour's parameters.";
    static final String HONEST = "honest";

    /** A message of the exchange: to whom, and the path the receiver hears. */
    record Target(int to, List<Integer> path) {
    }

    static Scripted from(Map<String, Object> params) {
        Object otherwise = params.getOrDefault("otherwise", HONEST);
        ByzantineBehaviour fallback;
        if (HONEST.equals(otherwise)) {
            fallback = (from, to, round, original, random) -> original;
        } else if (NAME.equals(otherwise) || !Behaviours.exists(otherwise)) {
            throw new RecipeException("otherwise", "must be " + HONEST + " or one of " + Behaviours.namesBesides(NAME)
                    + ", got '" + otherwise + "'");
        } else {
            fallback = Behaviours.build((String) otherwise, params);
        }
        return new Scripted(table(params.get("lies")), fallback);
    }

    private static Map<Target, String> table(Object raw) {
        if (!(raw instanceof List<?> entries)) {
            throw new RecipeException("lies", "is required: a list of {to, path, value}");
        }
        Map<Target, String> lies = new HashMap<>();
        List<RecipeException.Problem> problems = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String field = "lies[" + i + "]";
            try {
                Map.Entry<Target, String> lie = lie(field, entries.get(i));
                if (lies.putIfAbsent(lie.getKey(), lie.getValue()) != null) {
                    problems.add(new RecipeException.Problem(field, "repeats an earlier lie to P" + lie.getKey().to()
                            + " about path " + lie.getKey().path()));
                }
            } catch (RecipeException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new RecipeException(problems);
        }
        return Map.copyOf(lies);
    }

    private static Map.Entry<Target, String> lie(String field, Object raw) {
        if (!(raw instanceof Map<?, ?> entry)) {
            throw new RecipeException(field, "must be {to, path, value}");
        }
        int to = nodeId(field + ".to", entry.get("to"));
        if (!(entry.get("path") instanceof List<?> rawPath) || rawPath.isEmpty()) {
            throw new RecipeException(field + ".path", "is required: the speakers the receiver hears, traitor first");
        }
        List<Integer> path = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (Object id : rawPath) {
            int speaker = nodeId(field + ".path", id);
            if (speaker == to || !seen.add(speaker)) {
                throw new RecipeException(field + ".path", "must name distinct processes other than the receiver P" + to);
            }
            path.add(speaker);
        }
        if (entry.get("from") != null && nodeId(field + ".from", entry.get("from")) != path.get(0)) {
            throw new RecipeException(field + ".from", "must be the first id of path " + path);
        }
        if (entry.get("round") != null && nodeId(field + ".round", entry.get("round")) != path.size()) {
            throw new RecipeException(field + ".round", "must be the length of path " + path + ", " + path.size());
        }
        return Map.entry(new Target(to, List.copyOf(path)), Values.text(field + ".value", entry.get("value")));
    }

    private static int nodeId(String field, Object raw) {
        if (raw instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                && number.doubleValue() >= 0 && number.doubleValue() < Integer.MAX_VALUE) {
            return number.intValue();
        }
        throw new RecipeException(field, "must be a whole number >= 0, got '" + raw + "'");
    }

    @Override
    public Message tamper(int from, int to, int round, Message original, SplittableRandom random) {
        OralMessage message = (OralMessage) original;
        String lie = lies.get(new Target(to, Paths.saidBy(from, message.path())));
        return lie != null ? message.withValue(lie) : otherwise.tamper(from, to, round, original, random);
    }
}

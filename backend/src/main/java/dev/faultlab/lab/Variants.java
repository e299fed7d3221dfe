package dev.faultlab.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultlab.sim.Budgets;
import dev.faultlab.sim.Recipe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A student's variant: the seed follows from (course, student, lab) and, for an exercise that draws
 * anew per attempt, from the exercise and the attempt too; the variables are drawn from it in the
 * file's order; the scenario filled with them is the recipe of the reference run.
 */
final class Variants {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Variants() {
    }

    static long seed(VariantKey key, String exerciseId, int attempt) {
        String identity = key.courseId() + "/" + key.userId() + "/" + key.labId()
                + (key.isPractice() ? "/practice/" + key.practice() : "")
                + (exerciseId == null ? "" : "/" + exerciseId + "/" + attempt);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            long seed = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                seed = (seed << 8) | (digest[i] & 0xff);
            }
            return seed;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static Map<String, JsonNode> draw(LabDefinition lab, long seed) {
        return lab.fixedVariants() ? defaults(lab) : drawAny(lab, seed);
    }

    /** A draw from the seed even where every student gets the defaults: how practice variants are drawn. */
    static Map<String, JsonNode> drawAny(LabDefinition lab, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, JsonNode> values = new LinkedHashMap<>();
        lab.variables().forEach((name, variable) -> values.put(name, variable.draw(random)));
        return values;
    }

    /** The lab's default variant: each variable's default, or a draw from seed 0 where it has none. */
    static Map<String, JsonNode> defaults(LabDefinition lab) {
        SplittableRandom random = new SplittableRandom(0);
        Map<String, JsonNode> values = new LinkedHashMap<>();
        lab.variables().forEach((name, variable) -> {
            JsonNode drawn = variable.draw(random);
            values.put(name, variable.fallback() != null ? variable.fallback() : drawn);
        });
        return values;
    }

    /**
     * The scenario with the variables filled in, as a recipe; {@code seed} is used when the scenario has
     * none, and budgets it leaves out keep their defaults.
     */
    static Recipe recipe(String protocol, LabDefinition lab, Map<String, JsonNode> variables, long seed) {
        ObjectNode scenario = (ObjectNode) Template.fill(lab.scenario(), variables, "scenario");
        scenario.put("protocol", protocol);
        if (!scenario.has("seed")) {
            scenario.put("seed", seed);
        }
        if (scenario.get("budgets") instanceof ObjectNode budgets) {
            ObjectNode merged = JSON.valueToTree(Budgets.defaults());
            merged.setAll(budgets);
            scenario.set("budgets", merged);
        }
        try {
            return JSON.treeToValue(scenario, Recipe.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new LabException("scenario", "is not a recipe: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    static List<Given> given(LabDefinition lab, Map<String, JsonNode> variables) {
        List<Given> tables = new ArrayList<>();
        if (lab.given() == null) {
            return tables;
        }
        JsonNode filled = Template.fill(lab.given(), variables, "given");
        for (int t = 0; t < filled.size(); t++) {
            JsonNode table = filled.get(t);
            List<String> columns = texts(table.get("columns"), "given[" + t + "].columns");
            List<Given.Row> rows = new ArrayList<>();
            for (int r = 0; r < table.get("rows").size(); r++) {
                JsonNode row = table.get("rows").get(r);
                List<String> cells = texts(row.get("cells"), "given[" + t + "].rows[" + r + "].cells");
                if (cells.size() != columns.size()) {
                    throw new LabException("given[" + t + "].rows[" + r + "].cells", "has " + cells.size()
                            + " cells for " + columns.size() + " columns");
                }
                rows.add(new Given.Row(row.get("label").asText(), cells));
            }
            tables.add(new Given(table.get("title").asText(), columns, rows));
        }
        return tables;
    }

    private static List<String> texts(JsonNode list, String field) {
        if (list == null || !list.isArray()) {
            throw new LabException(field, "must be a list (or a ${variable} holding one)");
        }
        List<String> texts = new ArrayList<>();
        list.forEach(item -> texts.add(item.isValueNode() ? item.asText() : item.toString()));
        return texts;
    }
}

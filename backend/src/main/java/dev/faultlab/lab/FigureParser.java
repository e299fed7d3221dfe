package dev.faultlab.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultlab.chart.Chart;
import dev.faultlab.key.ChartKey;
import dev.faultlab.key.ChartKeys;
import dev.faultlab.key.KeyException;
import dev.faultlab.sim.RecipeException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a lab's {@code figures} and draws each one from the runs its chart key makes. */
final class FigureParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FigureParser() {
    }

    static List<Figure> parse(JsonNode figures, ChartKeys keys) {
        List<Figure> parsed = new ArrayList<>();
        if (figures == null) {
            return parsed;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < figures.size(); i++) {
            String field = "figures[" + i + "]";
            JsonNode figure = figures.get(i);
            String id = figure.get("id").asText();
            if (!ids.add(id)) {
                throw new LabException(field + ".id", "'" + id + "' is used by an earlier figure");
            }
            parsed.add(new Figure(id, figure.get("title").asText(), Markdown.html(figure.path("caption").asText("")),
                    chart(figure.get("chart"), field + ".chart", keys)));
        }
        return parsed;
    }

    private static Chart chart(JsonNode spec, String field, ChartKeys keys) {
        String name = spec.get("key").asText();
        ChartKey key = keys.find(name).orElseThrow(() -> new LabException(field + ".key",
                "no chart key '" + name + "'; the chart keys are " + keys.names()));
        ObjectNode argsNode = spec.deepCopy();
        argsNode.remove("key");
        @SuppressWarnings("unchecked")
        Map<String, Object> args = JSON.convertValue(argsNode, Map.class);
        for (String arg : args.keySet()) {
            if (!key.spec().arguments().contains(arg)) {
                throw new LabException(field + "." + arg, "is not an argument of " + name + "; it takes "
                        + key.spec().arguments().stream().sorted().toList());
            }
        }
        try {
            key.check(args, field);
            return key.chart(args);
        } catch (KeyException e) {
            throw new LabException(e.field(), e.problem());
        } catch (IllegalArgumentException | RecipeException e) {
            throw new LabException(field, "cannot be drawn: " + e.getMessage());
        }
    }
}

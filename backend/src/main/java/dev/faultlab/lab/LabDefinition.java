package dev.faultlab.lab;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of lab.yaml a variant is made from: its variables (in the file's order, which is the order
 * they are drawn in), the scenario and the given tables before variables are filled in; and the figures,
 * which are the same for every variant.
 *
 * @param fixedVariants every student gets the variables' defaults
 * @param practice      the lab offers practice variants (it has variables to draw them from, and does not say no)
 * @param holds         the properties the lab claims hold, which {@code validate} checks with the explorer
 */
public record LabDefinition(Path folder, Map<String, Variable> variables, boolean fixedVariants, JsonNode scenario,
                            JsonNode given, String instructionsHtml, List<String> panels, boolean practice,
                            List<Figure> figures, List<Claim> holds) {
    public LabDefinition {
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        panels = List.copyOf(panels);
        figures = List.copyOf(figures);
        holds = List.copyOf(holds);
    }
}

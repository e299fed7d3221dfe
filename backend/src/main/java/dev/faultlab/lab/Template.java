package dev.faultlab.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.faultlab.sim.ProcessLabel;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a part of lab.yaml with a variant's variables. A text that is exactly {@code ${expr}} becomes
 * the variable's value (a list stays a list); {@code ${expr}} inside other text is replaced by the
 * value's text. {@code expr} is a name followed by any number of {@code [i]}, where i is a whole
 * number or a bound name. In a list, an element with {@code each: <list variable>} stands for one
 * element per item of that list, with {@code item} and {@code index} bound in it. {@code process(expr)}
 * names the process whose id expr is, as students read it: {@code ${process(traitors[0])}} gives "P1" for id 0.
 */
final class Template {
    private static final Pattern WHOLE = Pattern.compile("^\\$\\{([^}]*)}$");
    private static final Pattern INSIDE = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern EXPRESSION = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)((?:\\[[A-Za-z0-9_]+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[([A-Za-z0-9_]+)]");
    private static final Pattern PROCESS = Pattern.compile("^process\\((.*)\\)$");
    static final String EACH = "each";

    private Template() {
    }

    /** The node with every expression replaced; {@code where} names the node in errors ("scenario.faults[0]"). */
    static JsonNode fill(JsonNode node, Map<String, JsonNode> variables, String where) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return text(node.asText(), variables, where);
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                JsonNode element = node.get(i);
                if (element.isObject() && element.has(EACH)) {
                    expand((ObjectNode) element, variables, where + "[" + i + "]", out);
                } else {
                    out.add(fill(element, variables, where + "[" + i + "]"));
                }
            }
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.set(field.getKey(), fill(field.getValue(), variables, where + "." + field.getKey()));
            }
            return out;
        }
        return node;
    }

    private static void expand(ObjectNode element, Map<String, JsonNode> variables, String where, ArrayNode out) {
        String listName = element.get(EACH).asText();
        JsonNode list = variables.get(listName);
        if (list == null || !list.isArray()) {
            throw new LabException(where + "." + EACH, "must name a list variable, got '" + listName + "'");
        }
        ObjectNode body = element.deepCopy();
        body.remove(EACH);
        for (int index = 0; index < list.size(); index++) {
            Map<String, JsonNode> bound = new HashMap<>(variables);
            bound.put("item", list.get(index));
            bound.put("index", JsonNodeFactory.instance.numberNode(index));
            out.add(fill(body, bound, where + "(item " + index + ")"));
        }
    }

    private static JsonNode text(String text, Map<String, JsonNode> variables, String where) {
        Matcher whole = WHOLE.matcher(text);
        if (whole.matches()) {
            return evaluate(whole.group(1), variables, where);
        }
        Matcher inside = INSIDE.matcher(text);
        if (!inside.find()) {
            return TextNode.valueOf(text);
        }
        StringBuilder filled = new StringBuilder();
        inside.reset();
        while (inside.find()) {
            inside.appendReplacement(filled, Matcher.quoteReplacement(evaluate(inside.group(1), variables, where).asText()));
        }
        inside.appendTail(filled);
        return TextNode.valueOf(filled.toString());
    }

    private static JsonNode evaluate(String expression, Map<String, JsonNode> variables, String where) {
        Matcher process = PROCESS.matcher(expression.strip());
        if (process.matches()) {
            JsonNode id = evaluate(process.group(1), variables, where);
            if (!id.canConvertToInt() || !id.isIntegralNumber() || id.asInt() < 0) {
                throw new LabException(where, "'${" + expression + "}': process() takes a process id (0 or more), got " + id);
            }
            return TextNode.valueOf(ProcessLabel.of(id.asInt()));
        }
        Matcher parts = EXPRESSION.matcher(expression.strip());
        if (!parts.matches()) {
            throw new LabException(where, "'${" + expression + "}' is not a variable, nor a variable with [index]");
        }
        JsonNode value = variables.get(parts.group(1));
        if (value == null) {
            throw new LabException(where, "'${" + expression + "}' names no variable; known: " + variables.keySet().stream().sorted().toList());
        }
        Matcher index = INDEX.matcher(parts.group(2));
        while (index.find()) {
            int i = index(index.group(1), variables, expression, where);
            if (!value.isArray() || i < 0 || i >= value.size()) {
                throw new LabException(where, "'${" + expression + "}': index " + i + " is outside " + value);
            }
            value = value.get(i);
        }
        return value;
    }

    private static int index(String token, Map<String, JsonNode> variables, String expression, String where) {
        if (token.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(token);
        }
        JsonNode bound = variables.get(token);
        if (bound == null || !bound.canConvertToInt()) {
            throw new LabException(where, "'${" + expression + "}': '" + token + "' is not a whole number");
        }
        return bound.asInt();
    }
}

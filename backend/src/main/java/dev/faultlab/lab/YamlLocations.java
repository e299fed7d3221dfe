package dev.faultlab.lab;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of every value in a YAML document, by JSON pointer ("/exercises/2/answer"), so a problem
 * found in the parsed tree can name the line an author has to fix.
 */
final class YamlLocations {
    private final Map<String, Integer> lines;

    private YamlLocations(Map<String, Integer> lines) {
        this.lines = lines;
    }

    static YamlLocations of(String yaml) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
            Deque<Object> path = new ArrayDeque<>();
            Deque<Integer> indexes = new ArrayDeque<>();
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    path.addLast(parser.currentName());
                    lines.put(pointer(path), parser.currentTokenLocation().getLineNr());
                    continue;
                }
                if (!indexes.isEmpty() && indexes.peekLast() >= 0 && token != JsonToken.END_ARRAY) {
                    int index = indexes.removeLast();
                    indexes.addLast(index + 1);
                    path.addLast(index);
                    lines.put(pointer(path), parser.currentTokenLocation().getLineNr());
                }
                switch (token) {
                    case START_OBJECT -> indexes.addLast(-1);
                    case START_ARRAY -> indexes.addLast(0);
                    case END_OBJECT, END_ARRAY -> {
                        indexes.removeLast();
                        leaveValue(path, indexes);
                    }
                    default -> leaveValue(path, indexes);
                }
            }
        }
        return new YamlLocations(lines);
    }

    /** After a value, drop the key or index that named it (the document's root has none). */
    private static void leaveValue(Deque<Object> path, Deque<Integer> indexes) {
        if (!path.isEmpty() && !indexes.isEmpty()) {
            path.removeLast();
        }
    }

    private static String pointer(Deque<Object> path) {
        StringBuilder pointer = new StringBuilder();
        for (Object part : path) {
            pointer.append('/').append(part.toString().replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    /** The line of the nearest value at or above the pointer; 1 if none is known. */
    int line(String pointer) {
        String at = pointer;
        while (true) {
            Integer line = lines.get(at);
            if (line != null) {
                return line;
            }
            if (at.isEmpty()) {
                return 1;
            }
            at = at.substring(0, at.lastIndexOf('/'));
        }
    }

    /** "exercises[2].answer.round" as a pointer: "/exercises/2/answer/round". */
    static String pointerOf(String field) {
        if (field == null || field.isEmpty()) {
            return "";
        }
        return "/" + field.replaceAll("\\[(\\d+)]", ".$1").replaceAll("\\(item \\d+\\)", "").replace('.', '/');
    }
}

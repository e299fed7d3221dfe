package dev.faultlab.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.TraceEvent;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** JSON of what runs show a browser: recipes, trace events, and stream frames. */
public final class RunCodec {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private RunCodec() {
    }

    /**
     * A trace event as the browser gets it. {@code type} is the message type for message events;
     * {@code payload} is the message, decided value, fault or note.
     */
    public record EventView(int seq, long time, String kind, int node, int peer, int msg, int parent, int lamport,
                            int round, String type, Object payload, String detail) {
        public static EventView of(TraceEvent e) {
            String type = e.payload() instanceof Message m ? m.type() : null;
            return new EventView(e.seq(), e.time(), e.kind().name(), e.node(), e.peer(), e.message(), e.parent(),
                    e.lamport(), e.round(), type, e.payload(), e.detail());
        }
    }

    public static List<EventView> views(List<TraceEvent> events) {
        return events.stream().map(EventView::of).toList();
    }

    static ObjectMapper mapper() {
        return JSON;
    }

    public static String recipeJson(Recipe recipe) {
        return write(recipe);
    }

    public static Recipe recipe(String json) {
        try {
            return JSON.readValue(json, Recipe.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a stored recipe cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    /** A frame as the UTF-8 bytes of {@link #write}: what a stream sends. */
    public static byte[] frame(Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

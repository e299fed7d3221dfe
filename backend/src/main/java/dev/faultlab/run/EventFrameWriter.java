package dev.faultlab.run;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.TraceEvent;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes the stream's {@code events} frame straight from trace events with Jackson's streaming generator. It is
 * the server's most frequent piece of JSON (every watched run, every tick), and writing the fixed fields by hand
 * skips building an {@link RunCodec.EventView} per event and serializing it by reflection; only payloads go
 * through data binding. The result is the same JSON as {@link RunCodec.EventView}'s (a test compares them).
 */
final class EventFrameWriter {
    private static final ObjectWriter PAYLOADS = RunCodec.mapper().writer()
            .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    private EventFrameWriter() {
    }

    /** {@code {"type":"events","batch":..,"first":..,"events":[..]}}, see docs/API.md. */
    static String write(int batch, int first, List<TraceEvent> events) {
        StringWriter out = new StringWriter(64 + 128 * events.size());
        try (JsonGenerator json = PAYLOADS.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("type", "events");
            json.writeNumberField("batch", batch);
            json.writeNumberField("first", first);
            json.writeArrayFieldStart("events");
            for (TraceEvent event : events) {
                writeEvent(json, event);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeEvent(JsonGenerator json, TraceEvent e) throws IOException {
        json.writeStartObject();
        json.writeNumberField("seq", e.seq());
        json.writeNumberField("time", e.time());
        json.writeStringField("kind", e.kind().name());
        json.writeNumberField("node", e.node());
        json.writeNumberField("peer", e.peer());
        json.writeNumberField("msg", e.message());
        json.writeNumberField("parent", e.parent());
        json.writeNumberField("lamport", e.lamport());
        json.writeNumberField("round", e.round());
        json.writeStringField("type", e.payload() instanceof Message m ? m.type() : null);
        json.writeFieldName("payload");
        PAYLOADS.writeValue(json, e.payload());
        json.writeStringField("detail", e.detail());
        json.writeEndObject();
    }
}

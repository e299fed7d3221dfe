package dev.faultlab.run;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.TraceEvent;

import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes the stream's {@code events} frame as UTF-8 bytes straight from trace events. It is the server's most frequent
 * piece of JSON (every playing run, several times a second), so field names and event kinds are encoded once, each
 * thread reuses one buffer, and a payload (a SEND and its DELIVER share one) goes through data binding once and is
 * copied as bytes after that. The bytes are what Jackson writes for {@link RunCodec.EventView}s, encoded as UTF-8
 * (a property test compares them for random events).
 */
final class EventFrameWriter {
    private static final ObjectWriter PAYLOADS = RunCodec.mapper().writer();
    private static final byte[] START = JsonBytes.ascii("{\"type\":\"events\",\"batch\":");
    private static final byte[] FIRST = JsonBytes.ascii(",\"first\":");
    private static final byte[] EVENTS = JsonBytes.ascii(",\"events\":[");
    private static final byte[] END = JsonBytes.ascii("]}");
    private static final byte[] SEQ = JsonBytes.ascii("{\"seq\":");
    private static final byte[] TIME = field("time");
    private static final byte[] KIND = field("kind");
    private static final byte[] NODE = field("node");
    private static final byte[] PEER = field("peer");
    private static final byte[] MSG = field("msg");
    private static final byte[] PARENT = field("parent");
    private static final byte[] LAMPORT = field("lamport");
    private static final byte[] ROUND = field("round");
    private static final byte[] TYPE = field("type");
    private static final byte[] PAYLOAD = field("payload");
    private static final byte[] DETAIL = field("detail");
    private static final byte[][] KINDS = kinds();
    /** A frame that grew the buffer past this gives it up afterwards, so a rare big frame does not stay held per thread. */
    private static final int KEEP_BYTES = 64 * 1024;
    /** Payloads remembered per thread: enough for the messages of the events of a few frames. */
    private static final int PAYLOAD_SLOTS = 512;
    private static final ThreadLocal<EventFrameWriter> PER_THREAD = ThreadLocal.withInitial(EventFrameWriter::new);

    private JsonBytes out = new JsonBytes(4096);
    /** A cache of encoded payloads by identity, one entry per slot: payloads are immutable, SEND and DELIVER share one. */
    private final Object[] payloadKeys = new Object[PAYLOAD_SLOTS];
    private final byte[][] payloadJson = new byte[PAYLOAD_SLOTS][];
    private final JsonBytes payloadBytes = new JsonBytes(256);
    private CharArrayWriter payloadChars;
    private JsonGenerator payloads;

    private EventFrameWriter() {
    }

    /** {@code {"type":"events","batch":..,"first":..,"events":[..]}}, see docs/API.md. */
    static byte[] write(int batch, int first, List<TraceEvent> events) {
        return PER_THREAD.get().frame(batch, first, events);
    }

    private byte[] frame(int batch, int first, List<TraceEvent> events) {
        out.reset();
        out.raw(START).number(batch).raw(FIRST).number(first).raw(EVENTS);
        for (int i = 0, n = events.size(); i < n; i++) {
            if (i > 0) {
                out.raw(',');
            }
            event(events.get(i));
        }
        out.raw(END);
        byte[] frame = out.toBytes();
        if (out.size() > KEEP_BYTES) {
            out = new JsonBytes(4096);
        }
        return frame;
    }

    private void event(TraceEvent e) {
        out.raw(SEQ).number(e.seq())
                .raw(TIME).number(e.time())
                .raw(KIND).raw(KINDS[e.kind().ordinal()])
                .raw(NODE).number(e.node())
                .raw(PEER).number(e.peer())
                .raw(MSG).number(e.message())
                .raw(PARENT).number(e.parent())
                .raw(LAMPORT).number(e.lamport())
                .raw(ROUND).number(e.round())
                .raw(TYPE).string(e.payload() instanceof Message m ? m.type() : null)
                .raw(PAYLOAD);
        payload(e.payload());
        out.raw(DETAIL).string(e.detail()).raw('}');
    }

    private void payload(Object payload) {
        if (payload == null) {
            out.nullValue();
        } else if (payload instanceof String text) {
            out.string(text);
        } else if (payload instanceof Integer || payload instanceof Long) {
            out.number(((Number) payload).longValue());
        } else {
            int slot = System.identityHashCode(payload) & (PAYLOAD_SLOTS - 1);
            if (payloadKeys[slot] != payload) {
                payloadJson[slot] = encode(payload);
                payloadKeys[slot] = payload;
            }
            out.raw(payloadJson[slot]);
        }
    }

    /**
     * Data binding's JSON for a payload, as the bytes it became on the wire when frames were sent as text: written as
     * characters by this thread's generator (as {@code writeValueAsString} would, without a generator per payload),
     * then encoded.
     */
    private byte[] encode(Object payload) {
        try {
            if (payloads == null) {
                payloadChars = new CharArrayWriter(256);
                payloads = PAYLOADS.createGenerator(payloadChars);
                // Payloads are written one after another as separate values, never with a separator between them.
                payloads.setRootValueSeparator(null);
            }
            payloadChars.reset();
            PAYLOADS.writeValue(payloads, payload);
            payloads.flush();
            return payloadBytes.utf8(payloadChars.toString());
        } catch (IOException | RuntimeException e) {
            // Half a value may be left in the generator: the next payload gets a new one.
            payloads = null;
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private static byte[] field(String name) {
        return JsonBytes.concat(new byte[] {','}, JsonBytes.name(name));
    }

    private static byte[][] kinds() {
        EventKind[] kinds = EventKind.values();
        byte[][] quoted = new byte[kinds.length][];
        for (EventKind kind : kinds) {
            quoted[kind.ordinal()] = JsonBytes.quoted(kind.name());
        }
        return quoted;
    }
}

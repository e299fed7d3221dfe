package dev.faultlab.run;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.TraceEvent;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events frame written straight to bytes is, byte for byte, Jackson's JSON for the same events as
 * {@link RunCodec.EventView}s sent as text: any numbers, any kind, strings with control characters, quotes,
 * characters outside ASCII and halves of surrogate pairs, and payloads shared by several events.
 */
class EventFrameWriterProperties {

    /** A protocol message as protocols write them: an immutable record. */
    record Vote(String value, int round, List<Integer> seen, Map<String, Object> extra) implements Message {
    }

    /** A message that names its own type. */
    record Named(String text) implements Message {
        @Override
        public String type() {
            return "named " + text;
        }
    }

    @Property(tries = 300, seed = "20261207")
    void theBytesAreJacksonsJsonForTheSameEvents(@ForAll @IntRange(min = 0, max = 1_000_000) int batch,
                                                @ForAll @IntRange(min = 0) int first,
                                                @ForAll("events") @Size(max = 40) List<TraceEvent> events) {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("type", "events");
        expected.put("batch", batch);
        expected.put("first", first);
        expected.put("events", RunCodec.views(events));

        byte[] written = EventFrameWriter.write(batch, first, events);

        assertThat(written).isEqualTo(RunCodec.write(expected).getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<List<TraceEvent>> events() {
        // A few payloads to pick from, so that several events of a frame share one, as a SEND and its DELIVER do.
        return payload().list().ofMinSize(1).ofMaxSize(6).flatMap(payloads -> event(payloads).list());
    }

    private static Arbitrary<TraceEvent> event(List<Object> payloads) {
        Arbitrary<int[]> ints = Arbitraries.integers().array(int[].class).ofSize(7);
        return Combinators.combine(ints, Arbitraries.longs(), Arbitraries.of(EventKind.class),
                        Arbitraries.of(payloads).injectNull(0.1), text().injectNull(0.5))
                .as((i, time, kind, payload, detail) ->
                        new TraceEvent(i[0], time, kind, i[1], i[2], i[3], i[4], i[5], i[6], payload, detail));
    }

    private static Arbitrary<Object> payload() {
        Arbitrary<Object> value = Arbitraries.oneOf(text().map(t -> (Object) t), Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b));
        Arbitrary<Map<String, Object>> extra = Arbitraries.maps(text(), value).ofMaxSize(3);
        Arbitrary<Vote> vote = Combinators.combine(text(), Arbitraries.integers(),
                Arbitraries.integers().list().ofMaxSize(4), extra).as(Vote::new);
        return Arbitraries.oneOf(text().map(t -> (Object) t), Arbitraries.integers().map(n -> (Object) n),
                Arbitraries.longs().map(n -> (Object) n), vote.map(v -> (Object) v),
                text().map(t -> (Object) new Named(t)), extra.map(m -> (Object) m),
                Arbitraries.integers().list().ofMaxSize(5).map(l -> (Object) new ArrayList<>(l)));
    }

    /** Any characters: ASCII control characters, quotes and backslashes, the rest of Unicode, lone surrogates. */
    private static Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('\u0000', '\u007f').ofMaxLength(12),
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.of("\"quoted\" \\ back", "tab\tnew\nline", "emoji \ud83d\ude00 pair", "lone \ud800 half",
                        "\u2028\u00e9\u4e2d"));
    }
}

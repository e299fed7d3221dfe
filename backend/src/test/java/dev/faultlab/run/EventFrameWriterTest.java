package dev.faultlab.run;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written events frame is exactly what data binding writes for the same events (the REST trace form). */
class EventFrameWriterTest {

    @Test
    void writesTheSameJsonAsTheEventViews() {
        Recipe recipe = Recipe.of("flooding", Map.of("n", 5, "f", 2), 3).withFaults(List.of(
                new Fault(1L, null, FaultKind.CRASH, 2, Map.of()),
                new Fault(1L, null, FaultKind.LINK_DOWN, 0, Map.of("to", 1)),
                new Fault(2L, null, FaultKind.RECOVER, 2, Map.of())));
        Simulation sim = Simulation.start(recipe, Protocols.registry());
        sim.runUntilEvents(10_000);
        List<TraceEvent> events = sim.trace().events(0, sim.trace().size());
        assertThat(events).extracting(e -> e.kind().name())
                .contains("SEND", "DELIVER", "DROP", "FAULT", "CRASH", "RECOVER", "ROUND", "DECIDE", "END");

        for (int from = 0; from < events.size(); from += 97) {
            List<TraceEvent> slice = events.subList(from, Math.min(events.size(), from + 97));
            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("type", "events");
            expected.put("batch", from + 1);
            expected.put("first", from);
            expected.put("events", RunCodec.views(slice));
            assertThat(new String(EventFrameWriter.write(from + 1, from, slice), StandardCharsets.UTF_8))
                    .isEqualTo(RunCodec.write(expected));
        }
    }
}

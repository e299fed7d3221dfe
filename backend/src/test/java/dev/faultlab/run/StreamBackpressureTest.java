package dev.faultlab.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A client that stops reading holds the server to a fixed number of frames, then catches up from the trace. */
class StreamBackpressureTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A socket whose frames are written only when the test says so. */
    static final class StalledSink implements StreamSink {
        final List<String> frames = new ArrayList<>();
        final List<Runnable> pending = new ArrayList<>();

        @Override
        public void send(byte[] frame, Runnable written) {
            frames.add(new String(frame, StandardCharsets.UTF_8));
            pending.add(written);
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close(String reason) {
            throw new AssertionError("the stream was closed: " + reason);
        }

        void drain() {
            List<Runnable> done = new ArrayList<>(pending);
            pending.clear();
            done.forEach(Runnable::run);
        }
    }

    @Test
    void aStalledClientGetsNoMoreThanItsWindowAndLaterEverythingExactlyOnce() throws Exception {
        RunSettings settings = RunSettings.defaults();
        Recipe recipe = Recipe.of("flooding", Map.of("n", 40, "f", 6), 5);
        LiveRun run = new LiveRun(UUID.randomUUID(), Optional.of(1L), Optional.empty(), Optional.empty(), Optional.empty(),
                Simulation.start(recipe, Protocols.registry()), Protocols.registry(), settings);
        StalledSink sink = new StalledSink();
        run.attach(sink, 0, true);
        run.speed(LiveRun.MAX_SPEED);
        run.play();

        long now = System.nanoTime();
        for (int tick = 1; tick <= 50; tick++) {
            run.reserveTick();
            run.tick(now + tick * 40_000_000L);
        }
        assertThat(run.eventCount()).isGreaterThan(settings.framesInFlight() * settings.maxEventsPerFrame());
        assertThat(sink.frames).hasSizeLessThanOrEqualTo(settings.framesInFlight() + 2);

        // The run is paused now: only a window that opens on waiting events makes it due again.
        run.pause();
        List<Integer> seqs = new ArrayList<>();
        for (int round = 0; round < 1_000 && seqs.size() < run.eventCount(); round++) {
            sink.drain();
            long later = System.nanoTime();
            assertThat(run.dueBy(later)).isTrue();
            run.reserveTick();
            run.tick(later);
            collectEvents(sink, seqs);
        }
        assertThat(run.dueBy(System.nanoTime())).isFalse();
        assertThat(seqs).hasSize(run.eventCount());
        for (int i = 0; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).isEqualTo(i);
        }
    }

    private static void collectEvents(StalledSink sink, List<Integer> seqs) throws Exception {
        for (String frame : sink.frames) {
            JsonNode json = JSON.readTree(frame);
            if (json.path("type").asText().equals("events")) {
                json.path("events").forEach(e -> seqs.add(e.path("seq").asInt()));
            }
        }
        sink.frames.clear();
    }
}

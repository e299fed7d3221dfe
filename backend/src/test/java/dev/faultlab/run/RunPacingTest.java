package dev.faultlab.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a playing run paces its frames: a slow run sends each event in a frame of its own when it is due, a fast one
 * a few bigger frames a second, no event waits longer than a flush period, and a fault is sent at once. The pacer
 * is played here tick by tick on the test's clock (the run's own clock starts at play).
 */
class RunPacingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RunSettings SETTINGS = RunSettings.defaults();
    private static final long TICK = SETTINGS.pacing().tick().toNanos();
    private static final long MS = 1_000_000L;

    /** A socket that writes every frame at once and notes when, on the test's clock, it was sent. */
    static final class TimedSink implements StreamSink {
        record Sent(long at, JsonNode frame) {
        }

        long now;
        final List<Sent> sent = new ArrayList<>();

        @Override
        public void send(byte[] frame, Runnable written) {
            try {
                sent.add(new Sent(now, JSON.readTree(frame)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            written.run();
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close(String reason) {
            throw new AssertionError("the stream was closed: " + reason);
        }

        List<Sent> events() {
            return sent.stream().filter(s -> s.frame().path("type").asText().equals("events")).toList();
        }

        /** Each event sent, as {seq, when}, in the order sent. */
        List<long[]> eventTimes() {
            List<long[]> times = new ArrayList<>();
            for (Sent s : events()) {
                s.frame().path("events").forEach(e -> times.add(new long[] {e.path("seq").asLong(), s.at()}));
            }
            return times;
        }
    }

    /** A run being played, with the test's clock: from {@code before} (just before play) to {@code now}. */
    private static final class Played {
        final LiveRun run;
        final TimedSink sink = new TimedSink();
        final long before;
        long now;

        Played(Map<String, Object> params, double speed) {
            run = new LiveRun(UUID.randomUUID(), Optional.of(1L), Optional.empty(), Optional.empty(), Optional.empty(),
                    Simulation.start(Recipe.of("flooding", params, 11), Protocols.registry()), Protocols.registry(),
                    SETTINGS);
            run.attach(sink, 0, true);
            run.speed(speed);
            before = System.nanoTime();
            run.play();
            now = System.nanoTime();
        }

        /** The pacer for {@code nanos}: a tick every pacing tick, serving the run whenever it is due. */
        void pace(long nanos) {
            for (long end = now + nanos; now < end; now += TICK) {
                sink.now = now;
                if (run.dueBy(now) && run.reserveTick()) {
                    run.tick(now);
                }
            }
            sink.now = now;
        }
    }

    @Test
    void aSlowRunSendsEachEventInAFrameOfItsOwnWhenItIsDue() {
        double speed = 2;
        Played played = new Played(Map.of("n", 12, "f", 6), speed);
        played.pace(5_000 * MS);

        List<TimedSink.Sent> frames = played.sink.events();
        assertThat(frames).hasSizeBetween(9, 10);
        assertThat(frames).allSatisfy(s -> assertThat(s.frame().path("events").size()).isEqualTo(1));
        for (long[] event : played.sink.eventTimes()) {
            long due = (long) ((event[0] + 1) / speed * 1e9);
            assertThat(event[1]).isBetween(played.before + due - MS, played.now - 5_000 * MS + due + TICK + MS);
        }
    }

    @Test
    void aFastRunSendsFewBigFramesAndNoEventWaitsLongerThanAFlush() {
        double speed = 2_000;
        Played played = new Played(Map.of("n", 40, "f", 6), speed);
        long start = played.now;
        played.pace(2_000 * MS);

        List<TimedSink.Sent> frames = played.sink.events();
        int events = played.run.eventCount();
        assertThat(events).isBetween(3_900, 4_000);
        long flush = SETTINGS.pacing().flushNanos(speed);
        assertThat(flush).isEqualTo(SETTINGS.pacing().minFlush().toNanos());
        assertThat(frames).hasSizeLessThanOrEqualTo((int) (2_000 * MS / flush) + 1);
        assertThat(events / frames.size()).isGreaterThanOrEqualTo(75);
        for (long[] event : played.sink.eventTimes()) {
            long due = (long) ((event[0] + 1) / speed * 1e9);
            assertThat(event[1]).isBetween(played.before + due - MS, start + due + flush + TICK + MS);
        }
    }

    @Test
    void atTheDefaultSpeedAFrameCarriesAFewEventsAndNoneWaitsLongerThanAFlush() {
        double speed = LiveRun.DEFAULT_SPEED;
        Played played = new Played(Map.of("n", 12, "f", 6), speed);
        long start = played.now;
        played.pace(4_000 * MS);

        long flush = SETTINGS.pacing().flushNanos(speed);
        assertThat(flush).isEqualTo(SETTINGS.pacing().flushEvents() * 1_000_000_000L / (long) speed);
        // Events come due one every 50 ms and leave every 200 ms: up to four wait for the next frame.
        assertThat(played.run.eventCount()).isBetween(76, 80);
        assertThat(played.sink.events()).hasSizeLessThanOrEqualTo((int) (4_000 * MS / flush) + 1);
        for (long[] event : played.sink.eventTimes()) {
            long due = (long) ((event[0] + 1) / speed * 1e9);
            assertThat(event[1]).isBetween(played.before + due - MS, start + due + flush + TICK + MS);
        }
    }

    @Test
    void aFaultInjectedWhileItPlaysIsSentAtOnceAfterTheHandlerBeingShown() {
        Played played = new Played(Map.of("n", 12, "f", 6), LiveRun.DEFAULT_SPEED);
        played.pace(1_030 * MS);
        int shown = played.run.eventCount();

        Fault recorded = played.run.inject(new Fault(0L, null, FaultKind.LINK_DOWN, 0, Map.of("to", 1)));

        List<TimedSink.Sent> frames = played.sink.events();
        TimedSink.Sent last = frames.get(frames.size() - 1);
        assertThat(last.at()).isEqualTo(played.now);
        JsonNode events = last.frame().path("events");
        JsonNode fault = events.get(events.size() - 1);
        assertThat(fault.path("kind").asText()).isEqualTo("FAULT");
        // At most a frame's worth of the handler being shown comes first.
        assertThat(fault.path("seq").asLong()).isEqualTo(recorded.atEvent())
                .isBetween((long) shown, (long) shown + SETTINGS.pacing().flushEvents());
        List<long[]> sent = played.sink.eventTimes();
        for (int i = 0; i < sent.size(); i++) {
            assertThat(sent.get(i)[0]).isEqualTo(i);
        }
    }

    @Test
    void aFaultInjectedIntoAPausedRunLandsExactlyAfterTheLastEventShown() {
        Played played = new Played(Map.of("n", 12, "f", 6), LiveRun.DEFAULT_SPEED);
        played.run.pause();
        // 3 events into the first round's sends: the middle of a handler.
        played.run.step(3);

        Fault recorded = played.run.inject(new Fault(0L, null, FaultKind.LINK_DOWN, 0, Map.of("to", 1)));

        assertThat(recorded.atEvent()).isEqualTo(3L);
        JsonNode last = played.sink.events().get(played.sink.events().size() - 1).frame().path("events");
        assertThat(last.get(last.size() - 1).path("seq").asInt()).isEqualTo(3);
        assertThat(last.get(last.size() - 1).path("kind").asText()).isEqualTo("FAULT");
    }

    @Test
    void aRunSoSlowItsNextEventIsCenturiesAwayIsLookedAtHourly() {
        Played played = new Played(Map.of("n", 12, "f", 6), Double.MIN_VALUE);

        assertThat(played.run.dueBy(played.now + 60_000 * MS)).isFalse();
        assertThat(played.run.dueBy(played.now + 3_601_000 * MS)).isTrue();
    }

    @Test
    void aTickServesEveryRunThatIsDueInOneTaskPerWorker() {
        List<Played> runs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            // Fast enough to end by the tick: an ended run has its progress saved at once.
            runs.add(new Played(Map.of("n", 6, "f", 2), 100_000));
        }
        List<Runnable> tasks = new ArrayList<>();
        List<LiveRun> saved = new ArrayList<>();
        RunPacer pacer = new RunPacer(runs.stream().map(p -> p.run).toList(), tasks::add, 2, saved::add);

        long later = System.nanoTime() + 100 * MS;
        pacer.handOut(later);
        assertThat(tasks).hasSize(2);
        // Handed out and not served yet: the next tick does not hand them out again.
        pacer.handOut(later + TICK);
        assertThat(tasks).hasSize(2);

        tasks.forEach(Runnable::run);
        assertThat(runs).allSatisfy(p -> assertThat(p.sink.events()).isNotEmpty());
        assertThat(runs).allSatisfy(p -> assertThat(p.run.dueBy(later)).isFalse());
        assertThat(runs).allSatisfy(p -> assertThat(p.run.status()).isEqualTo(RunStatus.ENDED));
        assertThat(saved).containsExactlyInAnyOrderElementsOf(runs.stream().map(p -> p.run).toList());
    }
}

package dev.faultlab.protocols.messagelogging;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.PropertyStatus;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.faultlab.protocols.messagelogging.LoggingRuns.REGISTRY;
import static dev.faultlab.protocols.messagelogging.LoggingRuns.dump;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over many seeds, scripts and crash schedules (every crash followed by a recovery: the crash-recovery model):
 * pessimistic logging never makes an orphan, sender- or receiver-based; optimistic logging makes one only when a
 * crash lost a message the process had acted on (its recovery kept fewer intervals than it had reached), and then
 * the monitor names it, and once rolled back no orphan is left.
 */
class LoggingProperties {
    /** A random application and crash schedule; {@code mode} and {@code logging} as given. */
    static Recipe schedule(long seed, String logging, String mode) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 3 + random.nextInt(3);
        List<Map<String, Object>> script = new ArrayList<>();
        int lines = 2 + random.nextInt(6);
        for (int i = 0; i < lines; i++) {
            int from = random.nextInt(n);
            int to = (from + 1 + random.nextInt(n - 1)) % n;
            Map<String, Object> line = new LinkedHashMap<>(Map.of("from", from, "to", to));
            if (i < 2 || random.nextBoolean()) {
                line.put("at", random.nextInt(60));
            } else {
                line.put("after", 1 + random.nextInt(3));
            }
            script.add(line);
        }
        Map<String, Object> params = new HashMap<>(Map.of("n", n, "logging", logging, "mode", mode, "messages", script,
                "flushDelay", 1 + random.nextInt(15), "checkpointEvery", random.nextBoolean() ? 0 : 10 + random.nextInt(30),
                "runFor", 150));
        List<Fault> faults = new ArrayList<>();
        int crashes = 1 + random.nextInt(3);
        for (int c = 0; c < crashes; c++) {
            int node = random.nextInt(n);
            long at = 1 + random.nextInt(80);
            faults.add(Fault.at(at, FaultKind.CRASH, node));
            faults.add(Fault.at(at + 1 + random.nextInt(20), FaultKind.RECOVER, node));
        }
        return Recipe.of(MessageLogging.ID, params, seed).withFaults(faults);
    }

    /** Runs with the protocol's monitors and a watcher of each crash's loss; returns the run and the losses. */
    static Watched watch(Recipe recipe) {
        Losses losses = new Losses();
        Simulation run = Simulation.start(recipe, REGISTRY, (protocol, params, r) -> {
            List<Monitor> all = new ArrayList<>(protocol.monitors(params, r.network()));
            all.add(losses);
            return all;
        });
        run.runToEnd();
        return new Watched(run, losses.lost);
    }

    record Watched(Simulation run, int lostIntervals) {
        PropertyStatus.Change verdict(String property) {
            return LoggingRuns.verdict(run, property);
        }
    }

    @Property(tries = 150)
    void pessimisticLoggingNeverLeavesAnOrphan(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        for (String logging : List.of("receiver", "sender")) {
            Watched watched = watch(schedule(seed, logging, "pessimistic"));
            assertThat(watched.verdict(NoOrphans.NAME).status()).as(logging + "\n" + dump(watched.run()))
                    .isEqualTo(PropertyStatus.Status.HOLDS);
            assertThat(watched.verdict(OrphansRolledBack.NAME).status()).isEqualTo(PropertyStatus.Status.HOLDS);
            assertThat(watched.lostIntervals()).as("a pessimistic recovery keeps every interval it reached").isZero();
        }
    }

    @Property(tries = 150)
    void optimisticLoggingMakesOrphansOnlyWhenACrashLostAMessageAndRollsThemBack(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        for (String logging : List.of("receiver", "sender")) {
            Watched watched = watch(schedule(seed, logging, "optimistic"));
            PropertyStatus.Change orphans = watched.verdict(NoOrphans.NAME);
            if (orphans.status() == PropertyStatus.Status.VIOLATED) {
                assertThat(watched.lostIntervals()).as("an orphan without a lost message\n" + dump(watched.run())).isPositive();
                assertThat(orphans.violation().explanation()).matches("P\\d depends on interval \\d+ of P\\d .*lost.*");
                assertThat(orphans.violation().witnesses()).isNotEmpty();
            }
            assertThat(watched.verdict(OrphansRolledBack.NAME).status()).as(logging + "\n" + dump(watched.run()))
                    .isEqualTo(PropertyStatus.Status.HOLDS);
        }
    }

    /**
     * The slides' example in many shapes: more processes with traffic of their own, any flush delay, and Q (P2)
     * crashing at any moment between delivering m2 (and sending m3) and writing m2 to stable storage. Optimistic
     * logging always makes R (P3) an orphan, named by the monitor, and rolls it back; pessimistic logging never does.
     */
    @Property(tries = 120)
    void crashingQBeforeM2IsLoggedAlwaysOrphansROptimisticallyAndNeverPessimistically(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 3 + random.nextInt(3);
        int flushDelay = 2 + random.nextInt(18); // m1 written before m2 arrives at t=21, m2 only at t=21 + flushDelay
        List<Map<String, Object>> script = new ArrayList<>(MessageLogging.SLIDES);
        for (int extra = random.nextInt(4); extra > 0; extra--) {
            int from = n == 3 ? 0 : 3 + random.nextInt(n - 3);
            // Never to Q: m3 must follow m1 and m2 as on the slides.
            script.add(Map.of("from", from, "to", from == 0 || random.nextBoolean() ? 2 : 0, "at", random.nextInt(60)));
        }
        long crashAt = 22 + random.nextInt(flushDelay - 1);
        for (String mode : List.of("optimistic", "pessimistic")) {
            Map<String, Object> params = new HashMap<>(Map.of("n", n, "mode", mode, "flushDelay", flushDelay, "messages", script));
            Recipe recipe = Recipe.of(MessageLogging.ID, params, seed).withFaults(List.of(
                    Fault.at(crashAt, FaultKind.CRASH, LoggingRuns.Q), Fault.at(crashAt + 1 + random.nextInt(30), FaultKind.RECOVER, LoggingRuns.Q)));
            Watched watched = watch(recipe);
            PropertyStatus.Change orphans = watched.verdict(NoOrphans.NAME);
            if (mode.equals("optimistic")) {
                assertThat(orphans.status()).as(dump(watched.run())).isEqualTo(PropertyStatus.Status.VIOLATED);
                assertThat(orphans.violation().explanation()).startsWith("P3 depends on interval 2 of P2 (incarnation 0), which P2 lost");
                assertThat(watched.lostIntervals()).isPositive();
            } else {
                assertThat(orphans.status()).as(dump(watched.run())).isEqualTo(PropertyStatus.Status.HOLDS);
            }
            assertThat(watched.verdict(OrphansRolledBack.NAME).status()).isEqualTo(PropertyStatus.Status.HOLDS);
        }
    }

    /**
     * Counts, over the run, the intervals crashes lost: the interval a process had reached before it crashed,
     * less the interval its recovery kept. Read from the states the inspector shows.
     */
    private static final class Losses implements Monitor {
        private final Map<Integer, Integer> reached = new HashMap<>();
        private final Map<Integer, Object> lastReplay = new HashMap<>();
        private final Map<Integer, Integer> crashedAt = new HashMap<>();
        private int lost;

        @Override
        public String property() {
            return "losses";
        }

        @Override
        public void onEvent(TraceEvent event, States states) {
            int node = event.node();
            if (node < 0 || event.kind() == EventKind.END) {
                return;
            }
            if (event.kind() == EventKind.CRASH) {
                crashedAt.put(node, reached.getOrDefault(node, 0));
                lastReplay.remove(node);
                return;
            }
            if (!states.up(node) || !states.state(node).containsKey("interval")) {
                return;
            }
            Map<String, Object> view = states.state(node);
            Object replay = view.get("replay");
            if (replay instanceof Map<?, ?> map && Boolean.TRUE.equals(map.get("done")) && !replay.equals(lastReplay.get(node))) {
                lastReplay.put(node, replay);
                Integer before = crashedAt.remove(node);
                if (before != null && "crash".equals(map.get("cause"))) {
                    lost += Math.max(0, before - ((Number) map.get("kept")).intValue());
                }
            }
            if (!"replaying".equals(view.get("phase"))) {
                reached.put(node, ((Number) view.get("interval")).intValue());
            }
        }

        @Override
        public Violation violation() {
            return null;
        }
    }
}

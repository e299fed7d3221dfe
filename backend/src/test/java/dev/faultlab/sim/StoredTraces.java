package dev.faultlab.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.run.RunCodec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recipes of every protocol with faults of every kind and live injections, and a digest of the trace each
 * gave when the fixture was written (by the kernel before v2's scheduler and event-precise faults). The
 * fixture file is written once by {@link #main} and never rewritten: {@code StoredTracesTest} replays it.
 */
final class StoredTraces {
    static final Path FILE = Path.of("src/test/resources/traces/stored-recipes.json");

    /** One stored run: the recipe as the database keeps it (JSON), its trace length and digest. */
    record Entry(String name, String recipe, int events, String digest) {
    }

    private StoredTraces() {
    }

    /** SHA-256 over every event's fields, payloads by their text (records print their components). */
    static String digest(Trace trace) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (TraceEvent e : trace.events()) {
                sha.update((e.seq() + "|" + e.time() + "|" + e.kind() + "|" + e.node() + "|" + e.peer() + "|" + e.message()
                        + "|" + e.parent() + "|" + e.lamport() + "|" + e.round() + "|" + e.payload() + "|" + e.detail() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        ProtocolRegistry registry = Protocols.registry();
        List<Entry> entries = new ArrayList<>();
        Map<String, Recipe> planned = planned();
        for (Map.Entry<String, Recipe> e : planned.entrySet()) {
            Simulation sim = Simulation.start(e.getValue(), registry);
            sim.runToEnd();
            entries.add(new Entry(e.getKey(), RunCodec.recipeJson(sim.recipe()), sim.trace().size(), digest(sim.trace())));
        }
        for (Map.Entry<String, Recipe> e : live().entrySet()) {
            entries.add(injectLive(e.getKey(), e.getValue(), registry));
        }
        for (long shape = 1; shape <= 12; shape++) {
            Simulation sim = Simulation.start(RandomRecipes.recipe(shape), registry);
            sim.runToEnd();
            entries.add(new Entry("random-" + shape, RunCodec.recipeJson(sim.recipe()), sim.trace().size(), digest(sim.trace())));
        }
        Files.writeString(FILE, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(entries));
    }

    /** Steps a run and injects faults live at several points, as a student would; stores the recipe it records. */
    private static Entry injectLive(String name, Recipe base, ProtocolRegistry registry) {
        Simulation sim = Simulation.start(base, registry);
        List<Fault> toInject = base.faults();
        Simulation live = Simulation.start(base.withFaults(List.of()), registry);
        int[] stops = {3, 9, 17, 26, 40};
        for (int i = 0; i < toInject.size() && !live.ended(); i++) {
            live.runUntilEvents(stops[i % stops.length] + i * 7L);
            if (!live.ended()) {
                Fault f = toInject.get(i);
                live.inject(new Fault(null, null, f.kind(), f.target(), f.params()));
            }
        }
        live.runToEnd();
        Simulation replay = Simulation.start(live.recipe(), registry);
        replay.runToEnd();
        if (!digest(replay.trace()).equals(digest(live.trace()))) {
            throw new IllegalStateException(name + ": the replay differs from the live run");
        }
        return new Entry(name, RunCodec.recipeJson(live.recipe()), live.trace().size(), digest(live.trace()));
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Map<String, Recipe> planned() {
        Map<String, Recipe> all = new LinkedHashMap<>();
        Recipe flooding = Recipe.of("flooding", map("n", 5, "f", 2, "values", List.of(3, 0, 5, 7, 1)), 1);
        all.put("flooding-crash-after-sends", flooding.withFaults(List.of(
                Fault.at(0, FaultKind.CRASH, 1, map("afterSends", 1)), Fault.at(10, FaultKind.CRASH, 0, map("reaches", List.of(2))))));
        all.put("flooding-omission-timing", flooding.withFaults(List.of(
                Fault.at(0, FaultKind.SEND_OMISSION, 2, map("probability", 0.5, "duration", 15)),
                Fault.at(5, FaultKind.RECEIVE_OMISSION, 3, map("probability", 1.0)),
                Fault.at(10, FaultKind.TIMING, 4, map("extraDelay", 12))))
                .withNetwork(new NetworkSpec(Delay.uniform(1, 8), 0.1, 0.1, false)));
        all.put("flooding-crash-recover", flooding.withFaults(List.of(
                Fault.at(3, FaultKind.CRASH, 2), Fault.at(12, FaultKind.RECOVER, 2), Fault.at(0, FaultKind.LINK_DOWN, 0, map("to", 4)))));
        Recipe echo = Recipe.of("echo", map("n", 4, "waves", 3, "retry", 12), 7);
        all.put("echo-network-faults", echo.withFaults(List.of(
                Fault.at(2, FaultKind.LINK_DOWN, 0, map("to", 1, "oneWay", true)), Fault.at(20, FaultKind.LINK_UP, 0, map("to", 1)),
                Fault.at(5, FaultKind.LINK_LOSS, 2, map("to", 3, "probability", 0.5)),
                Fault.network(8, FaultKind.PARTITION, map("groups", List.of(List.of(0, 1), List.of(2)))),
                Fault.network(30, FaultKind.HEAL, map()),
                Fault.network(35, FaultKind.NETWORK, map("loss", 0.2, "duplication", 0.1, "fifo", false,
                        "delay", map("kind", "exponential", "mean", 3)))))
                .withNetwork(new NetworkSpec(Delay.exponential(2), 0.05, 0.05, false)));
        all.put("echo-crash-recover-timing", echo.withFaults(List.of(
                Fault.at(4, FaultKind.CRASH, 1), Fault.at(25, FaultKind.RECOVER, 1),
                Fault.at(3, FaultKind.TIMING, 2, map("timerFactor", 3, "extraDelay", 2, "duration", 40)),
                Fault.at(6, FaultKind.CRASH, 3, map("afterSends", 2))))
                .withBudgets(new Budgets(3_000, 10_000_000, 600_000, 64, 64L << 20)));
        Recipe twophase = Recipe.of("twophase", map("participants", 3), 3);
        all.put("twophase-plain", twophase);
        all.put("twophase-coordinator-crash", twophase.withFaults(List.of(
                Fault.at(1, FaultKind.CRASH, 0, map("afterSends", 1)), Fault.at(60, FaultKind.RECOVER, 0))));
        all.put("twophase-participant-crash-abort", Recipe.of("twophase",
                map("participants", 4, "votes", List.of("commit", "abort", "commit", "commit")), 5).withFaults(List.of(
                Fault.at(2, FaultKind.CRASH, 2), Fault.at(40, FaultKind.RECOVER, 2),
                Fault.network(1, FaultKind.PARTITION, map("groups", List.of(List.of(0, 1)))), Fault.network(25, FaultKind.HEAL, map()))));
        Recipe byzantine = Recipe.of("byzantine", map("n", 4, "m", 1, "values", List.of("ATTACK", "RETREAT", "ATTACK", "ATTACK")), 2);
        all.put("byzantine-equivocate", byzantine.withFaults(List.of(
                Fault.at(0, FaultKind.BYZANTINE, 0, map("behaviour", "equivocate")))));
        all.put("byzantine-scripted", byzantine.withFaults(List.of(
                Fault.at(0, FaultKind.BYZANTINE, 2, map("behaviour", "scripted", "otherwise", "random",
                        "lies", List.of(map("to", 1, "round", 2, "path", "2", "value", "RETREAT")))))));
        all.put("byzantine-7-two-faced-crash", Recipe.of("byzantine", map("n", 7, "m", 2), 9).withFaults(List.of(
                Fault.at(0, FaultKind.BYZANTINE, 1, map("behaviour", "two-faced")),
                Fault.at(0, FaultKind.BYZANTINE, 4, map("behaviour", "corrupt-relays")), Fault.at(12, FaultKind.CRASH, 6))));
        return all;
    }

    /** Recipes whose faults are injected live, one by one, at growing event counts. */
    private static Map<String, Recipe> live() {
        Map<String, Recipe> all = new LinkedHashMap<>();
        all.put("live-flooding", Recipe.of("flooding", map("n", 4, "f", 1), 11).withFaults(List.of(
                Fault.at(0, FaultKind.CRASH, 2, map("afterSends", 1)), Fault.at(0, FaultKind.CRASH, 1), Fault.at(0, FaultKind.RECOVER, 1))));
        all.put("live-echo", Recipe.of("echo", map("n", 3, "waves", 4, "retry", 8), 13).withFaults(List.of(
                Fault.at(0, FaultKind.CRASH, 0), Fault.network(0, FaultKind.PARTITION, map("groups", List.of(List.of(1)))),
                Fault.at(0, FaultKind.RECOVER, 0), Fault.network(0, FaultKind.HEAL, map()),
                Fault.at(0, FaultKind.SEND_OMISSION, 2, map("probability", 1.0, "duration", 10)))));
        all.put("live-twophase", Recipe.of("twophase", map("participants", 3), 17).withFaults(List.of(
                Fault.at(0, FaultKind.LINK_DOWN, 0, map("to", 2)), Fault.at(0, FaultKind.CRASH, 0), Fault.at(0, FaultKind.RECOVER, 0))));
        all.put("live-byzantine", Recipe.of("byzantine", map("n", 4, "m", 1), 19).withFaults(List.of(
                Fault.at(0, FaultKind.BYZANTINE, 3, map("behaviour", "random")), Fault.at(0, FaultKind.CRASH, 1))));
        return all;
    }
}

package dev.faultlab.protocols.flp.key;

import dev.faultlab.check.Verdict;
import dev.faultlab.key.Reference;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The FLP lab's keys over its scenario (P1 = 0, P2 = P3 = 1), every answer found by running or searching. */
class FlpKeysTest {
    static final ProtocolRegistry REGISTRY = Protocols.registry();
    static final Recipe SCENARIO = Recipe.of("flp", Map.of("n", 3, "inputs", List.of(0, 1, 1), "steps", 20), 1);
    static Reference reference;

    @BeforeAll
    static void run() {
        Simulation run = Simulation.start(SCENARIO, REGISTRY);
        run.runToEnd();
        reference = new Reference(run, REGISTRY);
    }

    @Test
    void theBivalentInitialConfigurationsAreThoseWithBothValuesWhereTheLowRankedProcessesDisagree() {
        // 001 and 110 are univalent: P3 alone cannot pass its input on, nobody takes its estimate.
        assertThat(new BivalentInputsKey().expected(reference, Map.of()))
                .containsExactlyInAnyOrder("in-010", "in-011", "in-100", "in-101");
        assertThat(new ChainKey().expected(reference, Map.of())).containsExactly("in-100");
        assertThat(new BivalentInputsKey().solution(reference, Map.of()).steps()).hasSize(8);
    }

    @Test
    void theStatementsAreReadFromRuns() {
        assertThat(new StatementsKey().expected(reference, Map.of())).containsExactlyInAnyOrder("fair-decides", "replays");
    }

    @Test
    void thePlanTheSearchFindsMeetsTheChallengeButHoldingOneReportLetsTheRunTurnZeroValent() {
        UndecidedKey key = new UndecidedKey();
        List<Fault> plan = key.find(reference, Set.of("HOLD", "RELEASE", "DELIVER"), 20, Map.of("steps", 20)).orElseThrow();
        assertThat(plan).hasSizeLessThanOrEqualTo(20).allMatch(f -> f.kind() == FaultKind.DELIVER);

        assertThat(verdict(key, plan).holds()).as(verdict(key, plan).explanation()).isTrue();
        Verdict lazy = verdict(key, List.of(new Fault(null, 6L, FaultKind.HOLD, null, Map.of("message", 0))));
        assertThat(lazy.holds()).isFalse();
        assertThat(lazy.explanation()).contains("is 0-valent", "an earlier step already gave the run its value");
    }

    @Test
    void aCrashIsNotTheSchedulersTool() {
        Verdict crashed = verdict(new UndecidedKey(), List.of(Fault.at(0, FaultKind.CRASH, 0)));
        assertThat(crashed.holds()).isFalse();
        assertThat(crashed.explanation()).contains("crashes a process");
    }

    private static Verdict verdict(UndecidedKey key, List<Fault> plan) {
        Simulation run = Simulation.start(SCENARIO.withFaults(plan), REGISTRY);
        run.runToEnd();
        return key.check(run, REGISTRY, Map.of("steps", 20));
    }
}

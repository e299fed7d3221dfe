package dev.faultlab.protocols.byzantine;

import dev.faultlab.check.Agreement;
import dev.faultlab.check.Verdict;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.faultlab.protocols.byzantine.ByzantineRuns.lie;
import static dev.faultlab.protocols.byzantine.ByzantineRuns.run;
import static dev.faultlab.protocols.byzantine.ByzantineRuns.traitor;
import static dev.faultlab.protocols.byzantine.Plan.ATTACK;
import static dev.faultlab.protocols.byzantine.Plan.RETREAT;
import static org.assertj.core.api.Assertions.assertThat;

/** The seeds' own examples. The seeds number generals from 1; FaultLab from 0, so the seeds' Pk is P(k-1) here. */
class ByzantineAgreementTest {

    private static List<String> texts(List<Statement> statements) {
        return statements.stream().map(Statement::text).toList();
    }

    private static List<String> vector(Simulation sim, int node) {
        return ByzantineResults.finalVector(sim, node).orElseThrow();
    }

    @Test
    void fourGeneralsWithALoyalCommanderAgreeOnItsValueDespiteALyingLieutenant() {
        // Seed 003, "Four byzantine generals", left: the commander says v, p3 relays "3:1:u".
        Simulation sim = run(4, 1, List.of("v", "v", "v", "v"), traitor(2, CorruptRelays.NAME, Map.of("value", "u")));

        assertThat(ByzantineResults.received(sim, 1, 2)).contains(new Statement(List.of(2, 0), "u"));
        for (int loyal : List.of(0, 1, 3)) {
            assertThat(vector(sim, loyal)).containsExactly("v", "v", "v", "v");
        }
        assertThat(InteractiveConsistency.check(sim).holds()).isTrue();
        assertThat(sim.decisions()).containsEntry(0, "v").containsEntry(1, "v").containsEntry(3, "v");
    }

    @Test
    void fourGeneralsWithATraitorCommanderStillAgree() {
        // Seed 003, right: the commander tells p2 w, p3 u, p4 v; every lieutenant hears {w, u, v}.
        Simulation sim = run(4, 1, List.of("v", "v", "v", "v"),
                traitor(0, Equivocate.NAME, Map.of("values", List.of("w", "u", "v"))));

        for (int loyal : List.of(1, 2, 3)) {
            assertThat(vector(sim, loyal)).containsExactly(Majority.NO_MAJORITY, "v", "v", "v");
        }
        assertThat(InteractiveConsistency.check(sim).holds()).isTrue();
        assertThat(Agreement.check(sim).holds()).isTrue();
    }

    @Test
    void theSeedsAgreementTableWithTheFirstProcessTraitor() {
        // Seed 000, "Agreement Protocol": P1* gives each process another version of v1 in round 1 and
        // relays yet other versions in round 2; every loyal process ends with (v1^7, v2, v3, v4).
        var versionsOfV1 = Map.<String, Object>of("otherwise", Equivocate.NAME,
                "values", List.of("v1^2", "v1^1", "v1^3"),
                "lies", List.of(lie(1, "2", "v3^4"), lie(1, "3", "v4^4"),
                        lie(2, "1", "v2^5"), lie(2, "3", "v4^5"),
                        lie(3, "1", "v2^6"), lie(3, "2", "v3^6")));

        Simulation sim = run(4, 1, List.of("v1", "v2", "v3", "v4"), traitor(0, Scripted.NAME, versionsOfV1));

        assertThat(texts(ByzantineResults.received(sim, 1, 1)))
                .containsExactly("P1 says v1^2", "P3 says v3", "P4 says v4");
        assertThat(texts(ByzantineResults.received(sim, 1, 2))).containsExactly(
                "P1 says P3 says v3^4", "P1 says P4 says v4^4",
                "P3 says P1 says v1^1", "P3 says P4 says v4",
                "P4 says P1 says v1^3", "P4 says P3 says v3");
        for (int loyal : List.of(1, 2, 3)) {
            assertThat(vector(sim, loyal)).containsExactly(Majority.NO_MAJORITY, "v2", "v3", "v4");
        }
        assertThat(InteractiveConsistency.check(sim).holds()).isTrue();
    }

    @Test
    void exerciseSevenSevenProcessesWithTwoTraitors() {
        // Seed 000, Exercise 7: n=7, P1 and P2 faulty (P0 and P1 here), what P3 (P2 here) receives.
        List<String> values = List.of(ATTACK, ATTACK, ATTACK, RETREAT, ATTACK, ATTACK, RETREAT);
        var script = Map.<String, Object>of("otherwise", Equivocate.NAME, "lies", List.of(
                lie(2, "", "HOLD"), lie(2, "3", "HOLD"), lie(2, "1:4", "HOLD")));

        Simulation sim = run(7, 2, values, traitor(0, Scripted.NAME, script), traitor(1, CorruptRelays.NAME));

        List<Statement> round1 = ByzantineResults.received(sim, 2, 1);
        List<Statement> round2 = ByzantineResults.received(sim, 2, 2);
        List<Statement> round3 = ByzantineResults.received(sim, 2, 3);
        assertThat(round1).hasSize(6);
        assertThat(round2).hasSize(6 * 5);
        assertThat(round3).hasSize(6 * 5 * 4);
        assertThat(texts(round1)).containsExactly("P1 says HOLD", "P2 says ATTACK", "P4 says RETREAT",
                "P5 says ATTACK", "P6 says ATTACK", "P7 says RETREAT");
        assertThat(texts(round2)).contains(
                "P1 says P4 says HOLD",       // scripted
                "P1 says P5 says ATTACK",     // the scripted traitor relays honestly where it has no lie
                "P2 says P1 says RETREAT",    // P0 told P1 ATTACK; P1 corrupts the relay
                "P4 says P1 says ATTACK",     // P0 equivocates: odd ids hear ATTACK
                "P5 says P1 says RETREAT");   // ... even ids RETREAT
        assertThat(texts(round3)).contains(
                "P1 says P2 says P5 says HOLD",
                "P4 says P2 says P1 says RETREAT",
                "P5 says P4 says P1 says ATTACK",
                "P2 says P4 says P1 says RETREAT");
        assertThat(round3).allSatisfy(s -> assertThat(s.path()).hasSize(3).doesNotContain(2).doesNotHaveDuplicates());
        assertThat(round3).isSortedAccordingTo(Statement.BY_PATH);

        List<String> observed = vector(sim, 2);
        assertThat(observed.subList(2, 7)).isEqualTo(values.subList(2, 7));
        for (int loyal = 3; loyal < 7; loyal++) {
            assertThat(vector(sim, loyal)).isEqualTo(observed);
        }
        assertThat(InteractiveConsistency.check(sim).holds()).isTrue();
        assertThat(Agreement.check(sim).holds()).isTrue();
    }

    @Test
    void threeProcessesCannotMaskOneTwoFacedTraitor() {
        // Seed 002 and 003, three generals: P2 hears P0's ATTACK and the traitor's "P1 says RETREAT".
        Simulation sim = run(3, 1, List.of(ATTACK, ATTACK, ATTACK), traitor(1, TwoFaced.NAME));

        assertThat(texts(ByzantineResults.received(sim, 2, 1))).containsExactly("P1 says ATTACK", "P2 says RETREAT");
        assertThat(texts(ByzantineResults.received(sim, 2, 2))).containsExactly("P1 says P2 says ATTACK", "P2 says P1 says RETREAT");
        Verdict verdict = InteractiveConsistency.check(sim);
        assertThat(verdict.holds()).isFalse();
        assertThat(verdict.explanation()).isEqualTo("P3's vector has RETREAT for loyal P1, which started with ATTACK");
        assertThat(verdict.witnesses()).hasSize(3);
        assertThat(verdict.witnesses().subList(0, 2)).allSatisfy(seq -> {
            TraceEvent event = sim.trace().event(seq);
            assertThat(event.kind()).isEqualTo(EventKind.DELIVER);
            assertThat(event.node()).isEqualTo(2);
        });
        assertThat(sim.trace().kind(verdict.witnesses().get(2))).isEqualTo(EventKind.DECIDE);
    }

    @Test
    void aSilentTraitorsMissingStatementsCountAsTheDefaultAndAreRelayedAsSuch() {
        Simulation sim = run(4, 1, List.of(ATTACK, ATTACK, ATTACK, ATTACK), traitor(3, "silent"));

        assertThat(texts(ByzantineResults.received(sim, 0, 1))).containsExactly("P2 says ATTACK", "P3 says ATTACK");
        assertThat(ByzantineResults.received(sim, 0, 2)).contains(new Statement(List.of(1, 3), Majority.NO_MAJORITY));
        assertThat(vector(sim, 0)).containsExactly(ATTACK, ATTACK, ATTACK, Majority.NO_MAJORITY);
        assertThat(sim.trace().events()).anySatisfy(e -> assertThat(e.payload())
                .isEqualTo("P1 heard nothing for 1 statements of round 1; each counts as RETREAT"));
        assertThat(InteractiveConsistency.check(sim).holds()).isTrue();
    }

    @Test
    void twoTraitorsAmongFourBreakInteractiveConsistency() {
        Simulation sim = run(4, 1, List.of(ATTACK, ATTACK, ATTACK, ATTACK),
                traitor(2, CorruptRelays.NAME), traitor(3, CorruptRelays.NAME));

        Verdict verdict = InteractiveConsistency.check(sim);
        assertThat(verdict.holds()).isFalse();
        assertThat(verdict.explanation()).isEqualTo("P2's vector has RETREAT for loyal P1, which started with ATTACK");
    }

    @Test
    void everyProcessSendsExactlyTheMessagesTheAlgorithmCounts() {
        Simulation sim = run(7, 2, null);

        long sends = sim.trace().events().stream().filter(e -> e.kind() == EventKind.SEND).count();
        assertThat(sends).isEqualTo(ByzantineAgreement.messages(7, 2)).isEqualTo(7 * (6 + 6 * 5 + 6 * 5 * 4));
        assertThat(sim.endReason().completed()).isTrue();
    }
}

package dev.faultlab.protocols.byzantine;

import dev.faultlab.check.Agreement;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.Trace;
import dev.faultlab.sim.TraceEvent;
import dev.faultlab.check.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.faultlab.protocols.byzantine.ByzantineRuns.run;
import static dev.faultlab.protocols.byzantine.ByzantineRuns.traitor;
import static dev.faultlab.protocols.byzantine.Plan.ATTACK;
import static dev.faultlab.protocols.byzantine.Plan.RETREAT;
import static org.assertj.core.api.Assertions.assertThat;

/** The rushing traitor, which listens before it speaks: it lies to each process in its own words, and OM(m) still holds. */
class MirrorTest {

    @Test
    void itAnswersEachProcessWithThatProcesssOwnValueAfterHearingItYetTheLoyalProcessesAgree() {
        Simulation sim = run(4, 1, List.of(ATTACK, ATTACK, RETREAT, ATTACK), traitor(3, Mirror.NAME));

        Trace trace = sim.trace();
        List<TraceEvent> roundOne = trace.events().stream()
                .filter(e -> e.kind() == EventKind.SEND && e.node() == 3 && e.round() == 1).toList();
        assertThat(roundOne).hasSize(3).allSatisfy(answer -> {
            TraceEvent heard = trace.event(answer.parent());
            assertThat(heard.kind()).isEqualTo(EventKind.DELIVER);
            assertThat(heard.node()).isEqualTo(3);
            assertThat(heard.peer()).isEqualTo(answer.peer());
            assertThat(answer.payload()).isEqualTo(heard.payload());
        });
        assertThat(ByzantineResults.received(sim, 0, 1)).contains(new Statement(List.of(3), ATTACK));
        assertThat(ByzantineResults.received(sim, 2, 1)).contains(new Statement(List.of(3), RETREAT));
        // P3 said RETREAT; the traitor tells P1, who started with ATTACK, that P3 said ATTACK.
        assertThat(ByzantineResults.received(sim, 0, 2)).contains(new Statement(List.of(3, 2), ATTACK));
        for (int loyal = 0; loyal < 3; loyal++) {
            assertThat(ByzantineResults.finalVector(sim, loyal).orElseThrow()).containsExactly(ATTACK, ATTACK, RETREAT, ATTACK);
        }
        assertThat(InteractiveConsistency.check(sim).holds()).isTrue();
        assertThat(Agreement.check(sim).holds()).isTrue();
    }

    @Test
    void aRewritingBehaviourCannotDoItTheLoyalCodeSpeaksBeforeItHears() {
        // Equivocating with the values the mirror ends up saying is not the same traitor: its statements go out
        // when round 1 starts, before anything arrives, whatever the others turn out to say.
        Simulation sim = run(4, 1, List.of(ATTACK, ATTACK, RETREAT, ATTACK), traitor(3, Equivocate.NAME));

        assertThat(sim.trace().events()).filteredOn(e -> e.kind() == EventKind.SEND && e.node() == 3 && e.round() == 1)
                .allSatisfy(e -> assertThat(sim.trace().kind(e.parent())).isEqualTo(EventKind.ROUND));
    }

    @Test
    void withThreeProcessesTheMirrorBreaksInteractiveConsistency() {
        // P2 hears P1's ATTACK from P1, and from the traitor that P1 said RETREAT (P2's own value): no majority.
        Simulation sim = run(3, 1, List.of(ATTACK, RETREAT, ATTACK), traitor(2, Mirror.NAME));

        assertThat(ByzantineResults.received(sim, 1, 2)).contains(new Statement(List.of(2, 0), RETREAT));
        assertThat(ByzantineResults.finalVector(sim, 1).orElseThrow().get(0)).isEqualTo(Majority.NO_MAJORITY);
        Verdict consistency = InteractiveConsistency.check(sim);
        assertThat(consistency.holds()).isFalse();
        assertThat(consistency.explanation()).contains("P2's vector has RETREAT for loyal P1, which started with ATTACK");
    }
}

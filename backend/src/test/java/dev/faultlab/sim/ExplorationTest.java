package dev.faultlab.sim;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.protocols.byzantine.ByzantineAgreement;
import dev.faultlab.protocols.twophase.TwoPhaseCommit;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The kernel as the explorer drives it: a run pauses before every scheduling choice it was not given, takes one
 * choice at a time, replays exactly from the recipe it reports, and hashes its state so that two orders of
 * independent deliveries meet in one state.
 */
class ExplorationTest {
    private static final ProtocolRegistry REGISTRY = Protocols.registry();
    private static final Recipe TWO_PHASE = Recipe.of(TwoPhaseCommit.ID,
            Map.of("participants", 2, "votes", List.of("commit", "commit")), 1);

    private static Simulation started() {
        Simulation run = Simulation.explore(TWO_PHASE, REGISTRY, null);
        while (run.enabled().get(0).kind().equals("start")) {
            run.choose(0);
        }
        return run;
    }

    private static int deliveryTo(Simulation run, int node) {
        List<Enabled> enabled = run.enabled();
        for (int i = 0; i < enabled.size(); i++) {
            if (enabled.get(i).kind().equals("deliver") && enabled.get(i).node() == node) {
                return i;
            }
        }
        throw new AssertionError("no delivery to " + node + " in " + enabled);
    }

    @Test
    void aRunOfTheExplorerPausesBeforeEachChoiceAndReplaysFromItsRecipe() {
        Simulation run = Simulation.explore(TWO_PHASE, REGISTRY, null);
        assertThat(run.paused()).isTrue();
        assertThat(run.trace().size()).isZero();
        assertThat(run.enabled()).extracting(Enabled::kind).containsOnly("start");

        run = started();
        run.choose(deliveryTo(run, 2));
        Recipe here = run.explored();
        assertThat(here.schedule()).hasSize(4);

        Simulation replay = Simulation.explore(here, REGISTRY, null);
        assertThat(replay.paused()).isTrue();
        assertThat(replay.trace().events()).isEqualTo(run.trace().events());
        assertThat(replay.fingerprint()).isEqualTo(run.fingerprint());
    }

    @Test
    void twoOrdersOfIndependentDeliveriesReachOneState() {
        Simulation first = started();
        first.choose(deliveryTo(first, 1));
        long oneDelivered = first.fingerprint().orElseThrow();
        first.choose(deliveryTo(first, 2));
        Simulation second = started();
        second.choose(deliveryTo(second, 2));
        second.choose(deliveryTo(second, 1));

        assertThat(first.fingerprint()).isPresent().isEqualTo(second.fingerprint());
        assertThat(first.fingerprint().getAsLong()).isNotEqualTo(oneDelivered);
        assertThat(first.trace().events()).isNotEqualTo(second.trace().events());
    }

    @Test
    void aFaultInjectedWhilePausedIsPartOfTheRecipeAndOfTheState() {
        Simulation run = started();
        long before = run.fingerprint().orElseThrow();
        run.inject(Fault.at(0, FaultKind.CRASH, 1));
        Recipe here = run.explored();

        assertThat(here.faults()).singleElement().satisfies(fault -> assertThat(fault.atEvent()).isNotNull());
        assertThat(run.fingerprint().orElseThrow()).isNotEqualTo(before);
        assertThat(Simulation.explore(here, REGISTRY, null).fingerprint()).isEqualTo(run.fingerprint());
    }

    @Test
    void aRunWithAByzantineNodeCannotBeCompared() {
        // Every protocol in main offers fingerprints (FingerprintsTest), but an adversary's state is its own.
        Recipe loyal = Recipe.of(ByzantineAgreement.ID, Map.of("n", 4, "m", 1), 1);
        Recipe traitor = loyal.withFault(Fault.at(0, FaultKind.BYZANTINE, 3, Map.of("behaviour", "silent")));

        assertThat(Simulation.explore(loyal, REGISTRY, null).fingerprint()).isPresent();
        Simulation run = Simulation.explore(traitor, REGISTRY, null);
        for (int step = 0; step < 10 && run.paused() && run.fingerprint().isPresent(); step++) {
            run.choose(0);
        }
        assertThat(run.processes().get(3).byzantine()).isNotNull();
        assertThat(run.fingerprint()).isEmpty();
    }

    @Test
    void onlyAPausedRunOfTheExplorerTakesAChoice() {
        Simulation ordinary = Simulation.start(TWO_PHASE, REGISTRY);

        assertThatThrownBy(() -> ordinary.choose(0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(ordinary::explored).isInstanceOf(IllegalStateException.class);
    }
}

package dev.faultlab.protocols.flp;

import dev.faultlab.check.Agreement;
import dev.faultlab.check.Validity;
import dev.faultlab.check.Valency;
import dev.faultlab.check.ValencySearch;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.MonitorSource;
import dev.faultlab.sim.PropertyStatus;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.RecipeException;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.faultlab.protocols.flp.FlpRuns.REGISTRY;
import static dev.faultlab.protocols.flp.FlpRuns.recipe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlpTest {

    private static List<String> notes(Simulation run) {
        return run.trace().events(0, run.trace().size()).stream().filter(e -> e.kind() == EventKind.NOTE)
                .map(e -> (String) e.payload()).toList();
    }

    /** Left to the clock, every message takes one tick and they arrive in the order sent: P1's report comes first. */
    @Test
    void theClocksRunDecidesStepByStep() {
        Simulation run = Simulation.start(recipe(List.of(0, 1, 1)), REGISTRY);
        run.runToEnd();

        List<TraceEvent> events = run.trace().events(0, run.trace().size());
        // Round 1: each process reports its input to the others.
        assertThat(events.subList(0, 6)).allMatch(e -> e.kind() == EventKind.SEND && e.payload() instanceof Report r && r.round() == 1);
        // P2 hears P1's 0 first: with its own 1 that is no majority, so it proposes "?".
        assertThat(events.get(6).kind()).isEqualTo(EventKind.DELIVER);
        assertThat(events.get(6).node()).isEqualTo(1);
        assertThat(events.get(7).payload()).isEqualTo(new Propose(1, null));
        // Everyone saw only "?", and takes the estimate of P1, the lowest-numbered process it heard from; round 2 decides 0.
        assertThat(notes(run).subList(0, 3)).allMatch(note -> note.contains("takes the estimate of P1") && note.endsWith(": 0"));
        assertThat(run.decisions()).isEqualTo(Map.of(0, 0, 1, 0, 2, 0));
    }

    @Test
    void theScriptedAdversaryKeepsEveryConfigurationBivalentForTwentyFourSteps() {
        Simulation run = Simulation.explore(recipe(List.of(0, 1, 1)), REGISTRY, MonitorSource.PROTOCOL);
        int steps = 0;
        while (steps < 24) {
            assertThat(FlpRuns.scriptedStep(run)).as("the scripted adversary has a message to deliver").isTrue();
            int delivered = (int) run.trace().events(0, run.trace().size()).stream().filter(e -> e.kind() == EventKind.DELIVER).count();
            if (delivered > steps) {
                steps = delivered;
                Valency valency = ValencySearch.of(REGISTRY, run.explored(), ValencySearch.Bounds.DEFAULT);
                assertThat(valency.label()).as("after step %d: %s", steps, valency.why()).isEqualTo(Valency.BIVALENT);
            }
        }
        assertThat(run.decisions()).isEmpty();
        List<PropertyStatus> properties = run.properties();
        assertThat(status(properties, UndecidedMonitor.NAME)).isEqualTo(PropertyStatus.Status.VIOLATED);
        assertThat(status(properties, Agreement.NAME)).isEqualTo(PropertyStatus.Status.HOLDS);
        assertThat(status(properties, Validity.NAME)).isEqualTo(PropertyStatus.Status.HOLDS);
        assertThat(notes(run)).contains("P1 saw only \"?\" and takes the estimate of P1, the lowest-numbered process it heard from: 0",
                "P3 saw 1 proposed and adopts it");
    }

    private static PropertyStatus.Status status(List<PropertyStatus> properties, String name) {
        return properties.stream().filter(p -> p.property().equals(name)).findFirst().orElseThrow().now().status();
    }

    @Test
    void valencyOfKnownInitialConfigurations() {
        Valency zeros = InitialValencies.of(REGISTRY, recipe(List.of(0, 0, 0)), List.of(0, 0, 0));
        assertThat(zeros.label()).isEqualTo("0-valent");
        assertThat(zeros.exhausted()).isTrue();
        assertThat(InitialValencies.of(REGISTRY, recipe(List.of(1, 1, 1)), List.of(1, 1, 1)).label()).isEqualTo("1-valent");
        Valency mixed = InitialValencies.of(REGISTRY, recipe(List.of(0, 1, 1)), List.of(0, 1, 1));
        assertThat(mixed.label()).isEqualTo(Valency.BIVALENT);
        assertThat(mixed.reachable()).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void aConfigurationWhereAProcessDecidedHasItsValue() {
        Recipe recipe = recipe(List.of(0, 1, 1));
        Simulation run = Simulation.start(recipe, REGISTRY);
        run.runToEnd();
        int decide = run.trace().events(0, run.trace().size()).stream().filter(e -> e.kind() == EventKind.DECIDE)
                .findFirst().orElseThrow().seq();

        Valency valency = ValencySearch.of(REGISTRY, ValencySearch.configuration(REGISTRY, recipe, decide), ValencySearch.Bounds.DEFAULT);

        assertThat(valency.label()).isEqualTo("0-valent");
        assertThat(valency.why()).contains("already decided 0");
    }

    @Test
    void heldMessagesAreStillTheSchedulersToDeliver() {
        Recipe recipe = recipe(List.of(0, 1, 1));
        // Hold every report of round 1 as soon as it is sent: the run stops, but the configuration is as bivalent as before.
        Recipe held = recipe;
        for (int message = 0; message < 6; message++) {
            held = held.withFault(new Fault(null, 6L + message, dev.faultlab.sim.FaultKind.HOLD, null, Map.of("message", message)));
        }
        Simulation run = Simulation.start(held, REGISTRY);
        run.runToEnd();
        assertThat(run.held()).hasSize(6);

        Valency valency = ValencySearch.of(REGISTRY, ValencySearch.configuration(REGISTRY, held, run.trace().size() - 1),
                ValencySearch.Bounds.DEFAULT);

        assertThat(valency.label()).isEqualTo(Valency.BIVALENT);
    }

    @Test
    void inputsMustFitTheProcesses() {
        assertThatThrownBy(() -> Simulation.start(Recipe.of(Flp.ID, Map.of("n", 3, "inputs", List.of(0, 1)), 1), REGISTRY))
                .isInstanceOf(RecipeException.class).hasMessageContaining("one input per process");
        assertThatThrownBy(() -> Simulation.start(Recipe.of(Flp.ID, Map.of("n", 3, "inputs", List.of(0, 1, 2)), 1), REGISTRY))
                .isInstanceOf(RecipeException.class).hasMessageContaining("inputs");
    }
}

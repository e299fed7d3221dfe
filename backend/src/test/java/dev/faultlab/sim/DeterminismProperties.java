package dev.faultlab.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultlab.protocols.Protocols;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The recipe is the run: same recipe, same trace, however it travelled or was built up. */
class DeterminismProperties {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Simulation finished(Recipe recipe) {
        Simulation sim = Simulation.start(recipe, Protocols.registry());
        sim.runToEnd();
        return sim;
    }

    @Property(tries = 200, seed = "20261127")
    void theSameRecipeTwiceGivesTheSameTrace(@ForAll long shape) {
        Recipe recipe = RandomRecipes.recipe(shape);

        Simulation first = finished(recipe);
        Simulation second = finished(recipe);

        assertThat(second.trace().events()).isEqualTo(first.trace().events());
        assertThat(second.processes()).isEqualTo(first.processes());
    }

    @Property(tries = 200, seed = "20261128")
    void aRecipeSentThroughJsonGivesTheSameTrace(@ForAll long shape) throws Exception {
        Recipe recipe = RandomRecipes.recipe(shape);

        Recipe travelled = JSON.readValue(JSON.writeValueAsString(recipe), Recipe.class);

        assertThat(travelled).isEqualTo(recipe);
        assertThat(finished(travelled).trace().events()).isEqualTo(finished(recipe).trace().events());
    }

    @Property(tries = 200, seed = "20261129")
    void faultsInjectedLiveReplayToTheSameTrace(@ForAll long shape, @ForAll @IntRange(min = 1, max = 4) int injections) {
        Recipe recipe = RandomRecipes.recipe(shape);
        SplittableRandom random = new SplittableRandom(shape ^ injections);
        Simulation live = Simulation.start(recipe, Protocols.registry());

        for (int i = 0; i < injections && !live.ended(); i++) {
            live.runUntilEvents(live.trace().size() + random.nextInt(60));
            if (!live.ended()) {
                live.inject(RandomRecipes.fault(random, live.nodeCount(), 0).atEvent(0));
            }
        }
        live.runToEnd();

        assertThat(finished(live.recipe()).trace().events()).isEqualTo(live.trace().events());
    }
}

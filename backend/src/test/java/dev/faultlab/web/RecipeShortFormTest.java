package dev.faultlab.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultlab.sim.Budgets;
import dev.faultlab.sim.Delay;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.Recipe;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecipeShortFormTest {
    private static final ObjectMapper JSON = Json.mapper();

    @Test
    void aDelayLeavesOutWhatItsKindImplies() throws Exception {
        assertThat(JSON.readValue("{\"kind\": \"constant\", \"min\": 3}", Delay.class)).isEqualTo(Delay.constant(3));
        assertThat(JSON.readValue("{\"kind\": \"constant\"}", Delay.class)).isEqualTo(Delay.constant(1));
        assertThat(JSON.readValue("{\"kind\": \"uniform\", \"min\": 2, \"max\": 6}", Delay.class)).isEqualTo(Delay.uniform(2, 6));
        assertThat(JSON.readValue("{\"kind\": \"exponential\", \"mean\": 4.5}", Delay.class)).isEqualTo(Delay.exponential(4.5));
    }

    @Test
    void anExponentialDelayStillNeedsItsMean() {
        assertThatThrownBy(() -> JSON.readValue("{\"kind\": \"exponential\"}", Delay.class))
                .isInstanceOf(JsonMappingException.class).hasMessageContaining("mean");
    }

    @Test
    void whatIsGivenIsKeptAsGiven() throws Exception {
        Delay odd = JSON.readValue("{\"kind\": \"uniform\", \"min\": 1, \"max\": 9, \"mean\": 2.0}", Delay.class);
        NetworkSpec lossy = JSON.readValue("{\"loss\": 0.5, \"duplication\": 0.1, \"fifo\": false}", NetworkSpec.class);

        assertThat(odd).isEqualTo(new Delay("uniform", 1, 9, 2.0));
        assertThat(lossy).isEqualTo(new NetworkSpec(Delay.constant(1), 0.5, 0.1, false));
    }

    @Test
    void aNetworkAndBudgetsMayGiveOnlyWhatDiffersFromTheDefaults() throws Exception {
        Recipe recipe = JSON.readValue("{\"protocol\": \"flooding\", \"seed\": 1, \"network\": {\"loss\": 0.25},"
                + " \"budgets\": {\"maxEvents\": 500}}", Recipe.class);

        assertThat(recipe.network()).isEqualTo(new NetworkSpec(Delay.constant(1), 0.25, 0, true));
        Budgets defaults = Budgets.defaults();
        assertThat(recipe.budgets()).isEqualTo(new Budgets(500, defaults.maxTime(), defaults.maxWallMillis(),
                defaults.maxNodes(), defaults.maxTraceBytes()));
    }

    @Test
    void unknownFieldsAreStillRefused() {
        assertThatThrownBy(() -> JSON.readValue("{\"maxEvents\": 5, \"maxEvnts\": 6}", Budgets.class))
                .isInstanceOf(JsonMappingException.class).hasMessageContaining("maxEvnts");
    }
}

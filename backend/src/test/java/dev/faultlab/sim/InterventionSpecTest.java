package dev.faultlab.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultlab.protocols.Protocols;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Each intervention kind is described once, as data, and checked against that description. */
class InterventionSpecTest {
    private static final Recipe FLOODING = Recipe.of("flooding", Map.of("n", 4, "f", 1), 1);

    private static List<String> problems(Fault fault) {
        RecipeException e = catchThrowableOfType(RecipeException.class,
                () -> Simulation.start(FLOODING.withFault(fault), Protocols.registry()));
        assertThat(e).as("should be refused: " + fault).isNotNull();
        return e.problems().stream().map(RecipeException.Problem::toString).toList();
    }

    @Test
    void everyKindHasASpecAndOnlyWholeNetworkKindsAndMessageActionsGoWithoutATarget() {
        assertThat(FaultKind.specs()).extracting(InterventionSpec::kind).containsExactly(FaultKind.values());
        assertThat(FaultKind.specs()).filteredOn(spec -> !spec.target()).extracting(InterventionSpec::kind)
                .containsExactly(FaultKind.PARTITION, FaultKind.HEAL, FaultKind.NETWORK, FaultKind.HOLD, FaultKind.RELEASE,
                        FaultKind.DELIVER, FaultKind.DROP, FaultKind.DUPLICATE);
        assertThat(FaultKind.NETWORK.spec().params()).extracting(InterventionParam::name)
                .containsExactly("loss", "duplication", "fifo", "delay");
    }

    /** The browser builds its forms from these: they read as they did before kinds became typed records. */
    @Test
    void theSpecsServedToTheBrowserAreUnchanged() throws IOException {
        String before = Files.readString(Path.of("src/test/resources/interventions/specs-before-typed-interventions.json"));
        assertThat(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(FaultKind.specs())).isEqualTo(before);
    }

    @Test
    void numbersTooLargeForARunAreRefusedWithTheirRange() {
        assertThat(problems(Fault.at(1, FaultKind.TIMING, 1, Map.of("extraDelay", 1e308, "duration", 1e19))))
                .containsExactly("faults[0].params.extraDelay: must be a whole number from 0 to 10000000, got 1.0E308",
                        "faults[0].params.duration: must be a whole number from 1 to 10000000, got 1.0E19");
        assertThat(problems(Fault.at(1, FaultKind.CRASH, 1, Map.of("afterSends", 1e19))))
                .containsExactly("faults[0].params.afterSends: must be a whole number from 0 to 1000000, got 1.0E19");
        assertThat(problems(Fault.network(1, FaultKind.NETWORK, Map.of("delay", Map.of("kind", "exponential", "mean", 1e308)))))
                .containsExactly("faults[0].params.delay.mean: must be from 1 to 10000000 ticks");
        assertThat(problems(Fault.at(1, FaultKind.TIMING, 1, Map.of("timerFactor", 1e6))))
                .containsExactly("faults[0].params.timerFactor: must be a number from 1 to 1000, got 1000000.0");
    }

    @Test
    void theSameRangesHoldForALiveInjection() {
        Simulation sim = Simulation.start(FLOODING, Protocols.registry());
        sim.step();

        assertThatThrownBy(() -> sim.inject(new Fault(null, null, FaultKind.TIMING, 1, Map.of("duration", 1e19, "extraDelay", 1))))
                .isInstanceOf(RecipeException.class)
                .hasMessage("fault.params.duration: must be a whole number from 1 to 10000000, got 1.0E19");
    }

    @Test
    void requiredParametersUnknownOnesAndCrossFieldRulesAreStillReported() {
        assertThat(problems(Fault.at(1, FaultKind.LINK_LOSS, 1, Map.of("to", 2))))
                .containsExactly("faults[0].params.probability: is required: loss probability");
        assertThat(problems(Fault.at(1, FaultKind.CRASH, 1, Map.of("afterSends", 1, "reaches", List.of(0)))))
                .containsExactly("faults[0].params: give afterSends or reaches, not both");
        assertThat(problems(Fault.at(1, FaultKind.RECOVER, 1, Map.of("soon", true))))
                .containsExactly("faults[0].params.soon: is not a parameter of RECOVER, which takes none");
        assertThat(problems(Fault.network(1, FaultKind.NETWORK, Map.of())))
                .containsExactly("faults[0].params: NETWORK needs at least one of loss, duplication, fifo, delay");
    }
}

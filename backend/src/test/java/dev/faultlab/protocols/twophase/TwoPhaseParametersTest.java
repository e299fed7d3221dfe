package dev.faultlab.protocols.twophase;

import dev.faultlab.sim.ParamSpec;
import dev.faultlab.sim.RecipeException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TwoPhaseParametersTest {

    @Test
    void parametersAreDescribedAsData() {
        assertThat(new TwoPhaseCommit().parameters()).extracting(ParamSpec::name).containsExactly(
                "participants", "coordinator", "votes", "abortProbability", "voteTimeout", "initTimeout",
                "decisionTimeout", "retryInterval", "maxRetries");
    }

    @Test
    void votesMustNameEveryParticipant() {
        assertThatThrownBy(() -> TwoPhaseRuns.start(Map.of("participants", 3, "votes", List.of("commit"))))
                .isInstanceOf(RecipeException.class)
                .hasMessage("params.votes: must give one vote per participant (3), got 1");
    }

    @Test
    void votesAreCommitOrAbort() {
        assertThatThrownBy(() -> TwoPhaseRuns.start(Map.of("participants", 2, "votes", List.of("commit", "maybe"))))
                .isInstanceOf(RecipeException.class)
                .hasMessage("params.votes: element 1 must be \"commit\" or \"abort\", got maybe");
    }

    @Test
    void votesAndAbortProbabilityExcludeEachOther() {
        assertThatThrownBy(() -> TwoPhaseRuns.start(Map.of("participants", 2, "votes", List.of("commit", "abort"),
                "abortProbability", 0.5)))
                .isInstanceOf(RecipeException.class)
                .hasMessageStartingWith("params.abortProbability");
    }

    @Test
    void theCoordinatorMustBeOneOfTheProcesses() {
        assertThatThrownBy(() -> TwoPhaseRuns.start(Map.of("participants", 3, "coordinator", 4)))
                .isInstanceOf(RecipeException.class)
                .hasMessage("params.coordinator: must be a process id from 0 to 3 (there are 4 processes), got 4");
    }
}

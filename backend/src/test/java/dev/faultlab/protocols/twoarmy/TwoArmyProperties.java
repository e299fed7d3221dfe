package dev.faultlab.protocols.twoarmy;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Delay;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The impossibility, over many protocol lengths, seeds and network delays: with no messenger lost both generals
 * attack, yet for every k some lost messenger (the last) makes them disagree, and the monitor names the violation.
 */
class TwoArmyProperties {
    private static final ProtocolRegistry REGISTRY = Protocols.registry();

    private static Recipe recipe(int k, long seed, int maxDelay) {
        return new Recipe(TwoArmy.ID, Map.of("k", k), seed, List.of(),
                new NetworkSpec(Delay.uniform(1, maxDelay), 0, 0, true, List.of()), null);
    }

    @Property(tries = 60)
    void withNoMessengerLostBothGeneralsAttack(@ForAll @IntRange(min = 1, max = TwoArmy.MAX_MESSAGES) int k,
                                               @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                               @ForAll @IntRange(min = 1, max = 9) int maxDelay) {
        Simulation run = TwoArmyRuns.played(REGISTRY, recipe(k, seed, maxDelay));

        assertThat(TwoArmyRuns.outcome(run)).isEqualTo(TwoArmyRuns.Outcome.BOTH_ATTACK);
        assertThat(TwoArmyRuns.broken(run)).isEmpty();
    }

    @Property(tries = 40)
    void forEveryLengthSomeLostMessengerMakesOneGeneralAttackAlone(@ForAll @IntRange(min = 1, max = TwoArmy.MAX_MESSAGES) int k,
                                                                   @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                                   @ForAll @IntRange(min = 1, max = 9) int maxDelay) {
        Recipe scenario = recipe(k, seed, maxDelay);
        Simulation found = TwoArmyRuns.played(REGISTRY, TwoArmyRuns.breaking(REGISTRY, scenario).orElseThrow().recipe());

        assertThat(TwoArmyRuns.firstLost(found)).isEqualTo(k);
        assertThat(TwoArmyRuns.outcome(found).disagree()).isTrue();
        assertThat(TwoArmyRuns.broken(found).orElseThrow().violation().explanation()).contains("attacks alone");
    }

    @Property(tries = 40)
    void aLostMessengerBeforeTheLastLeavesBothRetreating(@ForAll @IntRange(min = 2, max = TwoArmy.MAX_MESSAGES) int k,
                                                        @ForAll @IntRange(min = 1, max = TwoArmy.MAX_MESSAGES - 1) int lost,
                                                        @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        int caught = 1 + (lost - 1) % (k - 1);
        Simulation run = TwoArmyRuns.losing(REGISTRY, recipe(k, seed, 5), caught);

        assertThat(TwoArmyRuns.outcome(run)).isEqualTo(TwoArmyRuns.Outcome.NEITHER_ATTACKS);
    }
}

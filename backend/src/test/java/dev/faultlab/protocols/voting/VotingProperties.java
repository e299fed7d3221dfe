package dev.faultlab.protocols.voting;

import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.Simulation;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.faultlab.protocols.voting.VotingTest.recipe;
import static dev.faultlab.protocols.voting.VotingTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inside the model (at most k faulty replicas of the kind the group is sized for, with the group that size or
 * larger) the client accepts the correct result and correct Byzantine-model replicas agree on it; with k+1 value
 * faults in a group of 2k+1 the monitor names the wrong result the client accepted.
 */
class VotingProperties {

    @Property(tries = 60)
    void aGroupSizedForKFaultsMasksAnyKFaultsOfItsKind(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                       @ForAll @IntRange(min = 0, max = 2) int kind,
                                                       @ForAll @IntRange(min = 1, max = 2) int k,
                                                       @ForAll @IntRange(min = 0, max = 2) int spare,
                                                       @ForAll @IntRange(min = 0, max = 100) int input) {
        SplittableRandom random = new SplittableRandom(seed);
        Model model = Model.values()[kind];
        int n = switch (model) {
            case FAIL_SILENT -> k + 1;
            case VALUE -> 2 * k + 1;
            case BYZANTINE -> 3 * k + 1;
        } + (model == Model.BYZANTINE ? 0 : spare);
        List<Fault> faults = new ArrayList<>();
        for (int replica : faultyReplicas(random, n, random.nextInt(k + 1))) {
            faults.add(model == Model.FAIL_SILENT ? Fault.at(0, FaultKind.CRASH, replica)
                    : Fault.at(0, FaultKind.BYZANTINE, replica, Map.of("behaviour", random.nextBoolean() ? "wrong-value" : "two-faced-answers")));
        }
        String voter = random.nextBoolean() ? "client" : "separate";

        Simulation sim = run(recipe(n, model.id(), k, voter, input, faults));

        for (var property : sim.properties()) {
            Monitor.Violation broken = property.now().violation();
            assertThat(broken).as(() -> broken.explanation() + "\n" + sim.recipe()).isNull();
        }
        assertThat(sim.decisions().get(sim.roles().indexOf("client"))).isEqualTo(input * input);
    }

    @Property(tries = 30)
    void kPlusOneColludingValueFaultsDefeatAGroupOfTwoKPlusOne(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                              @ForAll @IntRange(min = 1, max = 3) int k,
                                                              @ForAll @IntRange(min = 0, max = 100) int input) {
        int n = 2 * k + 1;
        List<Fault> faults = new ArrayList<>();
        for (int replica : faultyReplicas(new SplittableRandom(seed), n, k + 1)) {
            faults.add(Fault.at(0, FaultKind.BYZANTINE, replica, Map.of("behaviour", "wrong-value")));
        }

        Simulation sim = run(recipe(n, "value", k, "client", input, faults));

        Monitor.Violation broken = VotingTest.violation(sim, VoterOutputCorrect.NAME);
        assertThat(broken).as(() -> sim.recipe().toString()).isNotNull();
        assertThat(broken.explanation()).isEqualTo("P" + (n + 1) + " accepted " + (input * input + 1) + " but the correct result is " + input * input);
    }

    private static List<Integer> faultyReplicas(SplittableRandom random, int n, int count) {
        List<Integer> replicas = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            replicas.add(i);
        }
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chosen.add(replicas.remove(random.nextInt(replicas.size())));
        }
        return chosen;
    }
}

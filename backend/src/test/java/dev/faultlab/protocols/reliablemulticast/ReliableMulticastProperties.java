package dev.faultlab.protocols.reliablemulticast;

import dev.faultlab.check.Verdict;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.faultlab.protocols.reliablemulticast.MulticastRuns.delivered;
import static dev.faultlab.protocols.reliablemulticast.MulticastRuns.dump;
import static dev.faultlab.protocols.reliablemulticast.MulticastRuns.params;
import static dev.faultlab.protocols.reliablemulticast.MulticastRuns.recipe;
import static dev.faultlab.protocols.reliablemulticast.MulticastRuns.run;
import static dev.faultlab.protocols.reliablemulticast.MulticastRuns.verdict;
import static dev.faultlab.protocols.reliablemulticast.MulticastRuns.verdicts;
import static org.assertj.core.api.Assertions.assertThat;

class ReliableMulticastProperties {
    private static final int INTERVAL = 2;

    /**
     * Inside the model: with re-multicast, any feedback scheme, a lossy network, the sender crashing at any moment
     * part-way through a multicast and another member crashing too, every monitor holds.
     */
    @Property(tries = 60)
    void allOrNothingHoldsUnderASenderCrashAndLosses(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                     @ForAll @IntRange(min = 0, max = 4) int variant,
                                                     @ForAll @IntRange(min = 3, max = 7) int n,
                                                     @ForAll @DoubleRange(min = 0, max = 0.25) double loss,
                                                     @ForAll @IntRange(min = 0, max = 12) int crashAt,
                                                     @ForAll @IntRange(min = 0, max = 6) int afterSends,
                                                     @ForAll @IntRange(min = 0, max = 30) int otherCrashAt) {
        String scheme = Variant.values()[variant].id();
        int senders = scheme.equals("hierarchy") ? 1 : 2;
        List<Fault> faults = List.of(
                Fault.at(crashAt, FaultKind.CRASH, 0, Map.of("afterSends", Math.min(afterSends, n - 1))),
                Fault.at(otherCrashAt, FaultKind.CRASH, n - 1));
        Recipe recipe = recipe(params("n", n, "senders", senders, "variant", scheme, "remulticast", true, "runFor", 400),
                seed, faults, loss);
        Simulation sim = run(recipe);

        for (Verdict verdict : verdicts(sim)) {
            assertThat(verdict.holds()).as(() -> verdict.explanation() + "\n" + dump(sim)).isTrue();
        }
    }

    /**
     * Outside it: without re-multicast, a sender that crashes while multicasting message k, after reaching only the
     * first few receivers, leaves the others without it, and the monitor names exactly those.
     */
    @Property(tries = 40)
    void withoutReMulticastTheMonitorNamesTheReceiversThatMissedTheMessage(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 0, max = 3) int variant,
            @ForAll @IntRange(min = 4, max = 8) int n,
            @ForAll @IntRange(min = 1, max = 4) int k,
            @ForAll @IntRange(min = 1, max = 6) int reached) {
        String scheme = List.of("ack", "nack", "suppression", "piggyback").get(variant);
        int afterSends = Math.min(reached, n - 2);
        Fault crash = Fault.at((long) k * INTERVAL, FaultKind.CRASH, 0, Map.of("afterSends", afterSends));
        Simulation sim = run(recipe(params("n", n, "variant", scheme, "runFor", 200), seed, List.of(crash), 0));

        String message = "m" + k;
        List<String> missed = new ArrayList<>();
        for (int receiver = 1; receiver < n; receiver++) {
            if (!delivered(sim, receiver).contains(message)) {
                missed.add(ProcessLabel.of(receiver));
            }
        }
        assertThat(missed).as(() -> dump(sim)).hasSize(n - 1 - afterSends);
        Verdict atomic = verdict(sim, AllOrNothing.NAME);
        assertThat(atomic.holds()).isFalse();
        assertThat(atomic.explanation()).isEqualTo("P2 delivered " + message + " but " + String.join(", ", missed)
                + (missed.size() == 1 ? ", a correct member, never did" : ", correct members, never did"));
        assertThat(verdict(sim, NoDuplicates.NAME).holds()).isTrue();
        assertThat(verdict(sim, FifoPerSender.NAME).holds()).isTrue();
    }
}

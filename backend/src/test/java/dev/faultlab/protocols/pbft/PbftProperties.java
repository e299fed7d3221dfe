package dev.faultlab.protocols.pbft;

import dev.faultlab.check.Verdict;
import dev.faultlab.sim.Delay;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.Recipe;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.faultlab.protocols.pbft.PbftRuns.dump;
import static dev.faultlab.protocols.pbft.PbftRuns.params;
import static dev.faultlab.protocols.pbft.PbftRuns.recipe;
import static dev.faultlab.protocols.pbft.PbftRuns.watch;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inside the fault model (n = 3k + 1, at most k replicas Byzantine or crashed, at any time, with any behaviour of
 * the catalog, messages delayed and reordered at random) every PBFT monitor holds; outside it (n = 3k, or k + 1
 * traitors) the monitors find the violation and name it.
 */
class PbftProperties {
    private static final List<String> BEHAVIOURS = List.of(Equivocate.NAME, Behaviours.WRONG_PREPARES, Behaviours.SILENT,
            Behaviours.REPLAY, Behaviours.WRONG_REPLIES, "crash");

    /** Up to k replicas turn faulty at random times with random behaviours; delays from 1 to 4 ticks, not FIFO. */
    static Recipe withinTheModel(long seed, int k, int faulty) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 3 * k + 1;
        List<Integer> ids = new ArrayList<>();
        for (int id = 0; id < n; id++) {
            ids.add(id);
        }
        List<Fault> faults = new ArrayList<>();
        for (int i = 0; i < Math.min(faulty, k); i++) {
            int node = ids.remove(random.nextInt(ids.size()));
            long at = random.nextInt(4) == 0 ? 0 : random.nextInt(300);
            String behaviour = BEHAVIOURS.get(random.nextInt(BEHAVIOURS.size()));
            faults.add(behaviour.equals("crash") ? new Fault(at, null, FaultKind.CRASH, node, Map.of())
                    : new Fault(at, null, FaultKind.BYZANTINE, node, Map.of("behaviour", behaviour)));
        }
        NetworkSpec network = new NetworkSpec(Delay.uniform(1, 4), 0, 0, false, List.of());
        return recipe(params("k", k, "requests", 4, "runFor", 3000), seed, faults).withNetwork(network);
    }

    @Property(tries = 60)
    void withAtMostKFaultyReplicasEveryMonitorHolds(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                   @ForAll @IntRange(min = 1, max = 2) int k,
                                                   @ForAll @IntRange(min = 0, max = 2) int faulty) {
        Recipe recipe = withinTheModel(seed, k, faulty);
        PbftMonitors.Watched watched = watch(recipe);
        for (Verdict verdict : watched.verdicts()) {
            assertThat(verdict.holds()).as(() -> verdict.explanation() + "\n" + recipe + "\n" + dump(watched.run())).isTrue();
        }
        assertThat(PbftRuns.accepted(watched.run())).as(() -> recipe + "\n" + dump(watched.run())).hasSize(4);
    }

    @Property(tries = 20)
    void withNEqualTo3kAPrimaryAndKMinusOneColludersMakeCorrectReplicasExecuteDifferentOperations(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed, @ForAll @IntRange(min = 1, max = 3) int k) {
        // Traitors P1..Pk; the 2k correct replicas split in two halves of k, the higher half told "none".
        int n = 3 * k;
        List<Integer> others = new ArrayList<>();
        for (int id = 2 * k; id < n; id++) {
            others.add(id);
        }
        List<Fault> faults = new ArrayList<>();
        for (int traitor = 0; traitor < k; traitor++) {
            faults.add(new Fault(0L, null, FaultKind.BYZANTINE, traitor, Map.of("behaviour", Equivocate.NAME, "others", others)));
        }
        Recipe recipe = recipe(params("k", k, "n", n, "requests", 1), seed, faults);
        PbftMonitors.Watched watched = watch(recipe);
        Verdict same = watched.of(SameOperation.NAME);
        assertThat(same.holds()).as(() -> recipe + "\n" + dump(watched.run())).isFalse();
        assertThat(same.explanation()).matches("P\\d+ executed \\S+ at t=1 but P\\d+ executed none");
    }

    @Property(tries = 20)
    void kPlusOneTraitorsAnsweringFirstMakeAClientAcceptAResultNoCorrectReplicaProduced(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed, @ForAll @IntRange(min = 1, max = 3) int k) {
        List<Fault> faults = new ArrayList<>();
        for (int traitor = 0; traitor <= k; traitor++) {
            faults.add(PbftRuns.byzantine(traitor, Behaviours.WRONG_REPLIES));
        }
        Recipe recipe = recipe(params("k", k, "requests", 2), seed, faults);
        PbftMonitors.Watched watched = watch(recipe);
        Verdict trusted = watched.of(TrustedResults.NAME);
        assertThat(trusted.holds()).as(() -> recipe + "\n" + dump(watched.run())).isFalse();
        assertThat(trusted.explanation()).contains("(forged)").contains("but only 0 correct replica(s) produced it; k+1=" + (k + 1));
        assertThat(watched.of(SameOperation.NAME).holds()).isTrue();
    }
}

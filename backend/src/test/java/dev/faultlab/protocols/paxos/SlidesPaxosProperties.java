package dev.faultlab.protocols.paxos;

import dev.faultlab.check.Verdict;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Recipe;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static dev.faultlab.protocols.paxos.PaxosRuns.dump;
import static dev.faultlab.protocols.paxos.PaxosRuns.params;
import static dev.faultlab.protocols.paxos.PaxosRuns.watch;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slides' construction over random seeds and fault plans: with leader ids and the majority wait, no fault of
 * the model (crashes, omissions, timing faults, partitions, a lossy network) makes two servers execute different
 * operations at a timestamp; with leader ids switched off, false suspicions do, and the monitors name it.
 */
class SlidesPaxosProperties {

    static Recipe scheduled(long seed, int faults, boolean lossy, boolean leaderIds) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = random.nextBoolean() ? 3 : 5;
        Recipe recipe = Recipe.of(SlidesPaxos.ID, params("n", n, "clients", 1 + random.nextInt(3), "requests", 2 + random.nextInt(5),
                "runFor", 1200, "leaderIds", leaderIds), seed).withFaults(PaxosFaultPlans.plan(random, n, faults, 600));
        return lossy ? recipe.withNetwork(PaxosFaultPlans.lossy(random)) : recipe;
    }

    @Property(tries = 150)
    void noFaultOfTheModelBreaksTheOrder(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                         @ForAll @IntRange(min = 0, max = 6) int faults, @ForAll boolean lossy) {
        Recipe recipe = scheduled(seed, faults, lossy, true);
        PaxosMonitors.Watched watched = watch(recipe);

        Statistics.label("takeovers").collect(PaxosRuns.sent(watched.run(), "TAKEOVER") > 0);
        for (Verdict verdict : watched.safety()) {
            assertThat(verdict.holds()).as(() -> verdict.explanation() + "\n" + recipe + "\n" + dump(watched.run())).isTrue();
        }
    }

    /** The leader's messages slowed at a random moment by a random delay: the false suspicion of the slides. */
    private static Recipe slowLeader(long seed, boolean leaderIds) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Fault> faults = new ArrayList<>();
        faults.add(Fault.at(random.nextInt(100), FaultKind.TIMING, 0, Map.of("extraDelay", 40 + random.nextInt(200))));
        for (int r = 0; r < 4; r++) {
            faults.add(PaxosRuns.request(random.nextInt(200), 3 + random.nextInt(2), "o" + (r + 1)));
        }
        return Recipe.of(SlidesPaxos.ID, params("clients", 2, "requests", 0, "clientTimeout", 100 + random.nextInt(200), "runFor", 800,
                "leaderIds", leaderIds), seed).withFaults(faults);
    }

    @Example
    void withoutLeaderIdsASlowLeaderMakesServersExecuteDifferentOperationsAndTheMonitorsSaySo() {
        Optional<Long> found = LongStream.rangeClosed(1, 200).boxed()
                .filter(seed -> !executedTheSame(watch(slowLeader(seed, false)))).findFirst();

        assertThat(found).as("a slow leader breaks the order without leader ids").isPresent();
        PaxosMonitors.Watched broken = watch(slowLeader(found.get(), false));
        assertThat(broken.safety()).filteredOn(v -> !v.holds()).extracting(Verdict::property)
                .contains(SameOpPerTimestamp.NAME, ChosenOnce.NAME, PrefixOrder.NAME);
        PaxosMonitors.Watched fixed = watch(slowLeader(found.get(), true));
        assertThat(fixed.safety()).as(() -> dump(fixed.run())).allMatch(Verdict::holds);
    }

    private static boolean executedTheSame(PaxosMonitors.Watched watched) {
        return watched.safety().stream().filter(v -> v.property().equals(SameOpPerTimestamp.NAME)).allMatch(Verdict::holds);
    }

    @Property(tries = 60)
    void withLeaderIdsNoSlowLeaderBreaksTheOrder(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        PaxosMonitors.Watched watched = watch(slowLeader(seed, true));

        assertThat(watched.safety()).as(() -> dump(watched.run())).allMatch(Verdict::holds);
    }

    /** Two clients with drawn requests, and S1 crashing at a random moment right after its next message. */
    private static Recipe leaderCrash(long seed, boolean majorityWait) {
        SplittableRandom random = new SplittableRandom(seed);
        return Recipe.of(SlidesPaxos.ID, params("clients", 2, "requests", 5, "runFor", 800, "majorityWait", majorityWait), seed)
                .withFaults(List.of(Fault.at(random.nextInt(150), FaultKind.CRASH, 0, Map.of("afterSends", 1))));
    }

    @Example
    void withoutTheMajorityWaitALeaderThatCrashesRightAfterExecutingBreaksTheOrder() {
        Optional<Long> found = LongStream.rangeClosed(1, 200).boxed()
                .filter(seed -> !executedTheSame(watch(leaderCrash(seed, false)))).findFirst();

        assertThat(found).as("a crash between executing and sending the ACCEPTs").isPresent();
        PaxosMonitors.Watched fixed = watch(leaderCrash(found.get(), true));
        assertThat(fixed.safety()).as(() -> dump(fixed.run())).allMatch(Verdict::holds);
    }
}

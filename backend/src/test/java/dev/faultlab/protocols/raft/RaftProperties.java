package dev.faultlab.protocols.raft;

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
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.faultlab.protocols.raft.RaftRuns.dump;
import static dev.faultlab.protocols.raft.RaftRuns.params;
import static dev.faultlab.protocols.raft.RaftRuns.recipe;
import static dev.faultlab.protocols.raft.RaftRuns.watch;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raft's safety properties over random seeds and random fault schedules within its model (crashes and
 * recoveries of servers, partitions and heals, cut links, lost, duplicated, delayed and reordered messages),
 * and a leader soon after the last fault once the network is reliable again.
 */
class RaftProperties {

    @Property(tries = 100)
    void everySafetyPropertyHoldsUnderAnyFaultSchedule(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                       @ForAll @IntRange(min = 0, max = 6) int faults,
                                                       @ForAll boolean lossy) {
        Recipe recipe = scheduled(seed, faults, 800, lossy);
        RaftMonitors.Watched watched = watch(recipe);

        Statistics.label("leader changes").collect(watched.run().trace().events().stream()
                .filter(e -> String.valueOf(e.payload()).startsWith("leader of term")).count() > 1);
        for (Verdict verdict : watched.safety()) {
            assertThat(verdict.holds()).as(() -> verdict.explanation() + "\n" + recipe + "\n" + dump(watched.run())).isTrue();
        }
    }

    @Property(tries = 60)
    void aLeaderIsElectedSoonAfterTheLastFaultOnceTheNetworkIsReliable(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                                     @ForAll @IntRange(min = 0, max = 6) int faults) {
        Recipe recipe = scheduled(seed, faults, 600, false).withNetwork(new NetworkSpec(Delay.uniform(1, 5), 0, 0, false));
        // Healed at 700: the bound (10 longest timeouts, 600 ticks) ends before the servers stop at 1400.
        Recipe healing = recipe.withFaults(healed(recipe.faults(), 700));
        RaftMonitors.Watched watched = watch(healing);

        assertThat(watched.liveness().holds()).as(() -> watched.liveness().explanation() + "\n" + healing).isTrue();
        assertThat(watched.safety()).allMatch(Verdict::holds);
    }

    /** A random cluster and fault plan, all faults before {@code horizon}: crashes (some recovered), partitions, cut links. */
    static Recipe scheduled(long seed, int faults, int horizon, boolean lossy) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = random.nextBoolean() ? 3 : 5;
        int clients = 1 + random.nextInt(2);
        Recipe recipe = recipe(params("n", n, "clients", clients, "requests", 2 + random.nextInt(4), "runFor", horizon + 800), seed,
                plan(random, n, faults, horizon));
        if (lossy) {
            recipe = recipe.withNetwork(new NetworkSpec(Delay.uniform(1, 1 + random.nextInt(10)), random.nextDouble() * 0.3,
                    random.nextDouble() * 0.1, false));
        }
        return recipe;
    }

    private static List<Fault> plan(SplittableRandom random, int n, int faults, int horizon) {
        List<Fault> plan = new ArrayList<>();
        for (int i = 0; i < faults; i++) {
            long at = random.nextInt(horizon);
            int server = random.nextInt(n);
            switch (random.nextInt(3)) {
                case 0 -> {
                    plan.add(Fault.at(at, FaultKind.CRASH, server));
                    if (random.nextInt(4) > 0) {
                        plan.add(Fault.at(at + 1 + random.nextInt(300), FaultKind.RECOVER, server));
                    }
                }
                case 1 -> {
                    List<Integer> group = new ArrayList<>();
                    for (int s = 0; s < n; s++) {
                        if (random.nextBoolean()) {
                            group.add(s);
                        }
                    }
                    plan.add(Fault.network(at, FaultKind.PARTITION, Map.of("groups", List.of(group))));
                    plan.add(Fault.network(at + 1 + random.nextInt(400), FaultKind.HEAL, Map.of()));
                }
                default -> {
                    int other = (server + 1 + random.nextInt(n - 1)) % n;
                    plan.add(Fault.at(at, FaultKind.LINK_DOWN, server, Map.of("to", other)));
                    plan.add(Fault.at(at + 1 + random.nextInt(400), FaultKind.LINK_UP, server, Map.of("to", other)));
                }
            }
        }
        plan.sort(java.util.Comparator.comparingLong(Fault::at));
        return plan;
    }

    /** The plan, then at {@code at} every server recovers, every link comes up and the partition heals. */
    private static List<Fault> healed(List<Fault> plan, long at) {
        List<Fault> all = new ArrayList<>(plan);
        for (Fault fault : plan) {
            if (fault.kind() == FaultKind.CRASH) {
                all.add(Fault.at(at, FaultKind.RECOVER, fault.target()));
            } else if (fault.kind() == FaultKind.LINK_DOWN) {
                all.add(Fault.at(at, FaultKind.LINK_UP, fault.target(), fault.params()));
            }
        }
        all.add(Fault.network(at, FaultKind.HEAL, Map.of()));
        return all;
    }
}

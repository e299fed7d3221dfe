package dev.faultlab.protocols.cap;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Delay;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CAP over random workloads, delays and partition schedules: consistency mode never serves a stale read, availability
 * mode answers every request; and each gives up the other property: a partition makes availability mode serve a
 * stale read and consistency mode refuse a request, each named by its monitor.
 */
class CapProperties {
    private static final ProtocolRegistry REGISTRY = Protocols.registry();

    /** Random reads and writes (distinct values) at random replicas, and partitions and heals at random times. */
    static Recipe schedule(Mode mode, int n, long seed, int maxDelay, int partitions) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Fault> faults = new ArrayList<>();
        int requests = 1 + random.nextInt(8);
        for (int i = 0; i < requests; i++) {
            String command = random.nextBoolean() ? "read" : "write " + (i + 1);
            faults.add(Fault.at(random.nextInt(150), FaultKind.REQUEST, random.nextInt(n), Map.of("command", command)));
        }
        for (int i = 0; i < partitions; i++) {
            List<List<Integer>> groups = new ArrayList<>();
            List<Integer> cut = new ArrayList<>();
            for (int node = 0; node < n; node++) {
                if (random.nextBoolean()) {
                    cut.add(node);
                }
            }
            if (cut.isEmpty() || cut.size() == n) {
                cut = List.of(random.nextInt(n));
            }
            groups.add(cut);
            faults.add(Fault.network(random.nextInt(150), FaultKind.PARTITION, Map.of("groups", groups)));
            if (random.nextBoolean()) {
                faults.add(Fault.network(random.nextInt(200), FaultKind.HEAL, Map.of()));
            }
        }
        return new Recipe(Cap.ID, Map.of("n", n, "mode", mode.id()), seed, faults,
                new NetworkSpec(Delay.uniform(1, maxDelay), 0, 0, true, List.of()), null);
    }

    @Property(tries = 150)
    void consistencyModeNeverServesAStaleReadUnderAnyPartitionSchedule(@ForAll @IntRange(min = 2, max = 5) int n,
                                                                       @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                                       @ForAll @IntRange(min = 1, max = 8) int maxDelay,
                                                                       @ForAll @IntRange(min = 0, max = 3) int partitions) {
        Recipe recipe = schedule(Mode.CONSISTENCY, n, seed, maxDelay, partitions);
        Simulation run = CapRuns.played(REGISTRY, recipe);

        assertThat(CapRuns.violation(run, Linearizable.NAME)).as(recipe::toString).isEmpty();
    }

    @Property(tries = 150)
    void availabilityModeAnswersEveryRequestUnderAnyPartitionSchedule(@ForAll @IntRange(min = 2, max = 5) int n,
                                                                      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                                      @ForAll @IntRange(min = 1, max = 8) int maxDelay,
                                                                      @ForAll @IntRange(min = 0, max = 3) int partitions) {
        Recipe recipe = schedule(Mode.AVAILABILITY, n, seed, maxDelay, partitions);
        Simulation run = CapRuns.played(REGISTRY, recipe);

        assertThat(CapRuns.violation(run, Available.NAME)).as(recipe::toString).isEmpty();
    }

    @Property(tries = 30)
    void aPartitionMakesAvailabilityModeServeAStaleReadThatItsMonitorNames(@ForAll @IntRange(min = 2, max = 5) int n,
                                                                           @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                                           @ForAll @IntRange(min = 1, max = 100) int value) {
        Recipe scenario = new Recipe(Cap.ID, Map.of("n", n, "mode", "availability"), seed, List.of(
                Fault.at(20, FaultKind.REQUEST, 0, Map.of("command", "write " + value)),
                Fault.at(40, FaultKind.REQUEST, n - 1, Map.of("command", "read"))), null, null);
        Recipe found = CapRuns.staleRead(REGISTRY, scenario, 40).orElseThrow().recipe();
        Optional<Monitor.Violation> stale = CapRuns.violation(CapRuns.played(REGISTRY, found), Linearizable.NAME);

        assertThat(stale).isPresent();
        assertThat(stale.get().explanation()).startsWith("stale read: P" + n + " answered read (request 2 at P" + n + ") with 0");
        assertThat(CapRuns.violation(CapRuns.played(REGISTRY, CapRuns.inMode(found, Mode.CONSISTENCY)), Linearizable.NAME)).isEmpty();
    }

    @Property(tries = 30)
    void aReplicaCutOffFromTheMajorityRefusesInConsistencyMode(@ForAll @IntRange(min = 2, max = 7) int n,
                                                              @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                              @ForAll @IntRange(min = 0, max = 6) int node) {
        int isolated = node % n;
        Recipe recipe = new Recipe(Cap.ID, Map.of("n", n, "mode", "consistency"), seed, List.of(CapRuns.isolating(isolated, 5),
                Fault.at(20, FaultKind.REQUEST, isolated, Map.of("command", "read"))), null, null);
        Simulation run = CapRuns.played(REGISTRY, recipe);

        assertThat(CapRuns.answer(run, 1)).isEqualTo(CapRuns.Answer.REFUSED);
        assertThat(CapRuns.violation(run, Available.NAME).orElseThrow().explanation()).contains("refused read (request 1");
    }
}

package dev.faultlab.protocols.primarybackup;

import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.faultlab.protocols.primarybackup.PbRuns.dump;
import static dev.faultlab.protocols.primarybackup.PbRuns.params;
import static dev.faultlab.protocols.primarybackup.PbRuns.recipe;
import static dev.faultlab.protocols.primarybackup.PbRuns.run;
import static dev.faultlab.protocols.primarybackup.PbRuns.violation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inside the model (crashes of at most f servers, reliable FIFO channels within the delay bound, a timeout of at
 * least the heartbeat period plus the bound, deterministic operations for active replication) no acknowledged
 * update is lost and clients see one history. Outside it, a link that loses messages makes the monitor name an
 * acknowledged update a primary lacks.
 */
class PrimaryBackupProperties {
    private static final List<String> DETERMINISTIC = List.of("set 1", "add 2", "add 5", "set 7", "add 1", "add 3");
    private static final List<String> WITH_RANDOM = List.of("set 1", "random", "add 2", "random", "add 1", "add 3");

    @Property(tries = 80)
    void insideTheModelNoAcknowledgedUpdateIsLostAndClientsSeeOneHistory(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                                          @ForAll @IntRange(min = 1, max = 3) int backups,
                                                                          @ForAll @IntRange(min = 0, max = 2) int mode,
                                                                          @ForAll @IntRange(min = 1, max = 6) int delta,
                                                                          @ForAll @IntRange(min = 0, max = 3) int crashes) {
        SplittableRandom random = new SplittableRandom(seed);
        int heartbeat = delta + random.nextInt(10);
        int timeout = heartbeat + delta + random.nextInt(8);
        Mode chosen = Mode.values()[mode];
        List<String> workload = chosen == Mode.ACTIVE ? DETERMINISTIC : WITH_RANDOM;
        List<Fault> faults = new ArrayList<>();
        List<Integer> victims = new ArrayList<>();
        for (int server = 0; server <= backups; server++) {
            victims.add(server);
        }
        for (int i = 0; i < Math.min(crashes, backups); i++) {
            int victim = victims.remove(random.nextInt(victims.size()));
            faults.add(Fault.at(random.nextInt(250), FaultKind.CRASH, victim, Map.of()));
        }
        Recipe recipe = recipe(params("backups", backups, "clients", 1 + random.nextInt(2), "mode", chosen.id(), "delta", delta,
                "heartbeat", heartbeat, "timeout", timeout, "workload", workload, "runFor", 500), seed, delta, faults);

        Simulation sim = run(recipe);

        for (var property : sim.properties()) {
            Monitor.Violation broken = property.now().violation();
            assertThat(broken).as(() -> broken.explanation() + "\n" + dump(sim)).isNull();
        }
    }

    @Property(tries = 40)
    void aLinkFromThePrimaryThatLosesEveryMessageLosesAnAcknowledgedUpdate(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                                           @ForAll @IntRange(min = 1, max = 6) int delta,
                                                                           @ForAll @IntRange(min = 0, max = 100) int lossFrom) {
        Recipe recipe = recipe(params("mode", "passive", "delta", delta, "heartbeat", 10, "timeout", 10 + delta,
                        "workload", List.of("set 1", "add 2", "add 3", "add 4", "add 5", "add 6", "add 7", "add 8"), "runFor", 500), seed, delta,
                List.of(Fault.at(lossFrom, FaultKind.LINK_LOSS, 0, Map.of("to", 1, "probability", 1.0))));

        Simulation sim = run(recipe);

        Monitor.Violation lost = violation(sim, AcknowledgedUpdatesKept.NAME);
        assertThat(lost).as(() -> dump(sim)).isNotNull();
        assertThat(lost.explanation()).contains("P1 answered P3's request").contains("P2 acts as primary without it");
    }
}

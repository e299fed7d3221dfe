package dev.faultlab.protocols.checkpointing;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Delay;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.MonitorSource;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.ProcessStatus;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.faultlab.protocols.checkpointing.CkptRuns.cuts;
import static dev.faultlab.protocols.checkpointing.CkptRuns.dump;
import static dev.faultlab.protocols.checkpointing.CkptRuns.params;
import static dev.faultlab.protocols.checkpointing.CkptRuns.violation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inside the model (crash-recovery, one failure at a time: a process crashes and recovers, and the next crash comes
 * after that recovery is over) the recovery line is always a consistent cut, coordinated rounds are consistent
 * cuts, and only independent checkpointing rolls back past the latest complete round (the domino effect). With the
 * unsafe switch the monitor names an orphan exactly when the latest checkpoints are not consistent.
 */
class CheckpointingProperties {
    private static final NetworkSpec SLOW = new NetworkSpec(Delay.uniform(1, 4), 0, 0, true, List.of());

    private static Simulation run(Map<String, Object> params, long seed, List<Fault> faults) {
        Simulation sim = Simulation.start(Recipe.of(Checkpointing.ID, params, seed).withFaults(faults).withNetwork(SLOW),
                Protocols.registry(), MonitorSource.PROTOCOL);
        sim.runToEnd();
        return sim;
    }

    /** Crashes spaced so that each recovery is over before the next crash: 1 to {@code crashes} of them. */
    private static List<Fault> oneAtATime(SplittableRandom random, int n, int crashes) {
        List<Fault> faults = new ArrayList<>();
        long at = 5 + random.nextInt(30);
        for (int i = 0; i < crashes; i++) {
            int victim = random.nextInt(n);
            long back = at + 1 + random.nextInt(20);
            faults.add(Fault.at(at, FaultKind.CRASH, victim));
            faults.add(Fault.at(back, FaultKind.RECOVER, victim));
            at = back + 40 + random.nextInt(40);
        }
        return faults;
    }

    @Property(tries = 120)
    void theRecoveryLineIsAlwaysConsistent(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                           @ForAll @IntRange(min = 2, max = 4) int n,
                                           @ForAll @IntRange(min = 0, max = 2) int method,
                                           @ForAll @IntRange(min = 1, max = 3) int crashes) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Object> params = params("n", n, "method", method == 0 ? "independent" : "coordinated", "steps", 30,
                "checkpointShare", 0.3);
        if (method == 2) {
            params.put("incremental", true);
        }
        Simulation sim = run(params, seed, oneAtATime(random, n, crashes));

        assertThat(cuts(sim, Worker.CUT_RECOVERY)).as(dump(sim)).hasSize(crashes);
        assertThat(violation(sim, ConsistentAfterRecovery.NAME)).as(dump(sim)).isNull();
        if (method > 0) {
            assertThat(violation(sim, RoundsConsistent.NAME)).as(dump(sim)).isNull();
        }
    }

    /**
     * Coordinated checkpointing never rolls a process back past its checkpoint of the latest round that completed
     * before the crash; independent checkpointing does so (down to the start) in some runs.
     */
    @Property(tries = 60)
    void theDominoEffectHappensOnlyInIndependentCheckpointing(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                              @ForAll @IntRange(min = 2, max = 4) int n) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Fault> faults = oneAtATime(random, n, 1);
        Simulation coordinated = run(params("n", n, "method", "coordinated", "steps", 30, "checkpointShare", 0.3), seed, faults);

        long crashedAt = faults.get(0).at();
        Output.Cut line = cuts(coordinated, Worker.CUT_RECOVERY).get(0);
        Output.Cut lastRound = null;
        for (TraceEvent event : coordinated.trace().events()) {
            if (event.time() < crashedAt && Output.of(event) instanceof Output.Cut cut && cut.name().startsWith(Worker.CUT_ROUND)) {
                lastRound = cut;
            }
        }
        for (int node = 0; node < n; node++) {
            int restored = index(line.points().get(node));
            int round = lastRound == null ? 0 : index(lastRound.points().get(node));
            assertThat(restored == RecoveryLine.KEEP || restored >= round).as(dump(coordinated)).isTrue();
        }
    }

    @Property(tries = 40)
    void independentCheckpointsPlacedBetweenEveryReceiptAndSendCascadeToTheStart(@ForAll @IntRange(min = 2, max = 5) int rounds,
                                                                                 @ForAll @IntRange(min = 0, max = 1) int crashed) {
        List<String> script = new ArrayList<>(List.of("P1 -> P2"));
        for (int i = 0; i < rounds; i++) {
            script.addAll(List.of("P2 checkpoint", "P2 -> P1", "P1 checkpoint", "P1 -> P2"));
        }
        long end = (script.size() + 1) * 10L;
        Simulation sim = run(params("n", 2, "method", "independent", "script", script), 1,
                List.of(Fault.at(end, FaultKind.CRASH, crashed), Fault.at(end + 10, FaultKind.RECOVER, crashed)));

        assertThat(RecoveryLine.toTheStart(cuts(sim, Worker.CUT_RECOVERY).get(0).points().stream().map(CheckpointingProperties::index).toList()))
                .as(dump(sim)).isTrue();
        assertThat(violation(sim, ConsistentAfterRecovery.NAME)).isNull();
    }

    @Property(tries = 100)
    void withTheUnsafeSwitchTheMonitorNamesAnOrphanExactlyWhenTheLatestCheckpointsAreInconsistent(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed, @ForAll @IntRange(min = 2, max = 4) int n) {
        SplittableRandom random = new SplittableRandom(seed);
        Simulation sim = run(params("n", n, "method", "independent", "steps", 30, "checkpointShare", 0.3,
                "recovery", "latest-checkpoints"), seed, oneAtATime(random, n, 1));

        int cutAt = sim.trace().events().stream().filter(e -> Output.of(e) instanceof Output.Cut).findFirst().orElseThrow().seq();
        List<RecoveryLine.History> everyoneAtTheLatest = new ArrayList<>();
        for (ProcessStatus process : Simulation.processesAt(sim.recipe(), Protocols.registry(), cutAt)) {
            List<?> saved = (List<?>) process.stable().get(Worker.CHECKPOINTS);
            List<Dependency> deps = new ArrayList<>();
            saved.forEach(cp -> deps.addAll(((SavedCheckpoint) cp).dependencies()));
            everyoneAtTheLatest.add(new RecoveryLine.History(saved.size(), true, deps));
        }
        boolean inconsistent = !RecoveryLine.compute(everyoneAtTheLatest).equals(RecoveryLine.latest(everyoneAtTheLatest));

        var violation = violation(sim, ConsistentAfterRecovery.NAME);
        assertThat(violation != null).as(dump(sim)).isEqualTo(inconsistent);
        if (violation != null) {
            assertThat(violation.explanation()).matches("P\\d's state after the recovery has received m\\d+ from P\\d, but P\\d's state "
                    + "never sent it: m\\d+ is an orphan message");
            assertThat(sim.trace().event(violation.witnesses().get(0)).kind()).isEqualTo(dev.faultlab.sim.EventKind.SEND);
        }
    }

    private static int index(String label) {
        return label == null ? RecoveryLine.KEEP : Integer.parseInt(label.substring(label.indexOf('(') + 1, label.indexOf(')')));
    }
}

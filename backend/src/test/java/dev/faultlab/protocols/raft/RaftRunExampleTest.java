package dev.faultlab.protocols.raft;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.ProcessStatus;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The runs docs/SIMULATION.md shows a host and a protocol author making, quoted from here so they stay true. */
class RaftRunExampleTest {

    @Test
    void aHostDrivesARunOneCommandAtATimeAndALiveCrashReplaysExactly() {
        ProtocolRegistry registry = Protocols.registry();
        Recipe recipe = Recipe.of("raft", Map.of("n", 3, "clients", 1, "requests", 2), 7);
        Simulation run = Simulation.start(recipe, registry);        // checks the recipe first
        run.step();                                                 // shows one more event
        run.runUntilEvents(120);                                    // until 120 events are shown
        Fault crash = run.inject(new Fault(null, null, FaultKind.CRASH, 0, Map.of())); // P1 crashes right after event 119
        run.runToEnd();
        Recipe replayable = run.recipe();                           // the recipe now holds the crash, at event 120
        List<ProcessStatus> then = Simulation.processesAt(replayable, registry, 150); // seek: right after event 150

        assertThat(crash.atEvent()).isEqualTo(120L);
        assertThat(replayable.faults()).containsExactly(crash);
        Simulation replay = Simulation.start(replayable, registry);
        replay.runToEnd();
        assertThat(replay.trace().events()).isEqualTo(run.trace().events());
        Simulation again = Simulation.start(replayable, registry);
        again.runUntilEvents(151);
        assertThat(then).isEqualTo(again.processes());
        assertThat(then.get(0).up()).isFalse();
        assertThat(run.endReason().completed()).isTrue();
    }

    @Test
    void aMonitorFollowsARunOneEventAtATime() {
        Recipe recipe = Recipe.of("raft", Map.of("n", 3, "requests", 0, "runFor", 400), 1)
                .withFault(new Fault(100L, null, FaultKind.REQUEST, 3, Map.of("command", "x=5")));
        Simulation run = Simulation.start(recipe, Protocols.registry());
        Monitor monitor = new StateMachineSafety();
        int fed = 0;
        while (fed < run.trace().size() || !run.ended()) {
            if (fed == run.trace().size()) {
                run.step();                                 // shows one more event
            }
            monitor.onEvent(run.trace().event(fed++), States.NONE);   // every event once, in trace order; it reads no states
        }
        assertThat(monitor.violation()).isNull();

        List<TraceEvent> commits = run.trace().events().stream().filter(e -> Output.of(e) instanceof Output.Commit).toList();
        assertThat(commits).hasSize(3);
        TraceEvent first = commits.get(0);
        Entry other = new Entry(1, 1, "x=6", 3, 1);
        monitor.onEvent(new TraceEvent(fed, first.time(), EventKind.OUTPUT, 2, -1, -1, -1, 0, -1, new Output.Commit(1, other), "commit"), States.NONE);
        assertThat(monitor.violation()).isEqualTo(new Monitor.Violation(StateMachineSafety.NAME, fed,
                ProcessLabel.of(first.node()) + " applied x=5 (term 1) at #1 but P3 applied x=6 (term 1) at #1", List.of(first.seq(), fed)));
    }
}

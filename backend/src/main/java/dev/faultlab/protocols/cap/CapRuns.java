package dev.faultlab.protocols.cap;

import dev.faultlab.check.Counterexample;
import dev.faultlab.check.Explorer;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.MonitorSource;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.PropertyStatus;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Request;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/** The runs the CAP lessons rest on: a scenario in either mode, a replica cut off, what each monitor says. */
public final class CapRuns {
    /** How finely the search for a stale read tries the moment of the partition. */
    private static final int STEP = 5;

    private CapRuns() {
    }

    /** What a client got for a read, as the lab's options name it. */
    public enum Answer {
        UP_TO_DATE("up-to-date"), STALE("stale"), REFUSED("refused"), UNANSWERED("unanswered");

        private final String id;

        Answer(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** The same scenario with the replicas in {@code mode}. */
    public static Recipe inMode(Recipe scenario, Mode mode) {
        Map<String, Object> params = new LinkedHashMap<>(scenario.params());
        params.put("mode", mode.id());
        return new Recipe(scenario.protocol(), params, scenario.seed(), scenario.faults(), scenario.network(), scenario.budgets());
    }

    /** The fault that cuts replica {@code node} off from every other one at time {@code at}. */
    public static Fault isolating(int node, long at) {
        return Fault.network(at, FaultKind.PARTITION, Map.of("groups", List.of(List.of(node))));
    }

    public static Simulation played(ProtocolRegistry registry, Recipe recipe) {
        Simulation run = Simulation.start(recipe, registry, MonitorSource.PROTOCOL);
        run.runToEnd();
        return run;
    }

    /** The violation of {@code property} at the end of a run played with monitors, if any. */
    public static Optional<Monitor.Violation> violation(Simulation run, String property) {
        return run.properties().stream().filter(p -> p.property().equals(property)).findFirst()
                .map(PropertyStatus::now).map(PropertyStatus.Change::violation);
    }

    /** The replica that received request {@code request} in the run, or -1 if it has no such request. */
    public static int replicaOf(Simulation run, int request) {
        return run.trace().events().stream().filter(e -> e.kind() == EventKind.REQUEST && e.payload() instanceof Request r && r.id() == request)
                .mapToInt(TraceEvent::node).findFirst().orElse(-1);
    }

    /** What request {@code request} got in the run: read off its reply and the linearizability monitor. */
    public static Answer answer(Simulation run, int request) {
        for (TraceEvent event : run.trace().events()) {
            if (event.kind() == EventKind.OUTPUT && event.payload() instanceof Output.Reply reply && reply.request() == request) {
                if (reply.result() instanceof String text && text.startsWith("unavailable")) {
                    return Answer.REFUSED;
                }
                boolean stale = violation(run, Linearizable.NAME).filter(v -> v.witnesses().contains(event.seq())).isPresent();
                return stale ? Answer.STALE : Answer.UP_TO_DATE;
            }
        }
        return Answer.UNANSWERED;
    }

    /**
     * A partition that makes the scenario serve a stale read: one replica cut off from the others, at one of the
     * first moments of the run (every {@value #STEP} ticks up to {@code horizon}), the first that works.
     */
    public static Optional<Counterexample> staleRead(ProtocolRegistry registry, Recipe scenario, long horizon) {
        int n = Cap.config(scenario).n();
        Stream<Recipe> candidates = LongStream.iterate(0, t -> t <= horizon, t -> t + STEP).boxed()
                .flatMap(t -> IntStream.range(0, n).mapToObj(node -> scenario.withFault(isolating(node, t))));
        return Explorer.search(registry, candidates, (protocol, params, recipe) -> List.of(new Linearizable()));
    }
}

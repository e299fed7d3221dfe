package dev.faultlab.protocols.rpc;

import dev.faultlab.sim.Delay;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import static dev.faultlab.protocols.rpc.RpcRuns.dump;
import static dev.faultlab.protocols.rpc.RpcRuns.run;
import static dev.faultlab.protocols.rpc.RpcRuns.verdict;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inside the model: with sequence numbers no call takes effect twice, whatever is lost, duplicated or crashed, for
 * every strategy, order and remedy. Outside it (no sequence numbers): runs where a call does take effect twice
 * exist, and in every run the at-most-once monitor names exactly the call the trace shows carried out twice.
 */
class RpcProperties {
    private static final List<String> REMEDIES = Remedy.ids();

    /** A random run: 1 or 2 clients, lossy and duplicating network, random crashes and recoveries of anyone. */
    static Recipe schedule(long seed, int faults, boolean dedup) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Object> params = new LinkedHashMap<>();
        int clients = 1 + random.nextInt(2);
        params.put("clients", clients);
        params.put("calls", 1 + random.nextInt(3));
        params.put("operation", random.nextBoolean() ? "transfer" : "print");
        params.put("order", random.nextBoolean() ? "MP" : "PM");
        params.put("strategy", Strategy.ids().get(random.nextInt(4)));
        params.put("remedy", REMEDIES.get(random.nextInt(REMEDIES.size())));
        params.put("work", random.nextInt(8));
        params.put("timeout", 8 + random.nextInt(20));
        params.put("dedup", dedup);
        List<Fault> plan = new ArrayList<>();
        for (int i = 0; i < faults; i++) {
            int node = random.nextInt(clients + 1);
            long at = random.nextInt(120);
            switch (random.nextInt(3)) {
                case 0 -> {
                    plan.add(Fault.at(at, FaultKind.CRASH, node));
                    plan.add(Fault.at(at + 1 + random.nextInt(15), FaultKind.RECOVER, node));
                }
                case 1 -> plan.add(Fault.at(at, FaultKind.SEND_OMISSION, node, Map.of("duration", 1 + random.nextInt(10))));
                default -> plan.add(Fault.at(at, FaultKind.RECEIVE_OMISSION, node, Map.of("duration", 1 + random.nextInt(10))));
            }
        }
        NetworkSpec network = new NetworkSpec(Delay.uniform(1, 4), random.nextDouble() * 0.3, random.nextDouble() * 0.2,
                random.nextBoolean(), List.of());
        return Recipe.of(Rpc.ID, params, seed).withFaults(plan).withNetwork(network);
    }

    @Property(tries = 150)
    void withSequenceNumbersNoCallTakesEffectTwiceUnderAnyLossOrCrashSchedule(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                                             @ForAll @IntRange(min = 0, max = 5) int faults) {
        Recipe recipe = schedule(seed, faults, true);
        Simulation run = run(recipe);
        Monitor.Violation violation = verdict(run, AtMostOnce.NAME).violation();
        assertThat(violation).as(() -> recipe + "\n" + dump(run)).isNull();
        assertThat(twice(run)).isEmpty();
    }

    @Property(tries = 150)
    void withoutThemTheMonitorNamesEveryCallTheTraceShowsCarriedOutTwice(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                                        @ForAll @IntRange(min = 0, max = 5) int faults) {
        Recipe recipe = schedule(seed, faults, false);
        Simulation run = run(recipe);
        List<CallId> twice = twice(run);
        Monitor.Violation violation = verdict(run, AtMostOnce.NAME).violation();
        if (twice.isEmpty()) {
            assertThat(violation).as(() -> recipe + "\n" + dump(run)).isNull();
        } else {
            assertThat(violation).as(() -> recipe + "\n" + dump(run)).isNotNull();
            assertThat(violation.explanation()).startsWith(twice.get(0) + " (").contains("took effect twice");
            List<TraceEvent> witnesses = violation.witnesses().stream().map(run.trace()::event).toList();
            assertThat(witnesses).hasSize(2).allSatisfy(e -> assertThat(call(e)).isEqualTo(twice.get(0)));
        }
    }

    @Property(tries = 1)
    void outsideTheModelRandomSchedulesDoCarryACallOutTwice() {
        long found = java.util.stream.LongStream.rangeClosed(1, 500)
                .filter(seed -> !twice(run(schedule(seed, 3, false))).isEmpty()).findFirst().orElse(-1);
        assertThat(found).as("a seed whose schedule carries a call out twice without sequence numbers").isPositive();
        Simulation again = run(schedule(found, 3, true));
        assertThat(twice(again)).as("the same schedule with sequence numbers").isEmpty();
    }

    /** The calls the trace shows carried out twice or more, in the order of their second execution. */
    private static List<CallId> twice(Simulation run) {
        Map<CallId, Integer> count = new LinkedHashMap<>();
        List<CallId> twice = new ArrayList<>();
        for (TraceEvent event : run.trace().events()) {
            CallId call = call(event);
            if (call != null && count.merge(call, 1, Integer::sum) == 2) {
                twice.add(call);
            }
        }
        return twice.stream().distinct().collect(Collectors.toList());
    }

    private static CallId call(TraceEvent event) {
        return Output.of(event) instanceof Output.Commit commit && commit.entry() instanceof Execution e
                ? new CallId(e.client(), e.seq()) : null;
    }
}

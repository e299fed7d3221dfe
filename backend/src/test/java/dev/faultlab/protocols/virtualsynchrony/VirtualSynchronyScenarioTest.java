package dev.faultlab.protocols.virtualsynchrony;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Delay;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.LinkSpec;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lecture's story step by step, with three processes p, q, r (P1, P2, P3): p multicasts m = P1#1 at t=12 and
 * crashes; the allowed executions (a: nobody delivers m; b: q and r deliver it before the view (q, r)) and, with
 * the flush off, the disallowed ones (c: only q delivers it; d: r delivers it only after the view change).
 */
class VirtualSynchronyScenarioTest {
    private static final MessageId M = new MessageId(0, 1);

    @Test
    void aCrashBeforeTheMulticastReachesAnyoneMeansNobodyDeliversIt() {
        GroupRuns.Watched run = watch(params(true), crash(List.of()));

        assertThat(deliveriesOf(run, M)).extracting(GroupRuns.Delivery::node).containsExactly(0);
        assertThat(views(run, 1)).containsExactly(1L, 2L);
        assertThat(views(run, 2)).containsExactly(1L, 2L);
        assertThat(run.viewSynchrony().holds()).isTrue();
    }

    @Test
    void theFlushCarriesAMessageOnlyQReceivedToRBeforeTheNewView() {
        GroupRuns.Watched run = watch(params(true), crash(List.of(1)));
        List<TraceEvent> trace = run.run().trace().events();

        // q received and delivered m; r never heard of it from p.
        assertThat(deliveriesOf(run, M)).extracting(GroupRuns.Delivery::node, GroupRuns.Delivery::view)
                .containsExactly(tuple(0, 1), tuple(1, 1), tuple(2, 1));
        // q, the new coordinator, multicasts the view change, then its unstable m, then its flush.
        int change = first(trace, e -> e.kind() == EventKind.SEND && e.node() == 1 && e.payload() instanceof ViewChange);
        int copy = first(trace, e -> e.kind() == EventKind.SEND && e.node() == 1 && e.payload() instanceof Data d && d.id().equals(M));
        int flush = first(trace, e -> e.kind() == EventKind.SEND && e.node() == 1 && e.payload() instanceof Flush);
        assertThat(change).isLessThan(copy);
        assertThat(copy).isLessThan(flush);
        // r delivers m in view 1, and installs view (q, r) only after q's flush.
        int rDelivers = deliveriesOf(run, M).stream().filter(d -> d.node() == 2).findFirst().orElseThrow().event();
        int rInstalls = first(trace, e -> e.node() == 2 && Output.of(e) instanceof Output.ViewInstalled v && v.view() == 2);
        int qFlushReachesR = first(trace, e -> e.kind() == EventKind.DELIVER && e.node() == 2 && e.payload() instanceof Flush);
        assertThat(rDelivers).isLessThan(rInstalls);
        assertThat(qFlushReachesR).isLessThan(rInstalls);
        assertThat(run.viewSynchrony().holds()).isTrue();
    }

    @Test
    void withoutTheFlushROnlyQDeliversAndTheMonitorNamesTheMessageAndBothViews() {
        GroupRuns.Watched run = watch(params(false), crash(List.of(1)));

        assertThat(deliveriesOf(run, M)).extracting(GroupRuns.Delivery::node).containsExactly(0, 1);
        assertThat(run.viewSynchrony().holds()).isFalse();
        assertThat(run.viewSynchrony().explanation())
                .isEqualTo("P1#1 (multicast in view 1) was delivered by P2 in view 1, but P3 installed view 2 without delivering it");
    }

    @Test
    void withoutTheFlushALateCopyCrossesTheViewChange() {
        NetworkSpec slowToR = NetworkSpec.reliable().withLinks(List.of(new LinkSpec(0, 2, Delay.constant(30), null)));
        GroupRuns.Watched late = watch(params(false), crash(List.of(1, 2)), slowToR);

        assertThat(deliveriesOf(late, M)).extracting(GroupRuns.Delivery::node, GroupRuns.Delivery::view)
                .containsExactly(tuple(0, 1), tuple(1, 1), tuple(2, 2));
        // The monitor sees the break first where r moves on without m; m then crosses the view change.
        assertThat(late.viewSynchrony().explanation())
                .isEqualTo("P1#1 (multicast in view 1) was delivered by P2 in view 1, but P3 installed view 2 without delivering it");

        GroupRuns.Watched flushed = watch(params(true), crash(List.of(1, 2)), slowToR);
        assertThat(deliveriesOf(flushed, M)).extracting(GroupRuns.Delivery::node, GroupRuns.Delivery::view)
                .containsExactly(tuple(0, 1), tuple(1, 1), tuple(2, 1));
        assertThat(flushed.viewSynchrony().holds()).isTrue();
    }

    @Test
    void aJoinerTakesPartOnlyFromTheViewThatAddsIt() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("n", 4);
        params.put("joinAt", List.of(0, 0, 0, 40));
        params.put("leaveAt", List.of(0, 70, 0, 0));
        params.put("multicasts", List.of(List.of(0, 12), List.of(0, 52), List.of(3, 60), List.of(2, 92)));
        GroupRuns.Watched run = watch(params, List.of());

        assertThat(views(run, 3)).containsExactly(2L, 3L);
        assertThat(views(run, 1)).containsExactly(1L, 2L);
        assertThat(views(run, 0)).containsExactly(1L, 2L, 3L);
        // P4 misses P1#1 (view 1), gets P1#2 and its own P4#1 in view 2; P2 left before P3#1 of view 3.
        assertThat(deliveredBy(run, 3)).containsExactly("P1#2@2", "P4#1@2", "P3#1@3");
        assertThat(deliveredBy(run, 1)).containsExactly("P1#1@1", "P1#2@2", "P4#1@2");
        assertThat(run.verdicts()).allMatch(v -> v.holds());
    }

    @Test
    void inTheAtomicVariantsAMessageIsReceivedBeforeItIsDelivered() {
        Map<String, Object> params = params(true);
        params.put("variant", "atomic");
        params.put("multicasts", List.of(List.of(1, 12)));
        GroupRuns.Watched run = watch(params, List.of());
        List<TraceEvent> trace = run.run().trace().events();

        int received = first(trace, e -> e.kind() == EventKind.DELIVER && e.node() == 2 && e.payload() instanceof Data);
        int ordered = first(trace, e -> e.kind() == EventKind.DELIVER && e.node() == 2 && e.payload() instanceof Order);
        int delivered = first(trace, e -> e.node() == 2 && Output.of(e) instanceof Output.Deliver);
        assertThat(received).isLessThan(ordered);
        assertThat(ordered).isLessThan(delivered);
        assertThat(Simulation.processesAt(run.run().recipe(), Protocols.registry(), received).get(2).state())
                .containsEntry(MemberView.DELIVERED, List.of()).containsEntry(MemberView.UNSTABLE, List.of("P2#1"));
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }

    private static Map<String, Object> params(boolean flush) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("n", 3);
        params.put("flush", flush);
        params.put("multicasts", List.of(List.of(0, 12)));
        return params;
    }

    private static List<Fault> crash(List<Integer> reaches) {
        return List.of(Fault.at(12, FaultKind.CRASH, 0, Map.of("reaches", reaches)));
    }

    private static GroupRuns.Watched watch(Map<String, Object> params, List<Fault> faults) {
        return watch(params, faults, NetworkSpec.reliable());
    }

    private static GroupRuns.Watched watch(Map<String, Object> params, List<Fault> faults, NetworkSpec network) {
        Recipe recipe = Recipe.of(VirtualSynchrony.ID, params, 1).withFaults(faults).withNetwork(network);
        return GroupRuns.watch(recipe, Protocols.registry());
    }

    private static List<GroupRuns.Delivery> deliveriesOf(GroupRuns.Watched run, MessageId id) {
        return GroupRuns.deliveries(run.run()).stream().filter(d -> d.message().equals(id)).toList();
    }

    private static List<String> deliveredBy(GroupRuns.Watched run, int node) {
        return GroupRuns.deliveries(run.run()).stream().filter(d -> d.node() == node).map(d -> d.message().label() + "@" + d.view()).toList();
    }

    private static List<Long> views(GroupRuns.Watched run, int node) {
        return run.run().trace().events().stream().filter(e -> e.node() == node && Output.of(e) instanceof Output.ViewInstalled)
                .map(e -> ((Output.ViewInstalled) Output.of(e)).view()).toList();
    }

    private static int first(List<TraceEvent> trace, java.util.function.Predicate<TraceEvent> match) {
        return trace.stream().filter(match).mapToInt(TraceEvent::seq).findFirst().orElseThrow();
    }
}

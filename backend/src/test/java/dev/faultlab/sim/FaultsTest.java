package dev.faultlab.sim;

import dev.faultlab.protocols.byzantine.Lie;
import dev.faultlab.sim.fixtures.Echo;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.faultlab.sim.Scripted.events;
import static org.assertj.core.api.Assertions.assertThat;

class FaultsTest {
    private static final Budgets HUNDRED_TICKS = new Budgets(1_000_000, 100, 10_000, 64, 1L << 30);

    /**
     * Every 5 ticks each node counts a tick (volatile and in stable storage) and broadcasts the time.
     * A recovered node starts ticking again.
     */
    private static final Scripted.Async TICKER = Scripted.Async.onStart((ctx, s) -> ctx.setTimer("tick", 5))
            .onTimer((ctx, t) -> {
                Integer stable = ctx.stable().get("ticks");
                ctx.stable().put("ticks", stable == null ? 1 : stable + 1);
                ctx.broadcast(new Num((int) ctx.now()));
                ctx.setTimer("tick", 5);
            })
            .onMessage((ctx, from, m, s) -> s.merge("heard", 1, (a, b) -> (Integer) a + (Integer) b))
            .onRecover((ctx, s) -> ctx.setTimer("tick", 5));

    private static Simulation tick(int n, Fault... faults) {
        return Scripted.run(Scripted.async(TICKER), n, List.of(faults), NetworkSpec.reliable(), HUNDRED_TICKS);
    }

    private static List<TraceEvent> sendsFrom(Simulation sim, int node) {
        return events(sim, EventKind.SEND).stream().filter(e -> e.node() == node).toList();
    }

    private static List<TraceEvent> dropsBecause(Simulation sim, String reason) {
        return events(sim, EventKind.DROP).stream().filter(e -> reason.equals(e.detail())).toList();
    }

    @Test
    void aCrashedNodeStopsLosesItsStateAndMissesMessages() {
        Simulation sim = tick(3, Fault.at(12, FaultKind.CRASH, 1));

        assertThat(sendsFrom(sim, 1)).isNotEmpty().allSatisfy(e -> assertThat(e.time()).isLessThan(12));
        assertThat(events(sim, EventKind.TIMER)).filteredOn(e -> e.node() == 1).allSatisfy(e -> assertThat(e.time()).isLessThan(12));
        assertThat(dropsBecause(sim, "receiver crashed")).isNotEmpty().allSatisfy(e -> assertThat(e.node()).isEqualTo(1));
        ProcessStatus crashed = sim.processes().get(1);
        assertThat(crashed.up()).isFalse();
        assertThat(crashed.state()).isEmpty();
        assertThat(crashed.stable()).containsEntry("ticks", 2);
        assertThat(sim.process(1)).isNull();
        assertThat(sim.faultyNodes().get(1)).isTrue();
        assertThat(sim.faultyNodes().get(0)).isFalse();
    }

    @Test
    void aRecoveredNodeIsANewProcessWithOnlyItsStableStorage() {
        Simulation sim = tick(2, Fault.at(12, FaultKind.CRASH, 1), Fault.at(50, FaultKind.RECOVER, 1));

        TraceEvent recover = events(sim, EventKind.RECOVER).get(0);
        assertThat(recover.time()).isEqualTo(50);
        assertThat(recover.node()).isEqualTo(1);
        assertThat(sendsFrom(sim, 1)).extracting(TraceEvent::time).containsExactly(5L, 10L, 55L, 60L, 65L, 70L, 75L, 80L, 85L, 90L, 95L, 100L);
        ProcessStatus recovered = sim.processes().get(1);
        // Stable storage counted the two ticks before the crash; the volatile "heard" counter started again at 50.
        assertThat(recovered.stable()).containsEntry("ticks", 12);
        assertThat(recovered.state()).containsEntry("heard", 10);
    }

    @Test
    void aCrashAfterSomeSendsReachesOnlyTheFirstPeers() {
        Protocol broadcaster = Scripted.async(Scripted.Async.onStart((ctx, s) -> {
            if (ctx.self() == 0) {
                ctx.broadcast(new Num(1));
                ctx.decide(1);
            }
        }));

        Simulation sim = Scripted.run(broadcaster, 4, List.of(Fault.at(0, FaultKind.CRASH, 0, Map.of("afterSends", 2))));

        assertThat(sendsFrom(sim, 0)).extracting(TraceEvent::peer).containsExactly(1, 2);
        assertThat(events(sim, EventKind.CRASH)).singleElement().extracting(TraceEvent::node).isEqualTo(0);
        assertThat(events(sim, EventKind.DECIDE)).isEmpty();
        assertThat(events(sim, EventKind.DELIVER)).extracting(TraceEvent::node).containsExactly(1, 2);
    }

    @Test
    void aCrashThatReachesChosenPeersSendsOnlyToThem() {
        Protocol broadcaster = Scripted.async(Scripted.Async.onStart((ctx, s) -> {
            if (ctx.self() == 0) {
                ctx.broadcast(new Num(1));
            }
        }));

        Simulation sim = Scripted.run(broadcaster, 4, List.of(Fault.at(0, FaultKind.CRASH, 0, Map.of("reaches", List.of(3)))));

        assertThat(sendsFrom(sim, 0)).extracting(TraceEvent::peer).containsExactly(3);
        assertThat(sim.processes().get(0).up()).isFalse();
    }

    @Test
    void sendOmissionDropsTheNodesMessagesForItsDuration() {
        Simulation sim = tick(2, Fault.at(12, FaultKind.SEND_OMISSION, 0, Map.of("duration", 20)));

        assertThat(dropsBecause(sim, "send omission")).extracting(TraceEvent::time).containsExactly(15L, 20L, 25L, 30L);
        assertThat(events(sim, EventKind.DELIVER)).filteredOn(e -> e.peer() == 0).extracting(TraceEvent::time)
                .contains(6L, 11L, 36L).doesNotContain(16L, 31L);
        assertThat(events(sim, EventKind.NOTE)).extracting(TraceEvent::payload).contains("send omission ended");
    }

    @Test
    void anOverlappingFaultOfTheSameKindIsNotEndedByTheEarlierOnesEnd() {
        Simulation sim = tick(2, Fault.at(0, FaultKind.SEND_OMISSION, 0, Map.of("duration", 20)),
                Fault.at(10, FaultKind.SEND_OMISSION, 0, Map.of("duration", 50)));

        assertThat(dropsBecause(sim, "send omission")).extracting(TraceEvent::time)
                .containsExactly(5L, 10L, 15L, 20L, 25L, 30L, 35L, 40L, 45L, 50L, 55L);
        assertThat(events(sim, EventKind.NOTE)).singleElement().extracting(TraceEvent::time).isEqualTo(60L);
    }

    @Test
    void receiveOmissionWithAProbabilityLosesSomeIncomingMessages() {
        Simulation sim = tick(3, Fault.at(0, FaultKind.RECEIVE_OMISSION, 2, Map.of("probability", 0.5)));

        List<TraceEvent> omitted = dropsBecause(sim, "receive omission");
        long delivered = events(sim, EventKind.DELIVER).stream().filter(e -> e.node() == 2).count();
        assertThat(omitted).allSatisfy(e -> assertThat(e.node()).isEqualTo(2));
        assertThat(omitted.size()).isBetween(8, 32);
        long arrivedInTime = events(sim, EventKind.SEND).stream().filter(e -> e.peer() == 2 && e.time() < 100).count();
        assertThat(delivered + omitted.size()).isEqualTo(arrivedInTime);
    }

    @Test
    void timingFaultDelaysMessagesAndSlowsTimers() {
        Simulation sim = tick(2, Fault.at(0, FaultKind.TIMING, 0, Map.of("extraDelay", 4, "timerFactor", 2)));

        assertThat(sendsFrom(sim, 0)).extracting(TraceEvent::time).startsWith(10L, 20L, 30L);
        assertThat(events(sim, EventKind.DELIVER)).filteredOn(e -> e.peer() == 0).extracting(TraceEvent::time).startsWith(15L, 25L);
        assertThat(sendsFrom(sim, 1)).extracting(TraceEvent::time).startsWith(5L, 10L, 15L);
    }

    @Test
    void byzantineBehaviourRewritesOrWithholdsTheNodesMessages() {
        BehaviourSpec negate = new BehaviourSpec("negate", "says the opposite",
                p -> Adversary.rewriting((ctx, to, m) -> new Num(-((Num) m).value())));
        BehaviourSpec silent = new BehaviourSpec("silent", "says nothing", p -> new Adversary() { });
        Protocol protocol = Scripted.async(TICKER, negate, silent);

        Simulation sim = Scripted.run(protocol, 3, List.of(
                        Fault.at(0, FaultKind.BYZANTINE, 0, Map.of("behaviour", "negate")),
                        Fault.at(0, FaultKind.BYZANTINE, 1, Map.of("behaviour", "silent"))),
                NetworkSpec.reliable(), HUNDRED_TICKS);

        assertThat(sendsFrom(sim, 0)).isNotEmpty().allSatisfy(e -> assertThat(((Num) e.payload()).value()).isNegative());
        assertThat(sendsFrom(sim, 1)).isEmpty();
        assertThat(sendsFrom(sim, 2)).allSatisfy(e -> assertThat(((Num) e.payload()).value()).isPositive());
        assertThat(sim.processes().get(0).byzantine()).isEqualTo("negate");
        assertThat(sim.faultyNodes().stream().boxed().toList()).containsExactly(0, 1);
    }

    @Test
    void aScriptedTableOfLiesReachesTheBehaviourAsRowsMatchedByReceiverAndRound() {
        BehaviourSpec script = new BehaviourSpec("script", "tells the lies in the table", params -> {
            List<Lie> lies = Lie.table(params);
            return Adversary.rewriting((ctx, to, m) -> lies.stream().filter(l -> l.appliesTo(to, ctx.round())).findFirst()
                    .<Message>map(l -> new Num(((Number) l.value()).intValue())).orElse(m));
        });
        Protocol protocol = Scripted.async(TICKER, script);
        Fault lie = Fault.at(0, FaultKind.BYZANTINE, 0, Map.of("behaviour", "script",
                "lies", List.of(Map.of("to", 2, "value", 99))));

        Simulation sim = Scripted.run(protocol, 3, List.of(lie), NetworkSpec.reliable(), HUNDRED_TICKS);

        assertThat(sendsFrom(sim, 0)).filteredOn(e -> e.peer() == 2).isNotEmpty()
                .allSatisfy(e -> assertThat(e.payload()).isEqualTo(new Num(99)));
        assertThat(sendsFrom(sim, 0)).filteredOn(e -> e.peer() == 1).isNotEmpty()
                .allSatisfy(e -> assertThat(e.payload()).isEqualTo(new Num((int) e.time())));
        assertThat(Lie.table(lie.params())).containsExactly(new Lie(2, null, null, 99));
    }

    @Test
    void aDownLinkDropsBothWaysUntilItComesBackUp() {
        Simulation sim = tick(3, Fault.at(0, FaultKind.LINK_DOWN, 0, Map.of("to", 1)), Fault.at(50, FaultKind.LINK_UP, 0, Map.of("to", 1)));

        List<TraceEvent> down = dropsBecause(sim, "link down");
        assertThat(down).isNotEmpty().allSatisfy(e -> {
            assertThat(List.of(e.node(), e.peer())).containsExactlyInAnyOrder(0, 1);
            assertThat(e.time()).isLessThan(51);
        });
        assertThat(events(sim, EventKind.DELIVER)).filteredOn(e -> e.node() == 1 && e.peer() == 0)
                .extracting(TraceEvent::time).allSatisfy(t -> assertThat(t).isGreaterThan(50));
    }

    @Test
    void aMessageSentIntoADownLinkIsLostAtOnceEvenIfTheLinkComesBackBeforeItWouldArrive() {
        Simulation sim = dev.faultlab.sim.fixtures.Fixtures.run(dev.faultlab.sim.fixtures.Fixtures.recipe(Echo.ID, Map.of("n", 2)).withNetwork(new NetworkSpec(Delay.constant(10), 0, 0, true))
                .withFaults(List.of(Fault.at(0, FaultKind.LINK_DOWN, 0, Map.of("to", 1)),
                        Fault.at(5, FaultKind.LINK_UP, 0, Map.of("to", 1)))));

        assertThat(events(sim, EventKind.DELIVER)).isEmpty();
        assertThat(dropsBecause(sim, "link down")).hasSize(2).allSatisfy(drop -> assertThat(drop.time()).isZero());
    }

    @Test
    void aMessageSentAcrossAPartitionIsLostAtOnceButOneInFlightWhenItStartsIsLostOnArrival() {
        Fault partition = Fault.network(1, FaultKind.PARTITION, Map.of("groups", List.of(List.of(0, 1))));
        NetworkSpec slow = new NetworkSpec(Delay.constant(10), 0, 0, true);
        Simulation atSend = dev.faultlab.sim.fixtures.Fixtures.run(dev.faultlab.sim.fixtures.Fixtures.recipe(Echo.ID, Map.of("n", 4)).withNetwork(slow)
                .withFault(Fault.network(0, FaultKind.PARTITION, partition.params())));
        Simulation inFlight = dev.faultlab.sim.fixtures.Fixtures.run(dev.faultlab.sim.fixtures.Fixtures.recipe(Echo.ID, Map.of("n", 4)).withNetwork(slow).withFault(partition));

        assertThat(dropsBecause(atSend, "partitioned")).hasSize(8).allSatisfy(drop -> assertThat(drop.time()).isZero());
        assertThat(dropsBecause(inFlight, "partitioned")).hasSize(8).allSatisfy(drop -> assertThat(drop.time()).isEqualTo(10));
    }

    @Test
    void aOneWayLinkFaultLeavesTheOtherDirectionWorking() {
        Simulation down = tick(2, Fault.at(0, FaultKind.LINK_DOWN, 0, Map.of("to", 1, "oneWay", true)));
        Simulation lossy = tick(2, Fault.at(0, FaultKind.LINK_LOSS, 0, Map.of("to", 1, "probability", 1.0)));

        for (Simulation sim : List.of(down, lossy)) {
            assertThat(events(sim, EventKind.DELIVER)).isNotEmpty().allSatisfy(e -> assertThat(e.node()).isEqualTo(0));
        }
        // A down link loses a message as it is sent (at the sender); a lossy one as it arrives (at the receiver).
        assertThat(events(down, EventKind.DROP)).isNotEmpty().allSatisfy(e -> {
            assertThat(List.of(e.node(), e.peer())).containsExactly(0, 1);
            assertThat(e.detail()).isEqualTo("link down");
        });
        assertThat(events(lossy, EventKind.DROP)).isNotEmpty().allSatisfy(e -> {
            assertThat(List.of(e.node(), e.peer())).containsExactly(1, 0);
            assertThat(e.detail()).isEqualTo("link loss");
        });
    }

    @Test
    void aPartitionSeparatesGroupsUntilItHeals() {
        Simulation sim = tick(4, Fault.network(0, FaultKind.PARTITION, Map.of("groups", List.of(List.of(0, 1)))),
                Fault.network(50, FaultKind.HEAL, Map.of()));

        List<TraceEvent> cut = dropsBecause(sim, "partitioned");
        assertThat(cut).isNotEmpty().allSatisfy(e -> {
            assertThat(e.node() <= 1).isNotEqualTo(e.peer() <= 1);
            assertThat(e.time()).isLessThanOrEqualTo(50);
        });
        assertThat(events(sim, EventKind.DELIVER)).filteredOn(e -> e.time() < 50)
                .allSatisfy(e -> assertThat(e.node() <= 1).isEqualTo(e.peer() <= 1));
        assertThat(events(sim, EventKind.DELIVER)).filteredOn(e -> e.time() > 50 && e.node() == 3 && e.peer() == 0).isNotEmpty();
    }

    @Test
    void aNetworkFaultChangesLossAndDelayFromThenOn() {
        Simulation sim = tick(2, Fault.network(30, FaultKind.NETWORK, Map.of("loss", 1.0)));
        Simulation slower = tick(2, Fault.network(30, FaultKind.NETWORK, Map.of("delay", Map.of("kind", "constant", "min", 3))));

        assertThat(events(sim, EventKind.DELIVER)).allSatisfy(e -> assertThat(e.time()).isLessThanOrEqualTo(31));
        assertThat(dropsBecause(sim, "lost in the network")).isNotEmpty().allSatisfy(e -> assertThat(e.time()).isGreaterThanOrEqualTo(30));
        assertThat(events(slower, EventKind.DELIVER)).filteredOn(e -> e.peer() == 0).extracting(TraceEvent::time)
                .contains(26L, 33L, 38L);
    }

    @Test
    void aFaultAtAnEventIndexFiresBeforeTheStepThatWouldProduceThatEvent() {
        Simulation sim = tick(2, Fault.at(0, FaultKind.CRASH, 1).atEvent(4));

        TraceEvent fault = events(sim, EventKind.FAULT).get(0);
        assertThat(fault.seq()).isEqualTo(4);
        assertThat(sim.trace().event(5)).extracting(TraceEvent::kind, TraceEvent::parent).containsExactly(EventKind.CRASH, 4);
        assertThat(fault.payload()).isEqualTo(new Fault(null, 4L, FaultKind.CRASH, 1, Map.of()));
    }
}

package dev.faultlab.sim;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.faultlab.sim.Scripted.events;
import static org.assertj.core.api.Assertions.assertThat;

class EventOrderAndTraceTest {

    @Test
    void eventsAtTheSameTimeRunInTheOrderTheyWereScheduled() {
        Protocol protocol = Scripted.async(Scripted.Async.onStart((ctx, s) -> {
            if (ctx.self() == 0) {
                ctx.send(1, new Num(1));
                ctx.setTimer("t", 1);
                ctx.send(1, new Num(2));
                ctx.send(1, new Num(3));
            }
        }));

        Simulation sim = Scripted.run(protocol, 2, List.of());

        List<TraceEvent> atOne = sim.trace().events().stream().filter(e -> e.time() == 1 && e.kind() != EventKind.END).toList();
        assertThat(atOne).extracting(TraceEvent::kind, TraceEvent::payload).containsExactly(
                org.assertj.core.groups.Tuple.tuple(EventKind.DELIVER, new Num(1)),
                org.assertj.core.groups.Tuple.tuple(EventKind.TIMER, "t"),
                org.assertj.core.groups.Tuple.tuple(EventKind.DELIVER, new Num(2)),
                org.assertj.core.groups.Tuple.tuple(EventKind.DELIVER, new Num(3)));
    }

    @Test
    void anEarlierTimeRunsFirstWhateverTheSchedulingOrder() {
        Protocol protocol = Scripted.async(Scripted.Async.onStart((ctx, s) -> {
            if (ctx.self() == 0) {
                ctx.send(2, new Num(2));
                ctx.send(1, new Num(1));
            }
        }));
        NetworkSpec slowToTwo = NetworkSpec.reliable().withLinks(List.of(new LinkSpec(0, 2, Delay.constant(9), null)));

        Simulation sim = Scripted.run(protocol, 3, List.of(), slowToTwo, Budgets.defaults());

        assertThat(events(sim, EventKind.DELIVER)).extracting(TraceEvent::time, TraceEvent::node)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 1), org.assertj.core.groups.Tuple.tuple(9L, 2));
        assertThat(sim.trace().events()).isSortedAccordingTo((a, b) -> Long.compare(a.time(), b.time()));
    }

    @Test
    void traceLinksSendsDeliveriesAndRepliesByIdCauseAndLamportClock() {
        Protocol protocol = Scripted.async(Scripted.Async.onStart((ctx, s) -> {
            if (ctx.self() == 0) {
                ctx.send(1, new Num(7));
            }
        }).onMessage((ctx, from, m, s) -> {
            if (ctx.self() == 1) {
                ctx.send(from, new Num(8));
            }
        }));

        Simulation sim = Scripted.run(protocol, 2, List.of());

        TraceEvent send = events(sim, EventKind.SEND).get(0);
        TraceEvent deliver = events(sim, EventKind.DELIVER).get(0);
        TraceEvent reply = events(sim, EventKind.SEND).get(1);
        TraceEvent replyDelivered = events(sim, EventKind.DELIVER).get(1);
        assertThat(send).extracting(TraceEvent::node, TraceEvent::peer, TraceEvent::parent, TraceEvent::lamport, TraceEvent::round)
                .containsExactly(0, 1, -1, 1, -1);
        assertThat(deliver).extracting(TraceEvent::node, TraceEvent::peer, TraceEvent::message, TraceEvent::parent, TraceEvent::lamport)
                .containsExactly(1, 0, send.message(), send.seq(), 2);
        assertThat(deliver.payload()).isSameAs(send.payload());
        assertThat(reply).extracting(TraceEvent::node, TraceEvent::parent, TraceEvent::lamport).containsExactly(1, deliver.seq(), 3);
        assertThat(replyDelivered.lamport()).isEqualTo(4);
        assertThat(reply.message()).isNotEqualTo(send.message());
        TraceEvent end = sim.trace().event(sim.trace().size() - 1);
        assertThat(end.kind()).isEqualTo(EventKind.END);
        assertThat(end.detail()).isEqualTo("completed");
    }

    @Test
    void traceKeepsEveryEventAcrossChunkBoundaries() {
        Protocol protocol = Scripted.async(Scripted.Async.onStart((ctx, s) -> {
            for (int i = 0; i < 5000; i++) {
                ctx.send((ctx.self() + 1) % ctx.n(), new Num(i));
            }
        }));

        Simulation sim = Scripted.run(protocol, 2, List.of());

        assertThat(sim.trace().size()).isEqualTo(4 * 5000 + 1);
        List<Object> deliveredToOne = events(sim, EventKind.DELIVER).stream()
                .filter(e -> e.node() == 1).map(TraceEvent::payload).toList();
        assertThat(deliveredToOne).hasSize(5000).first().isEqualTo(new Num(0));
        assertThat(deliveredToOne.get(4999)).isEqualTo(new Num(4999));
        assertThat(sim.trace().event(4096).seq()).isEqualTo(4096);
    }

    @Test
    void aStepShowsOneEventAndTheRunStopsAtTheEnd() {
        Protocol protocol = Scripted.async(Scripted.Async.onStart((ctx, s) -> ctx.setTimer("a", 1))
                .onTimer((ctx, t) -> ctx.note("fired " + t)));
        Simulation sim = Scripted.start(protocol, 1, List.of(), NetworkSpec.reliable(), Budgets.defaults(), 1);

        assertThat(sim.step()).isTrue();
        assertThat(sim.trace().events()).extracting(TraceEvent::kind).containsExactly(EventKind.TIMER);
        assertThat(sim.step()).isTrue();
        assertThat(sim.trace().events()).extracting(TraceEvent::kind).containsExactly(EventKind.TIMER, EventKind.NOTE);
        assertThat(sim.step()).isFalse();
        assertThat(sim.ended()).isTrue();
        assertThat(sim.step()).isFalse();
        assertThat(sim.trace().size()).isEqualTo(3);
    }

    @Test
    void aCancelledTimerIsNotAStepOfItsOwn() {
        Protocol protocol = Scripted.async(Scripted.Async.onStart((ctx, s) -> {
            ctx.setTimer("cancelled", 1);
            ctx.setTimer("kept", 2);
            ctx.cancelTimer("cancelled");
        }));
        Simulation sim = Scripted.start(protocol, 1, List.of(), NetworkSpec.reliable(), Budgets.defaults(), 1);

        sim.step();

        assertThat(sim.trace().events()).extracting(TraceEvent::kind, TraceEvent::payload)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(EventKind.TIMER, "kept"));
        assertThat(sim.now()).isEqualTo(2);
        assertThat(sim.processes().get(0).state()).containsEntry("received", List.of("timer:kept"));
    }
}

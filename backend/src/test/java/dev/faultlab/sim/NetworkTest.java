package dev.faultlab.sim;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.faultlab.sim.Scripted.events;
import static org.assertj.core.api.Assertions.assertThat;

class NetworkTest {
    private static final int MESSAGES = 2000;

    /** Node 0 sends MESSAGES numbered messages to node 1 at time 0. */
    private static final Protocol BURST = Scripted.async(Scripted.Async.onStart((ctx, s) -> {
        if (ctx.self() == 0) {
            for (int i = 0; i < MESSAGES; i++) {
                ctx.send(1, new Num(i));
            }
        }
    }));

    private static Simulation burst(NetworkSpec network) {
        return Scripted.run(BURST, 2, List.of(), network, Budgets.defaults());
    }

    private static List<Long> deliveryTimes(Simulation sim) {
        return events(sim, EventKind.DELIVER).stream().map(TraceEvent::time).toList();
    }

    @Test
    void constantDelayDeliversAfterExactlyThatManyTicks() {
        assertThat(deliveryTimes(burst(new NetworkSpec(Delay.constant(7), 0, 0, true)))).hasSize(MESSAGES).containsOnly(7L);
    }

    @Test
    void uniformDelayCoversItsWholeRangeAndNothingElse() {
        List<Long> times = deliveryTimes(burst(new NetworkSpec(Delay.uniform(2, 6), 0, 0, false)));

        assertThat(times).hasSize(MESSAGES).containsOnly(2L, 3L, 4L, 5L, 6L);
        assertThat(times.stream().collect(Collectors.groupingBy(t -> t, Collectors.counting())).values())
                .allSatisfy(count -> assertThat(count).isBetween(300L, 500L));
    }

    @Test
    void exponentialDelayHasItsMean() {
        List<Long> times = deliveryTimes(burst(new NetworkSpec(Delay.exponential(10), 0, 0, false)));

        assertThat(times).allSatisfy(t -> assertThat(t).isPositive());
        assertThat(times.stream().mapToLong(Long::longValue).average().orElseThrow()).isBetween(9.0, 11.0);
        assertThat(times.stream().mapToLong(Long::longValue).max().orElseThrow()).isGreaterThan(40);
    }

    @Test
    void aLinkCanHaveItsOwnDelayAndLoss() {
        Protocol toEveryone = Scripted.async(Scripted.Async.onStart((ctx, s) -> {
            if (ctx.self() == 0) {
                for (int i = 0; i < 100; i++) {
                    ctx.broadcast(new Num(i));
                }
            }
        }));
        NetworkSpec network = NetworkSpec.reliable().withLinks(List.of(
                new LinkSpec(0, 1, Delay.constant(5), null), new LinkSpec(0, 2, null, 1.0)));

        Simulation sim = Scripted.run(toEveryone, 3, List.of(), network, Budgets.defaults());

        assertThat(events(sim, EventKind.DELIVER)).extracting(TraceEvent::node).containsOnly(1);
        assertThat(events(sim, EventKind.DELIVER)).extracting(TraceEvent::time).containsOnly(5L);
        assertThat(events(sim, EventKind.DROP)).hasSize(100)
                .allSatisfy(e -> assertThat(e).extracting(TraceEvent::peer, TraceEvent::detail).containsExactly(2, "lost in the network"));
    }

    @Test
    void lossDropsAboutThatShareOfMessagesAndSaysWhy() {
        Simulation sim = burst(new NetworkSpec(Delay.constant(1), 0.3, 0, true));

        List<TraceEvent> drops = events(sim, EventKind.DROP);
        assertThat(drops.size()).isBetween(500, 700);
        assertThat(drops).allSatisfy(d -> assertThat(d.detail()).isEqualTo("lost in the network"));
        assertThat(drops.size() + events(sim, EventKind.DELIVER).size()).isEqualTo(MESSAGES);
    }

    @Test
    void duplicationDeliversACopyWithTheSameMessageId() {
        Simulation sim = burst(new NetworkSpec(Delay.constant(1), 0, 1, true));

        assertThat(events(sim, EventKind.DUPLICATE)).hasSize(MESSAGES);
        Map<Integer, Long> deliveriesPerMessage = events(sim, EventKind.DELIVER).stream()
                .collect(Collectors.groupingBy(TraceEvent::message, Collectors.counting()));
        assertThat(deliveriesPerMessage).hasSize(MESSAGES).allSatisfy((id, count) -> assertThat(count).isEqualTo(2));
    }

    @Test
    void fifoLinksDeliverInSendOrderEvenWithRandomDelays() {
        Simulation sim = burst(new NetworkSpec(Delay.uniform(1, 50), 0, 0, true));

        assertThat(events(sim, EventKind.DELIVER)).extracting(e -> ((Num) e.payload()).value())
                .isSorted().hasSize(MESSAGES);
    }

    @Test
    void withoutFifoRandomDelaysReorderMessages() {
        Simulation sim = burst(new NetworkSpec(Delay.uniform(1, 50), 0, 0, false));

        List<Integer> order = events(sim, EventKind.DELIVER).stream().map(e -> ((Num) e.payload()).value()).toList();
        assertThat(order).hasSize(MESSAGES).isNotEqualTo(order.stream().sorted().toList());
    }
}

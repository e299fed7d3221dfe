package dev.faultlab.sim;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.faultlab.sim.Scripted.events;
import static org.assertj.core.api.Assertions.assertThat;

/** A Byzantine node is a replacement process: it originates, reacts, withholds and equivocates, in both process styles. */
class AdversaryTest {
    private static final Budgets HUNDRED_TICKS = new Budgets(1_000_000, 100, 10_000, 64, 1L << 30);

    /** Each loyal process states Num(100 + id) to everyone and acknowledges each statement (100 to 999) with Num(1000 + value). */
    private static final Scripted.Async STATE_AND_ACK = Scripted.Async.onStart((ctx, s) -> ctx.broadcast(new Num(100 + ctx.self())))
            .onMessage((ctx, from, m, s) -> {
                if (isStatement(m)) {
                    ctx.send(from, new Num(1000 + ((Num) m).value()));
                }
            });

    /**
     * Withholds its own statement and every acknowledgement; on a timer set when it turned, tells P3 alone Num(7);
     * to each statement it hears it reacts by telling P2 Num(-1) and P3 Num(-2).
     */
    private static final class Schemer implements Adversary {
        @Override
        public void onTakeover(AdversaryContext ctx) {
            ctx.note("P1 turns");
            ctx.setTimer("strike", 7);
        }

        @Override
        public void onTimer(AdversaryContext ctx, String timer) {
            ctx.send(2, new Num(7));
        }

        @Override
        public void onMessage(AdversaryContext ctx, int from, Message message) {
            if (isStatement(message)) {
                ctx.send(1, new Num(-1));
                ctx.send(2, new Num(-2));
            }
        }
    }

    private static boolean isStatement(Message message) {
        int value = ((Num) message).value();
        return value >= 100 && value < 1000;
    }

    private static List<TraceEvent> sendsFrom(Simulation sim, int node) {
        return events(sim, EventKind.SEND).stream().filter(e -> e.node() == node).toList();
    }

    private static Fault turn(long time, int node, String behaviour) {
        return Fault.at(time, FaultKind.BYZANTINE, node, Map.of("behaviour", behaviour));
    }

    @Test
    void anAsynchronousAdversaryOriginatesOnATimerReactsWithholdsAndEquivocates() {
        Protocol protocol = Scripted.async(STATE_AND_ACK, new BehaviourSpec("schemer", "schemes", p -> new Schemer()));

        Simulation sim = Scripted.run(protocol, 3, List.of(turn(0, 0, "schemer")), NetworkSpec.reliable(), HUNDRED_TICKS);

        Trace trace = sim.trace();
        List<TraceEvent> sends = sendsFrom(sim, 0);
        assertThat(sends).extracting(e -> e.peer() + ":" + ((Num) e.payload()).value())
                .containsExactlyInAnyOrder("1:-1", "2:-2", "1:-1", "2:-2", "2:7");
        assertThat(sends).filteredOn(e -> ((Num) e.payload()).value() < 0).allSatisfy(reaction -> {
            assertThat(trace.kind(reaction.parent())).isEqualTo(EventKind.DELIVER);
            assertThat(trace.event(reaction.parent()).node()).isZero();
        });
        TraceEvent originated = sends.stream().filter(e -> ((Num) e.payload()).value() == 7).findFirst().orElseThrow();
        assertThat(originated.time()).isEqualTo(7);
        assertThat(trace.kind(originated.parent())).isEqualTo(EventKind.TIMER);
        TraceEvent note = events(sim, EventKind.NOTE).get(0);
        assertThat(trace.kind(note.parent())).isEqualTo(EventKind.FAULT);
        // P2 acknowledges P3's statement but never hears one from P1, which withheld it.
        assertThat(sendsFrom(sim, 1)).extracting(e -> e.peer() + ":" + ((Num) e.payload()).value())
                .containsExactlyInAnyOrder("0:101", "2:101", "2:1102");
        assertThat(sim.processes().get(0).byzantine()).isEqualTo("schemer");
        assertThat(sim.faultyNodes().stream().boxed().toList()).containsExactly(0);
    }

    @Test
    void aRoundAdversaryHearsEachMessageAsItArrivesAndAnswersWithinTheRound() {
        List<String> heardByP1 = new ArrayList<>();
        Scripted.OnRound stateOwnId = (ctx, round, inbox, state) -> {
            if (ctx.self() == 0) {
                inbox.forEach(d -> heardByP1.add("round " + round + ": " + d.from() + " said " + ((Num) d.message()).value()));
            }
            if (round == 1) {
                ctx.broadcast(new Num(ctx.self()));
            }
        };
        Adversary rushing = new Adversary() {
            @Override
            public void onMessage(AdversaryContext ctx, int from, Message message) {
                ctx.send(from, new Num(10 + ((Num) message).value()));
            }
        };
        Protocol protocol = Scripted.rounds(2, stateOwnId, inbox -> { }, new BehaviourSpec("rushing", "answers at once", p -> rushing));

        Simulation sim = Scripted.run(protocol, 3, List.of(turn(0, 2, "rushing")));

        assertThat(heardByP1).containsExactlyInAnyOrder("round 2: 1 said 1", "round 2: 2 said 10");
        List<TraceEvent> answers = sendsFrom(sim, 2);
        assertThat(answers).hasSize(2).allSatisfy(answer -> {
            assertThat(answer.round()).isEqualTo(1);
            assertThat(sim.trace().kind(answer.parent())).isEqualTo(EventKind.DELIVER);
        });
        assertThat(events(sim, EventKind.DELIVER)).filteredOn(e -> e.peer() == 2)
                .extracting(e -> e.node() + ":" + ((Num) e.payload()).value() + " in round " + e.round())
                .containsExactlyInAnyOrder("0:10 in round 1", "1:11 in round 1");
    }

    @Test
    void turningInTheMiddleOfAHandlerCutsTheHonestHandlerThere() {
        Adversary oneLie = new Adversary() {
            @Override
            public void onTakeover(AdversaryContext ctx) {
                ctx.send(3, new Num(99));
            }
        };
        Scripted.Async broadcastOnce = Scripted.Async.onStart((ctx, s) -> {
            if (ctx.self() == 0) {
                ctx.broadcast(new Num(1));
            }
        });
        Protocol protocol = Scripted.async(broadcastOnce, new BehaviourSpec("one-lie", "one lie", p -> oneLie));

        // Event 0 is P1's first honest SEND; the fault lands before event 1, inside the same broadcast.
        Simulation sim = Scripted.run(protocol, 4, List.of(turn(0, 0, "one-lie").atEvent(1)));

        List<TraceEvent> sends = sendsFrom(sim, 0);
        assertThat(sends).extracting(e -> e.peer() + ":" + ((Num) e.payload()).value()).containsExactly("1:1", "3:99");
        assertThat(sim.trace().kind(sends.get(1).parent())).isEqualTo(EventKind.FAULT);
    }

    @Test
    void aClientRequestToAByzantineNodeReachesItsAdversary() {
        Adversary gossip = new Adversary() {
            @Override
            public void onRequest(AdversaryContext ctx, Request request) {
                ctx.send(1, new Num(request.id()));
                ctx.send(2, new Num(-request.id()));
            }
        };
        Protocol protocol = Scripted.async(Scripted.Async.onStart((ctx, s) -> { }), new BehaviourSpec("gossip", "gossips", p -> gossip));

        Simulation sim = Scripted.run(protocol, 3, List.of(turn(0, 0, "gossip"),
                Fault.at(5, FaultKind.REQUEST, 0, Map.of("command", "x=5"))));

        List<TraceEvent> sends = sendsFrom(sim, 0);
        assertThat(sends).extracting(e -> e.peer() + ":" + ((Num) e.payload()).value()).containsExactly("1:1", "2:-1");
        assertThat(sends).allSatisfy(e -> assertThat(sim.trace().kind(e.parent())).isEqualTo(EventKind.REQUEST));
    }

    /** Every 5 ticks each loyal process broadcasts the time; the behaviours negate it or fall silent. */
    private static final Scripted.Async TICKER = Scripted.Async.onStart((ctx, s) -> ctx.setTimer("tick", 5))
            .onTimer((ctx, t) -> {
                ctx.broadcast(new Num((int) ctx.now()));
                ctx.setTimer("tick", 5);
            })
            .onRecover((ctx, s) -> ctx.setTimer("tick", 5));

    private static final BehaviourSpec NEGATE = new BehaviourSpec("negate", "says the opposite",
            p -> Adversary.rewriting((ctx, to, m) -> new Num(-((Num) m).value())));

    @Test
    void aByzantineNodeThatRecoversRunsItsFreshHonestProcessUnderTheSameAdversary() {
        Protocol protocol = Scripted.async(TICKER, NEGATE);

        Simulation sim = Scripted.run(protocol, 2, List.of(turn(0, 0, "negate"), Fault.at(12, FaultKind.CRASH, 0),
                Fault.at(50, FaultKind.RECOVER, 0)), NetworkSpec.reliable(), HUNDRED_TICKS);

        List<TraceEvent> sends = sendsFrom(sim, 0);
        assertThat(sends).filteredOn(e -> e.time() > 50).isNotEmpty()
                .allSatisfy(e -> assertThat(((Num) e.payload()).value()).isEqualTo(-(int) e.time()));
        assertThat(sends).filteredOn(e -> e.time() < 50).extracting(TraceEvent::time).containsExactly(5L, 10L);
        assertThat(sim.processes().get(0).byzantine()).isEqualTo("negate");
    }

    @Test
    void aLaterBehaviourReplacesTheEarlierOne() {
        Protocol protocol = Scripted.async(TICKER, NEGATE, new BehaviourSpec("silent", "says nothing", p -> new Adversary() { }));

        Simulation sim = Scripted.run(protocol, 2, List.of(turn(0, 0, "negate"), turn(32, 0, "silent")),
                NetworkSpec.reliable(), HUNDRED_TICKS);

        assertThat(sendsFrom(sim, 0)).extracting(e -> ((Num) e.payload()).value()).containsExactly(-5, -10, -15, -20, -25, -30);
        assertThat(sim.processes().get(0).byzantine()).isEqualTo("silent");
    }
}

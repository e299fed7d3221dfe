package dev.faultlab.protocols.omcast;

import dev.faultlab.sim.Delay;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.PropertyStatus;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static dev.faultlab.protocols.omcast.OmcastRuns.dump;
import static dev.faultlab.protocols.omcast.OmcastRuns.params;
import static dev.faultlab.protocols.omcast.OmcastRuns.run;
import static dev.faultlab.protocols.omcast.OmcastRuns.status;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inside the model, every ordering keeps what it promises under random delays, reordering (where the ordering does
 * not rely on FIFO links), duplication and a crashed member; with a reliable network and no crash every message is
 * delivered everywhere. Outside it, FIFO-only multicast breaks causal order, and the causal monitor names a
 * delivery that causally preceded the message and the delivery that came too early.
 */
class OmcastProperties {

    @Provide
    Arbitrary<Ordering> orderings() {
        return Arbitraries.of(Ordering.values());
    }

    @Property(tries = 150)
    void everyOrderingKeepsItsPromisesUnderDelaysReorderingDuplicationAndACrash(@ForAll("orderings") Ordering ordering,
                                                                               @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                                               @ForAll boolean crash) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 2 + random.nextInt(4);
        Recipe recipe = workload(random, ordering, n, seed)
                .withNetwork(new NetworkSpec(Delay.uniform(1, 1 + random.nextInt(20)), 0, random.nextDouble() * 0.2,
                        ordering == Ordering.LAMPORT, List.of()));
        if (crash) {
            recipe = recipe.withFaults(List.of(Fault.at(random.nextInt(60), FaultKind.CRASH, random.nextInt(n))));
        }
        Simulation sim = run(recipe);

        Recipe shown = recipe;
        for (String property : promised(ordering)) {
            PropertyStatus.Change change = status(sim, property);
            assertThat(change.status()).as(() -> property + ": " + change.violation() + "\n" + shown + "\n" + dump(sim))
                    .isEqualTo(PropertyStatus.Status.HOLDS);
        }
        if (!crash) {
            assertThat(status(sim, AllDelivered.NAME).status()).as(() -> status(sim, AllDelivered.NAME).violation() + "\n" + shown)
                    .isEqualTo(PropertyStatus.Status.HOLDS);
        }
    }

    @Property(tries = 100)
    void whenFifoOnlyBreaksCausalityTheMonitorNamesTheCauseAndTheEarlyDelivery(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        Simulation sim = run(chained("fifo", seed));
        Monitor.Violation violation = status(sim, CausalOrder.NAME).violation();
        if (violation == null) {
            return;
        }
        TraceEvent cause = sim.trace().event(violation.witnesses().get(0));
        TraceEvent early = sim.trace().event(violation.witnesses().get(1));
        Delivered message = delivered(early);
        Delivered before = delivered(cause);
        // The cause is the origin of the early message taking in an earlier message, before it multicast its own.
        assertThat(cause.node()).isEqualTo(message.id().origin());
        assertThat(cause.seq()).isLessThan(multicastAt(sim, message.id()));
        // The early delivery happened while its cause was not yet delivered there.
        assertThat(deliveredBefore(sim, early.node(), before.id(), early.seq())).isFalse();
        assertThat(violation.explanation()).startsWith(label(early.node()) + " delivered " + message.id().name() + " without having delivered "
                + before.id().name());
    }

    @Example
    void fifoOnlyBreaksCausalityOnSomeScheduleWhileCausalNeverDoes() {
        int broken = 0;
        for (long seed = 1; seed <= 40; seed++) {
            if (status(run(chained("fifo", seed)), CausalOrder.NAME).status() == PropertyStatus.Status.VIOLATED) {
                broken++;
            }
            assertThat(status(run(chained("causal", seed)), CausalOrder.NAME).status()).isEqualTo(PropertyStatus.Status.HOLDS);
        }
        assertThat(broken).isGreaterThan(5);
    }

    /** Members multicast one after another, each once it delivered the one before: a causal chain, on a reordering network. */
    private static Recipe chained(String ordering, long seed) {
        List<List<Integer>> multicasts = new ArrayList<>();
        multicasts.add(List.of(0, 0));
        for (int k = 1; k < 4; k++) {
            multicasts.add(List.of(k % 3, 0, k));
        }
        return Recipe.of(OrderedMulticast.ID, params("n", 4, "ordering", ordering, "multicasts", multicasts), seed)
                .withNetwork(new NetworkSpec(Delay.uniform(1, 15), 0, 0, false, List.of()));
    }

    private static Recipe workload(SplittableRandom random, Ordering ordering, int n, long seed) {
        return Recipe.of(OrderedMulticast.ID, params("n", n, "ordering", ordering.id(), "count", 1 + random.nextInt(3),
                "spread", random.nextInt(40), "sequencers", 1 + random.nextInt(3), "tokenHold", 1 + random.nextInt(8)), seed);
    }

    private static List<String> promised(Ordering ordering) {
        List<String> promised = new ArrayList<>();
        if (ordering.fifo()) {
            promised.add(FifoOrder.NAME);
        }
        if (ordering.causal()) {
            promised.add(CausalOrder.NAME);
        }
        if (ordering.total()) {
            promised.add(TotalOrder.NAME);
        }
        return promised;
    }

    private static Delivered delivered(TraceEvent event) {
        assertThat(event.kind()).isEqualTo(EventKind.OUTPUT);
        return (Delivered) ((Output.Deliver) Output.of(event)).message();
    }

    private static int multicastAt(Simulation sim, MsgId id) {
        return sim.trace().events().stream().filter(e -> e.node() == id.origin() && Output.of(e) instanceof Output.Deliver d
                && ((Delivered) d.message()).id().equals(id)).mapToInt(TraceEvent::seq).findFirst().orElseThrow();
    }

    private static boolean deliveredBefore(Simulation sim, int node, MsgId id, int seq) {
        return sim.trace().events().stream().anyMatch(e -> e.seq() < seq && e.node() == node && Output.of(e) instanceof Output.Deliver d
                && ((Delivered) d.message()).id().equals(id));
    }

    private static String label(int node) {
        return "P" + (node + 1);
    }
}

package dev.faultlab.protocols.virtualsynchrony;

import dev.faultlab.check.Verdict;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.Recipe;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.faultlab.protocols.virtualsynchrony.GroupSchedules.dump;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inside the model (the flush on, crashes during multicasts and flushes, joins and leaves, random delays over
 * reliable FIFO links) view synchrony and the variant's ordering always hold; with the flush switched off a sender
 * that crashes part-way through a multicast breaks view synchrony, and the monitor names the message and the views.
 */
class VirtualSynchronyProperties {

    @Property(tries = 400)
    void withTheFlushEveryVariantKeepsViewSynchronyAndItsOrderUnderCrashesDuringMulticasts(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        Recipe recipe = GroupSchedules.random(seed, true);
        GroupRuns.Watched watched = GroupRuns.watch(recipe, Protocols.registry());

        Statistics.label("views installed").collect(watched.run().trace().events().stream()
                .filter(e -> Output.of(e) instanceof Output.ViewInstalled v && v.view() > 1).map(e -> ((Output.ViewInstalled) Output.of(e)).view())
                .max(Long::compare).orElse(1L));
        Statistics.label("flush copies").collect(watched.run().trace().events().stream()
                .anyMatch(e -> e.kind() == EventKind.SEND && e.payload() instanceof Data d && d.id().origin() != e.node()));
        for (Verdict verdict : watched.verdicts()) {
            assertThat(verdict.holds()).as(() -> verdict.explanation() + "\n" + recipe + "\n" + dump(watched.run())).isTrue();
        }
        assertThat(watched.run().endReason().code()).isEqualTo("completed");
    }

    @Property(tries = 60)
    void withoutTheFlushASenderCrashingMidMulticastBreaksViewSynchrony(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                                      @ForAll @IntRange(min = 3, max = 6) int n,
                                                                      @ForAll @IntRange(min = 0, max = 5) int variant) {
        // A sender other than P1 (the atomic variants' sequencer) reaches P1 and not the last process, then crashes.
        int sender = 1 + (int) (seed % (n - 1));
        int unreached = sender == n - 1 ? n - 2 : n - 1;
        List<Integer> reaches = new ArrayList<>();
        for (int node = 0; node < n; node++) {
            if (node != sender && node != unreached && (node == 0 || (seed >> node) % 2 == 0)) {
                reaches.add(node);
            }
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("n", n);
        params.put("variant", Variant.values()[variant].id());
        params.put("flush", false);
        params.put("multicasts", List.of(List.of(sender, 12), List.of(0, 40)));
        Recipe recipe = Recipe.of(VirtualSynchrony.ID, params, seed)
                .withFaults(List.of(Fault.at(12, FaultKind.CRASH, sender, Map.of("reaches", reaches))));
        GroupRuns.Watched watched = GroupRuns.watch(recipe, Protocols.registry());

        Verdict synchrony = watched.viewSynchrony();
        String message = new MessageId(sender, 1).label();
        assertThat(synchrony.holds()).as(() -> recipe + "\n" + dump(watched.run())).isFalse();
        assertThat(synchrony.explanation()).contains(message).contains("view 1").contains("view 2");
        assertThat(GroupRuns.watch(GroupRuns.withFlush(recipe, true), Protocols.registry()).viewSynchrony().holds()).isTrue();
    }
}

package dev.faultlab.protocols.virtualsynchrony;

import dev.faultlab.sim.Delay;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Random groups, workloads and crash schedules for the property tests, and a trace dump for their failures. */
final class GroupSchedules {
    private GroupSchedules() {
    }

    /**
     * A group of 3 to 5 of a random variant, perhaps with one or two joiners and a leaver, random multicasts, and up to n-2
     * crashes, most of them in the middle of a multicast; a network with random delays (shorter than the timeout),
     * reliable and FIFO.
     */
    static Recipe random(long seed, boolean flush) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 3 + random.nextInt(3);
        List<String> variants = Variant.ids();
        List<Integer> joinAt = new ArrayList<>(Collections.nCopies(n, 0));
        List<Integer> leaveAt = new ArrayList<>(Collections.nCopies(n, 0));
        if (random.nextBoolean()) {
            joinAt.set(n - 1, 20 + random.nextInt(60));
            if (n > 3 && random.nextBoolean()) {
                joinAt.set(n - 2, 20 + random.nextInt(60));
            }
        }
        if (random.nextBoolean()) {
            leaveAt.set(1, 90 + random.nextInt(40));
        }
        List<List<Integer>> multicasts = new ArrayList<>();
        int count = 3 + random.nextInt(8);
        for (int i = 0; i < count; i++) {
            multicasts.add(List.of(random.nextInt(n), 5 + random.nextInt(120)));
        }
        List<Fault> crashes = new ArrayList<>();
        int faults = random.nextInt(n - 1);
        for (int i = 0; i < faults; i++) {
            List<Integer> multicast = multicasts.get(random.nextInt(multicasts.size()));
            int node = multicast.get(0);
            if (random.nextInt(4) == 0) {
                crashes.add(Fault.at(random.nextInt(150), FaultKind.CRASH, node));
            } else {
                List<Integer> reaches = new ArrayList<>();
                for (int other = 0; other < n; other++) {
                    if (other != node && random.nextBoolean()) {
                        reaches.add(other);
                    }
                }
                crashes.add(Fault.at(multicast.get(1), FaultKind.CRASH, node, Map.of("reaches", reaches)));
            }
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("n", n);
        params.put("variant", variants.get(random.nextInt(variants.size())));
        params.put("flush", flush);
        params.put("multicasts", multicasts);
        params.put("joinAt", joinAt);
        params.put("leaveAt", leaveAt);
        params.put("runFor", 300);
        return Recipe.of(VirtualSynchrony.ID, params, seed).withFaults(crashes)
                .withNetwork(new NetworkSpec(Delay.uniform(1, 1 + random.nextInt(6)), 0, 0, true));
    }

    /** The trace without heartbeats and their timers, for a failing assertion's description. */
    static String dump(Simulation sim) {
        StringBuilder text = new StringBuilder();
        for (TraceEvent e : sim.trace().events()) {
            if (e.payload() instanceof Heartbeat || e.kind() == EventKind.TIMER && Member.TICK.equals(e.detail())) {
                continue;
            }
            text.append(e.seq()).append(" t=").append(e.time()).append(' ').append(e.kind()).append(" P").append(e.node() + 1)
                    .append(e.peer() >= 0 ? " peer P" + (e.peer() + 1) : "").append(' ').append(e.payload())
                    .append(e.detail() == null ? "" : " (" + e.detail() + ")").append('\n');
        }
        return text.toString();
    }
}

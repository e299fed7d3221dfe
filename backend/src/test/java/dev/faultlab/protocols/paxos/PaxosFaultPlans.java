package dev.faultlab.protocols.paxos;

import dev.faultlab.sim.Delay;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.NetworkSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random fault plans inside the crash-recovery model of both Paxos protocols: crashes (mid-handler too) and
 * recoveries, send and receive omissions, timing faults (slow messages, slow timers: false suspicions), partitions
 * and cut links, all before {@code horizon}; and lossy, duplicating, reordering networks.
 */
final class PaxosFaultPlans {
    private PaxosFaultPlans() {
    }

    static List<Fault> plan(SplittableRandom random, int nodes, int faults, int horizon) {
        List<Fault> plan = new ArrayList<>();
        for (int i = 0; i < faults; i++) {
            long at = random.nextInt(horizon);
            int node = random.nextInt(nodes);
            int duration = 20 + random.nextInt(200);
            switch (random.nextInt(6)) {
                case 0 -> {
                    plan.add(random.nextBoolean() ? Fault.at(at, FaultKind.CRASH, node)
                            : Fault.at(at, FaultKind.CRASH, node, Map.of("afterSends", random.nextInt(3))));
                    if (random.nextInt(4) > 0) {
                        plan.add(Fault.at(at + 1 + random.nextInt(300), FaultKind.RECOVER, node));
                    }
                }
                case 1 -> plan.add(Fault.at(at, random.nextBoolean() ? FaultKind.SEND_OMISSION : FaultKind.RECEIVE_OMISSION, node,
                        Map.of("probability", 0.3 + random.nextDouble() * 0.7, "duration", duration)));
                case 2 -> plan.add(Fault.at(at, FaultKind.TIMING, node, random.nextBoolean()
                        ? Map.of("extraDelay", 10 + random.nextInt(150), "duration", duration)
                        : Map.of("timerFactor", 2 + random.nextInt(8), "duration", duration)));
                case 3 -> {
                    List<Integer> group = new ArrayList<>();
                    for (int s = 0; s < nodes; s++) {
                        if (random.nextBoolean()) {
                            group.add(s);
                        }
                    }
                    plan.add(Fault.network(at, FaultKind.PARTITION, Map.of("groups", List.of(group))));
                    plan.add(Fault.network(at + duration, FaultKind.HEAL, Map.of()));
                }
                default -> {
                    int other = (node + 1 + random.nextInt(nodes - 1)) % nodes;
                    plan.add(Fault.at(at, FaultKind.LINK_DOWN, node, Map.of("to", other)));
                    plan.add(Fault.at(at + duration, FaultKind.LINK_UP, node, Map.of("to", other)));
                }
            }
        }
        plan.sort(Comparator.comparingLong(Fault::at));
        return plan;
    }

    static NetworkSpec lossy(SplittableRandom random) {
        return new NetworkSpec(Delay.uniform(1, 1 + random.nextInt(10)), random.nextDouble() * 0.3, random.nextDouble() * 0.1, false);
    }
}

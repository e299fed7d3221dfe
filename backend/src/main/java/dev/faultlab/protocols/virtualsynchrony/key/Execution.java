package dev.faultlab.protocols.virtualsynchrony.key;

import dev.faultlab.key.KeyException;
import dev.faultlab.protocols.virtualsynchrony.VirtualSynchrony;
import dev.faultlab.sim.Delay;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.LinkSpec;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.Recipe;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lecture's four executions of a group (p, q, r) = (P1, P2, P3) in which p multicasts m at t=12 and crashes
 * there: (a) m reaches nobody; (b) m reaches q and r; (c) m reaches q only, and the flush is off; (d) m reaches
 * both but reaches r late, over a slow link, and the flush is off. Each is run with reliable multicast, as the
 * lecture draws it (in an atomic variant q could not deliver m without the crashed sequencer's order), and the view
 * synchrony monitor says whether it is allowed.
 */
enum Execution {
    A("a", List.of(), true, false),
    B("b", List.of(1, 2), true, false),
    C("c", List.of(1), false, false),
    D("d", List.of(1, 2), false, true);

    static final int AT = 12;
    static final int SLOW = 30;

    private final String id;
    private final List<Integer> reaches;
    private final boolean flush;
    private final boolean slowToR;

    Execution(String id, List<Integer> reaches, boolean flush, boolean slowToR) {
        this.id = id;
        this.reaches = reaches;
        this.flush = flush;
        this.slowToR = slowToR;
    }

    static Execution of(Map<String, Object> args, String field) {
        Object given = args.get("case");
        return Arrays.stream(values()).filter(e -> e.id.equals(given)).findFirst()
                .orElseThrow(() -> new KeyException(field + ".case", "must be one of a, b, c, d, got " + given));
    }

    /** This execution's run, with reliable multicast as in the lecture's figure. */
    Recipe recipe() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("n", 3);
        params.put("variant", "reliable");
        params.put("flush", flush);
        params.put("multicasts", List.of(List.of(0, AT)));
        params.put("runFor", 100);
        NetworkSpec network = slowToR ? NetworkSpec.reliable().withLinks(List.of(new LinkSpec(0, 2, Delay.constant(SLOW), null)))
                : NetworkSpec.reliable();
        return Recipe.of(VirtualSynchrony.ID, params, 1)
                .withFaults(List.of(Fault.at(AT, FaultKind.CRASH, 0, Map.of("reaches", reaches))))
                .withNetwork(network);
    }

    String id() {
        return id;
    }

    String story() {
        String reached = reaches.isEmpty() ? "nobody" : reaches.size() == 1 ? "q (P2) only" : "q and r (P2 and P3)";
        return "p (P1) multicasts m = P1#1 at t=" + AT + ", reaching " + reached + ", and crashes"
                + (slowToR ? "; m travels to r over a link that takes " + SLOW + " ticks" : "")
                + (flush ? "; the members flush before installing the next view" : "; the flush is switched off");
    }
}

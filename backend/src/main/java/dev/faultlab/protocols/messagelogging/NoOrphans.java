package dev.faultlab.protocols.messagelogging;

import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * No orphan processes: no process ever depends on a state interval that a recovery lost. Pessimistic logging
 * promises it; under optimistic logging a crash that loses an unlogged message the process acted on breaks it,
 * and the violation names every orphan with the events where it came to depend on the lost interval and where
 * the loss was announced.
 */
public final class NoOrphans implements Monitor {
    public static final String NAME = "no orphan processes";

    private final OrphanWatch watch = new OrphanWatch();
    private Violation violation;

    @Override
    public String property() {
        return NAME;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        watch.onEvent(event, states);
        if (violation != null) {
            return;
        }
        List<OrphanWatch.Orphan> orphans = watch.orphans();
        if (orphans.isEmpty()) {
            return;
        }
        List<Integer> witnesses = new ArrayList<>();
        for (OrphanWatch.Orphan orphan : orphans) {
            witnesses.add(orphan.dependedAt());
            witnesses.add(orphan.lostAt());
        }
        violation = new Violation(NAME, event.seq(), orphans.stream().map(OrphanWatch.Orphan::explain)
                .collect(Collectors.joining("; ")), witnesses.stream().distinct().sorted().toList());
    }

    @Override
    public Violation violation() {
        return violation;
    }

    @Override
    public String holding() {
        return "no process depends on an interval a recovery lost";
    }
}

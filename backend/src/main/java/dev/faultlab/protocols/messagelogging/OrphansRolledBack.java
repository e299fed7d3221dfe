package dev.faultlab.protocols.messagelogging;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Orphans rolled back: by the end of the run no process that is up is still an orphan. Optimistic logging may make
 * orphans, and recovery must roll them back to a state without the lost dependency; with rolling back switched
 * off they carry on, and this fails naming them.
 */
public final class OrphansRolledBack implements Monitor {
    public static final String NAME = "orphans rolled back";

    private final OrphanWatch watch = new OrphanWatch();
    private Violation violation;

    @Override
    public String property() {
        return NAME;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        watch.onEvent(event, states);
        if (event.kind() != EventKind.END || violation != null) {
            return;
        }
        List<OrphanWatch.Orphan> left = watch.orphans();
        if (left.isEmpty()) {
            return;
        }
        List<Integer> witnesses = new ArrayList<>();
        left.forEach(o -> {
            witnesses.add(o.dependedAt());
            witnesses.add(o.lostAt());
        });
        violation = new Violation(NAME, event.seq(), "still an orphan at the end: " + left.stream().map(OrphanWatch.Orphan::explain)
                .collect(Collectors.joining("; ")), witnesses.stream().distinct().sorted().toList());
    }

    @Override
    public Violation violation() {
        return violation;
    }

    @Override
    public boolean judgedAtEnd() {
        return true;
    }

    @Override
    public String holding() {
        List<Integer> ever = watch.everOrphans();
        return ever.isEmpty() ? "no process was ever an orphan" : ProcessLabel.listed(ever) + (ever.size() == 1 ? " was an orphan and rolled back" : " were orphans and rolled back");
    }
}

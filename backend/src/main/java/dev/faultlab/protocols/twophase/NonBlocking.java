package dev.faultlab.protocols.twophase;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.ProcessStatus;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Non-blocking, judged when the run ends: no participant is left up, in READY, unable to learn the decision
 * ({@link Blocking}, which it reads the processes' logs for at the END event). It remembers as it goes the events
 * a verdict names: each process's last crash, last state change and last "blocked" note.
 */
public final class NonBlocking implements Monitor {
    private final int coordinator;
    private final Map<Integer, Integer> lastCrash = new HashMap<>();
    private final Map<Integer, Integer> lastState = new HashMap<>();
    private final Map<Integer, Integer> lastBlockedNote = new HashMap<>();
    /** Times of the crashes remembered; looked up by event. */
    private final Map<Integer, Long> crashTimes = new HashMap<>();
    private BlockingReport report;
    private Violation violation;

    NonBlocking(int coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public String property() {
        return Blocking.NAME;
    }

    @Override
    public boolean judgedAtEnd() {
        return true;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        switch (event.kind()) {
            case CRASH -> {
                lastCrash.put(event.node(), event.seq());
                crashTimes.put(event.seq(), event.time());
            }
            case STATE -> lastState.put(event.node(), event.seq());
            case NOTE -> {
                if (String.valueOf(event.payload()).startsWith(Blocking.BLOCKED_NOTE)) {
                    lastBlockedNote.put(event.node(), event.seq());
                }
            }
            case END -> judge(event, states);
            default -> {
            }
        }
    }

    private void judge(TraceEvent end, States states) {
        List<ProcessStatus> processes = new ArrayList<>(states.count());
        for (int node = 0; node < states.count(); node++) {
            processes.add(states.status(node));
        }
        report = Blocking.judge(coordinator, processes, new Blocking.History() {
            @Override
            public int last(int node, EventKind kind, String prefix) {
                Map<Integer, Integer> remembered = switch (kind) {
                    case CRASH -> lastCrash;
                    case STATE -> lastState;
                    case NOTE -> lastBlockedNote;
                    default -> throw new IllegalArgumentException("not remembered: " + kind);
                };
                return remembered.getOrDefault(node, -1);
            }

            @Override
            public long time(int seq) {
                return crashTimes.get(seq);
            }
        });
        violation = report.isBlocked() ? new Violation(Blocking.NAME, end.seq(), report.explanation(), report.witnesses()) : null;
    }

    @Override
    public Violation violation() {
        return violation;
    }

    @Override
    public String holding() {
        return report == null ? "the run has not ended: blocking is judged at its end" : report.explanation();
    }
}

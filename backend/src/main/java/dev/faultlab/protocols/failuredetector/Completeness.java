package dev.faultlab.protocols.failuredetector;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * Strong completeness, judged when the run ends: every crashed process is suspected by every process that is
 * up. A crash the run stopped watching too soon to notice (the observer's deadline for the crashed process's
 * next heartbeat lies past {@code runFor}) is left out, and says so.
 */
public final class Completeness implements Monitor {
    public static final String NAME = "completeness";

    private final Suspicions board;
    private final int runFor;
    private Violation violation;
    private String holding = "no process has crashed yet";

    Completeness(DetectorConfig config) {
        this.board = new Suspicions(config);
        this.runFor = config.runFor();
    }

    @Override
    public String property() {
        return NAME;
    }

    @Override
    public boolean judgedAtEnd() {
        return true;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        board.read(event);
        if (event.kind() == EventKind.END) {
            judge(event);
        }
    }

    private void judge(TraceEvent end) {
        List<Integer> crashed = new ArrayList<>();
        List<String> unjudged = new ArrayList<>();
        for (int peer = 0; peer < board.n(); peer++) {
            if (board.up(peer)) {
                continue;
            }
            crashed.add(peer);
            for (int observer = 0; observer < board.n(); observer++) {
                if (observer == peer || !board.up(observer) || board.suspects(observer, peer)) {
                    continue;
                }
                long deadline = board.lastHeard(observer, peer) + board.timeout(observer, peer);
                if (deadline > runFor) {
                    unjudged.add(ProcessLabel.of(observer) + " on " + ProcessLabel.of(peer) + " (deadline t=" + deadline + ")");
                } else if (violation == null) {
                    violation = new Violation(NAME, end.seq(), ProcessLabel.of(peer) + " crashed at t=" + board.crashedAt(peer) + " but "
                            + ProcessLabel.of(observer) + " does not suspect it at the end, though its timeout ran out at t=" + deadline,
                            List.of(board.crashSeq(peer), end.seq()));
                }
            }
        }
        holding = crashed.isEmpty() ? "no process crashed"
                : "every process that is up suspects " + ProcessLabel.listed(crashed)
                + (unjudged.isEmpty() ? "" : ", except where the run stopped watching before the deadline: " + String.join(", ", unjudged));
    }

    @Override
    public Violation violation() {
        return violation;
    }

    @Override
    public String holding() {
        return holding;
    }
}

package dev.faultlab.protocols.twophase.key;

import dev.faultlab.key.GridReasons;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.twophase.DecisionReply;
import dev.faultlab.protocols.twophase.RecoveryTable;
import dev.faultlab.protocols.twophase.State;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.Trace;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.List;

/** Why each row of the recovery table holds its action (the lecture's reasoning), and where runs use it. */
final class TwoPhaseExplained {
    private TwoPhaseExplained() {
    }

    static String why(State q) {
        return switch (q) {
            case COMMIT -> "Q in COMMIT has received the coordinator's decision";
            case ABORT -> "Q in ABORT knows the transaction was aborted";
            case INIT -> "Q in INIT never voted, so the coordinator cannot have decided to commit";
            case READY -> "Q in READY knows no more than P does";
            default -> "a participant is never in " + q;
        };
    }

    static GridReasons reasons() {
        return new GridReasons() {
            @Override
            public String cell(String cell) {
                return why(State.valueOf(cell.substring(0, cell.indexOf('/'))));
            }

            @Override
            public String row(String row) {
                return why(State.valueOf(row));
            }
        };
    }

    /** Each row with the replies in the reference run where a READY participant learned that state. */
    static Solution solution(Simulation run, List<State> rows) {
        Trace trace = run.trace();
        List<Solution.Step> steps = new ArrayList<>();
        for (State q : rows) {
            List<Integer> events = new ArrayList<>();
            for (int seq = 0; seq < trace.size(); seq++) {
                TraceEvent event = trace.event(seq);
                if (event.kind() == EventKind.DELIVER && event.payload() instanceof DecisionReply reply && reply.state() == q) {
                    events.add(seq);
                }
            }
            steps.add(new Solution.Step("Q is in " + q.name(), why(q) + ", so P's action is " + RecoveryTable.actionFor(q).name() + "."
                    + (events.isEmpty() ? " No participant received this answer in this run." : " This run has "
                    + events.size() + (events.size() == 1 ? " such answer." : " such answers.")), events));
        }
        return new Solution(steps);
    }
}

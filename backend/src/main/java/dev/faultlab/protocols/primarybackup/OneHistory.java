package dev.faultlab.protocols.primarybackup;

import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Clients see one history: the answers they get, whichever primary gave them, fit one sequence of updates. Two
 * answers for the same position must name the same update, and an answer whose operation is deterministic must
 * give the value that operation makes of the answer one position before it.
 */
public final class OneHistory implements Monitor {
    public static final String NAME = "clients see one history";

    private final Map<Integer, Answer> answers = new TreeMap<>();
    private int replies;
    private Violation violation;

    private record Answer(Update update, int by, int seq) {
    }

    @Override
    public String property() {
        return NAME;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        if (violation != null || !(Output.of(event) instanceof Output.Reply reply) || !(reply.result() instanceof Update update)) {
            return;
        }
        replies++;
        Answer answer = new Answer(update, event.node(), event.seq());
        Answer same = answers.get(update.position());
        if (same != null) {
            if (!same.update().equals(update)) {
                violation = broken(same, answer, "both at #" + update.position());
            }
            return;
        }
        answers.put(update.position(), answer);
        Answer before = answers.get(update.position() - 1);
        Answer after = answers.get(update.position() + 1);
        if (before != null && !follows(before.update(), update)) {
            violation = broken(before, answer, "x=" + before.update().value() + " then " + update.op() + " gives x="
                    + Operation.parse(update.op()).apply(before.update().value(), 0) + ", not x=" + update.value());
        } else if (after != null && !follows(update, after.update())) {
            violation = broken(answer, after, "x=" + update.value() + " then " + after.update().op() + " gives x="
                    + Operation.parse(after.update().op()).apply(update.value(), 0) + ", not x=" + after.update().value());
        }
    }

    private static boolean follows(Update earlier, Update later) {
        Operation op = Operation.parse(later.op());
        return !op.deterministic() || op.apply(earlier.value(), 0) == later.value();
    }

    private Violation broken(Answer first, Answer second, String why) {
        return new Violation(NAME, Math.max(first.seq(), second.seq()), ProcessLabel.of(first.by()) + " answered "
                + first.update().describe() + " but " + ProcessLabel.of(second.by()) + " answered " + second.update().describe()
                + ": " + why, List.of(first.seq(), second.seq()));
    }

    @Override
    public Violation violation() {
        return violation;
    }

    @Override
    public String holding() {
        return replies == 0 ? "no client answered yet" : "all " + replies + " answers fit one history of " + answers.size() + " updates";
    }
}

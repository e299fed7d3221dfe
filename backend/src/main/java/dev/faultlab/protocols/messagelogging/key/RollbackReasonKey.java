package dev.faultlab.protocols.messagelogging.key;

import dev.faultlab.key.Args;
import dev.faultlab.key.ChoiceKey;
import dev.faultlab.key.KeyException;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.messagelogging.LoggingReading;
import dev.faultlab.protocols.messagelogging.MessageLogging;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.ProcessLabel;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code logging.rollback-reason} ({@code node}): what happens to {@code node} in the reference run and why:
 * {@code crashed} (it crashed itself and recovered from its checkpoint and log), {@code lost-dependency} (it became
 * an orphan and rolled back) or {@code unaffected} (neither).
 */
final class RollbackReasonKey implements ChoiceKey {
    static final String NAME = "logging.rollback-reason";
    static final String CRASHED = "crashed";
    static final String LOST_DEPENDENCY = "lost-dependency";
    static final String UNAFFECTED = "unaffected";
    private static final Spec SPEC = new Spec(NAME, MessageLogging.ID, Set.of("node"));

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void check(Map<String, Object> args, String field) {
        if (Args.integer(args, "node", field) < 0) {
            throw new KeyException(field + ".node", "must be a process id, from 0");
        }
    }

    @Override
    public Set<String> outcomes() {
        return Set.of(CRASHED, LOST_DEPENDENCY, UNAFFECTED);
    }

    @Override
    public Set<String> expected(Reference reference, Map<String, Object> args) {
        int node = Args.integer(args, "node", "answer");
        if (reference.run().trace().events().stream().anyMatch(e -> e.kind() == EventKind.CRASH && e.node() == node)) {
            return Set.of(CRASHED);
        }
        LoggingReading reading = LoggingKeys.reading(reference);
        return Set.of(reading.orphans().contains(node) ? LOST_DEPENDENCY : UNAFFECTED);
    }

    @Override
    public Solution solution(Reference reference, Map<String, Object> args) {
        int node = Args.integer(args, "node", "answer");
        String name = ProcessLabel.of(node);
        String text = switch (expected(reference, args).iterator().next()) {
            case CRASHED -> name + " crashed itself: it restores its checkpoint and replays its log.";
            case LOST_DEPENDENCY -> name + " never crashed, but it acted on a message sent in an interval the crashed process "
                    + "lost: it is an orphan, and rolls back to a state that does not depend on it.";
            default -> name + " depends on nothing the crash lost: it carries on as it was.";
        };
        List<Integer> events = LoggingKeys.reading(reference).recoveries().stream().filter(r -> r.node() == node)
                .map(LoggingReading.Recovery::event).toList();
        return new Solution(List.of(new Solution.Step(name, text, events)));
    }
}

package dev.faultlab.protocols.checkpointing.key;

import dev.faultlab.key.EventsKey;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.checkpointing.Checkpointing;
import dev.faultlab.protocols.checkpointing.Crash;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code checkpointing.recovery-line {crashed}}: the checkpoint events of the recovery line if process {@code crashed}
 * crashed at the end of the reference run: the checkpoint each process restores by the rollback rule (a process
 * that keeps its state contributes none).
 */
final class RecoveryLineKey implements EventsKey {
    static final String NAME = "checkpointing.recovery-line";
    private static final Spec SPEC = new Spec(NAME, Checkpointing.ID, Set.of("crashed"));

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void check(Map<String, Object> args, String field) {
        AtTheEnd.check(args, field);
    }

    @Override
    public List<Integer> expected(Reference reference, Map<String, Object> args) {
        Crash crash = AtTheEnd.crash(reference, args);
        List<Integer> events = new ArrayList<>();
        for (int node = 0; node < crash.line().size(); node++) {
            String label = crash.restores(node);
            if (label != null) {
                events.add(AtTheEnd.checkpointEvent(reference.run().trace(), node, label));
            }
        }
        return events.stream().sorted().toList();
    }

    @Override
    public Solution solution(Reference reference, Map<String, Object> args) {
        return RollbacksKey.explain(reference, AtTheEnd.crash(reference, args));
    }
}

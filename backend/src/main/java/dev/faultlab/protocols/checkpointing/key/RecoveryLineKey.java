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
 * {@code checkpointing.recovery-line}: the checkpoint events of the recovery line after the
 * reference run's first crash: the checkpoint each process restores by the rollback rule (a process
 * that keeps its state contributes none).
 */
final class RecoveryLineKey implements EventsKey {
    static final String NAME = "checkpointing.recovery-line";
    private static final Spec SPEC = new Spec(NAME, Checkpointing.ID, Set.of());

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public List<Integer> expected(Reference reference, Map<String, Object> args) {
        Crash crash = AtTheCrash.crash(reference.run(), reference.registry());
        List<Integer> events = new ArrayList<>();
        for (int node = 0; node < crash.line().size(); node++) {
            String label = crash.restores(node);
            if (label != null) {
                events.add(AtTheCrash.checkpointEvent(reference.run().trace(), node, label));
            }
        }
        return events.stream().sorted().toList();
    }

    @Override
    public Solution solution(Reference reference, Map<String, Object> args) {
        return RollbacksKey.explain(reference, AtTheCrash.crash(reference.run(), reference.registry()));
    }
}

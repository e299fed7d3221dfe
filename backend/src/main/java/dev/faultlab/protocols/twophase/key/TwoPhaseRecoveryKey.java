package dev.faultlab.protocols.twophase.key;

import dev.faultlab.key.Grid;
import dev.faultlab.key.GridKey;
import dev.faultlab.key.GridReasons;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.twophase.RecoveryTable;
import dev.faultlab.protocols.twophase.State;
import dev.faultlab.protocols.twophase.TwoPhaseCommit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code twophase.recovery}: the lecture's table of what a participant P in READY does after learning
 * the state of another participant Q, a row per state of Q. The values are the rule the simulated
 * participants themselves follow when they ask a peer ({@link RecoveryTable}), so the table a student
 * is graded against is the one every 2PC run in the platform obeys.
 */
final class TwoPhaseRecoveryKey implements GridKey {
    static final String NAME = "twophase.recovery";
    private static final List<State> ROWS = List.of(State.COMMIT, State.ABORT, State.INIT, State.READY);

    private static final Spec SPEC = new Spec(NAME, TwoPhaseCommit.ID, Set.of());

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public GridReasons reasons(Reference reference, Map<String, Object> args) {
        return TwoPhaseExplained.reasons();
    }

    @Override
    public Solution solution(Reference reference, Map<String, Object> args) {
        return TwoPhaseExplained.solution(reference.run(), ROWS);
    }

    @Override
    public Grid expected(Reference reference, Map<String, Object> args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (State q : ROWS) {
            values.put(Grid.cell(q.name(), "action"), RecoveryTable.actionFor(q).name());
        }
        return new Grid(ROWS.stream().map(q -> new Grid.Axis(q.name(), "Q is in " + q.name())).toList(),
                List.of(new Grid.Axis("action", "P's action")), values,
                java.util.Arrays.stream(RecoveryTable.Action.values()).map(Enum::name).toList());
    }
}

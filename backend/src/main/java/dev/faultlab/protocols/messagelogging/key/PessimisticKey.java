package dev.faultlab.protocols.messagelogging.key;

import dev.faultlab.key.ChoiceKey;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.messagelogging.LoggingReading;
import dev.faultlab.protocols.messagelogging.MessageLogging;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.Recipe;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code logging.pessimistic}: choice {@code none} or {@code orphans}: whether the reference scenario, played again
 * with pessimistic logging (every message logged before it is acted on), leaves any orphan.
 */
final class PessimisticKey implements ChoiceKey {
    static final String NAME = "logging.pessimistic";
    static final String NONE = "none";
    static final String ORPHANS = "orphans";
    private static final Spec SPEC = new Spec(NAME, MessageLogging.ID, Set.of());

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public Set<String> outcomes() {
        return Set.of(NONE, ORPHANS);
    }

    private static LoggingReading pessimistic(Reference reference) {
        Recipe recipe = reference.run().recipe();
        Map<String, Object> params = new HashMap<>(recipe.params());
        params.put("mode", "pessimistic");
        Recipe again = new Recipe(recipe.protocol(), params, recipe.seed(), recipe.faults(), recipe.network(), recipe.budgets());
        return LoggingReading.of(again, reference.registry());
    }

    @Override
    public Set<String> expected(Reference reference, Map<String, Object> args) {
        return Set.of(pessimistic(reference).orphans().isEmpty() ? NONE : ORPHANS);
    }

    @Override
    public Solution solution(Reference reference, Map<String, Object> args) {
        LoggingReading again = pessimistic(reference);
        String text = again.orphans().isEmpty()
                ? "Played again with pessimistic logging, every message is on stable storage before the process acts on it, so "
                + "the recovery replays everything the others came to depend on: no orphan."
                : "Played again with pessimistic logging, " + ProcessLabel.listed(again.orphans()) + " still became an orphan.";
        return new Solution(List.of(new Solution.Step("The same crash, logged pessimistically", text, List.of())));
    }
}

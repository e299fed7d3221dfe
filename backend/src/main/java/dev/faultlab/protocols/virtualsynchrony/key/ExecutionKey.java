package dev.faultlab.protocols.virtualsynchrony.key;

import dev.faultlab.check.Verdict;
import dev.faultlab.key.ChoiceKey;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.virtualsynchrony.GroupRuns;
import dev.faultlab.protocols.virtualsynchrony.VirtualSynchrony;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code vsync.execution {case}}: "allowed" when the run of the lecture's execution {@code case} (see
 * {@link Execution}) keeps view synchrony, "disallowed" when the monitor finds a message delivered in one view by
 * one correct member and not in that view by another.
 */
final class ExecutionKey implements ChoiceKey {
    static final String NAME = "vsync.execution";
    static final String ALLOWED = "allowed";
    static final String DISALLOWED = "disallowed";

    private static final Spec SPEC = new Spec(NAME, VirtualSynchrony.ID, Set.of("case"));

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void check(Map<String, Object> args, String field) {
        Execution.of(args, field);
    }

    @Override
    public Set<String> outcomes() {
        return Set.of(ALLOWED, DISALLOWED);
    }

    @Override
    public Set<String> expected(Reference reference, Map<String, Object> args) {
        return Set.of(verdict(reference, args).holds() ? ALLOWED : DISALLOWED);
    }

    @Override
    public Solution solution(Reference reference, Map<String, Object> args) {
        Execution execution = Execution.of(args, "answer");
        Verdict verdict = verdict(reference, args);
        return new Solution(List.of(new Solution.Step("Execution " + execution.name().toLowerCase(), execution.story() + ". "
                + (verdict.holds() ? "Allowed: " : "Disallowed: ") + verdict.explanation() + ".", List.of())));
    }

    private static Verdict verdict(Reference reference, Map<String, Object> args) {
        return GroupRuns.watch(Execution.of(args, "answer").recipe(), reference.registry()).viewSynchrony();
    }
}

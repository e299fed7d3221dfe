package dev.faultlab.protocols.pbft.key;

import dev.faultlab.check.Verdict;
import dev.faultlab.key.Args;
import dev.faultlab.key.ChoiceKey;
import dev.faultlab.key.KeyException;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.pbft.Pbft;
import dev.faultlab.protocols.pbft.PbftMonitors;
import dev.faultlab.sim.BehaviourSpec;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Recipe;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code pbft.broken {n, behaviour}}: which of PBFT's properties fail when, with k = 1 and {@code n} replicas, P1
 * runs the Byzantine {@code behaviour} from the start and one client sends a request: the key's own run, with the
 * reference run's seed. Options are {@code same-operation}, {@code progress}, {@code trusted-results}, or
 * {@code none} when all hold. With n = 3 and an equivocating primary, it is the named scenario "n = 3k".
 */
final class PbftBrokenKey implements ChoiceKey {
    static final String NAME = "pbft.broken";
    static final String NONE = "none";
    /** In the order of the monitors' verdicts. */
    private static final List<String> OPTIONS = List.of("same-operation", "progress", "trusted-results");

    private static final Spec SPEC = new Spec(NAME, Pbft.ID, Set.of("n", "behaviour"));

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void check(Map<String, Object> args, String field) {
        int n = Args.integer(args, "n", field);
        if (n < 3 || n > 16) {
            throw new KeyException(field + ".n", "must be from 3 (3k, k = 1) to 16, got " + n);
        }
        if (!(args.get("behaviour") instanceof String behaviour) || new Pbft().behaviours().stream().noneMatch(b -> b.name().equals(behaviour))) {
            throw new KeyException(field + ".behaviour", "must be one of " + new Pbft().behaviours().stream().map(BehaviourSpec::name).toList());
        }
    }

    @Override
    public Set<String> outcomes() {
        Set<String> outcomes = new TreeSet<>(OPTIONS);
        outcomes.add(NONE);
        return outcomes;
    }

    private static PbftMonitors.Watched watch(Reference reference, Map<String, Object> args) {
        Recipe recipe = Recipe.of(Pbft.ID, Map.of("k", 1, "n", Args.integer(args, "n", "answer"), "requests", 1), reference.run().recipe().seed())
                .withFault(new Fault(0L, null, FaultKind.BYZANTINE, 0, Map.of("behaviour", args.get("behaviour"))));
        return PbftMonitors.watch(recipe, reference.registry());
    }

    @Override
    public Set<String> expected(Reference reference, Map<String, Object> args) {
        List<Verdict> verdicts = watch(reference, args).verdicts();
        Set<String> broken = new TreeSet<>();
        for (int i = 0; i < OPTIONS.size(); i++) {
            if (!verdicts.get(i).holds()) {
                broken.add(OPTIONS.get(i));
            }
        }
        return broken.isEmpty() ? Set.of(NONE) : broken;
    }

    @Override
    public Solution solution(Reference reference, Map<String, Object> args) {
        PbftMonitors.Watched watched = watch(reference, args);
        // No event links: the events are those of the key's own run, not of the reference run the page opens.
        return new Solution(watched.verdicts().stream().map(v -> new Solution.Step(v.property() + (v.holds() ? ": holds" : ": violated"),
                v.explanation() + ".", List.of())).toList());
    }
}

package dev.faultlab.protocols.byzantine;

import dev.faultlab.sim.BehaviourSpec;
import dev.faultlab.sim.ByzantineBehaviour;

import java.util.List;
import java.util.Map;

/** The traitors' repertoire, as the catalog lists it and a BYZANTINE fault names it. */
final class Behaviours {
    static final String SILENT = "silent";

    static final List<BehaviourSpec> ALL = List.of(
            new BehaviourSpec(SILENT, "Sends nothing at all; every receiver counts the missing statements as "
                    + Majority.NO_MAJORITY + ".", params -> (from, to, round, original, random) -> null),
            new BehaviourSpec(Equivocate.NAME, Equivocate.DESCRIPTION, Equivocate::from),
            new BehaviourSpec(CorruptRelays.NAME, CorruptRelays.DESCRIPTION, CorruptRelays::from),
            new BehaviourSpec(RandomValues.NAME, RandomValues.DESCRIPTION, RandomValues::from),
            new BehaviourSpec(Scripted.NAME, Scripted.DESCRIPTION, Scripted::from, Lie::check),
            new BehaviourSpec(TwoFaced.NAME, TwoFaced.DESCRIPTION, TwoFaced::from));

    private Behaviours() {
    }

    static boolean exists(Object name) {
        return ALL.stream().anyMatch(spec -> spec.name().equals(name));
    }

    static List<String> namesBesides(String excluded) {
        return ALL.stream().map(BehaviourSpec::name).filter(name -> !name.equals(excluded)).toList();
    }

    static ByzantineBehaviour build(String name, Map<String, Object> params) {
        return ALL.stream().filter(spec -> spec.name().equals(name)).findFirst().orElseThrow().factory().apply(params);
    }
}

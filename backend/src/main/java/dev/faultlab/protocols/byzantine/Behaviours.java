package dev.faultlab.protocols.byzantine;

import dev.faultlab.sim.Adversary;
import dev.faultlab.sim.BehaviourSpec;
import dev.faultlab.sim.RewritingAdversary.Rewrite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The traitors' repertoire, as the catalog lists it and a BYZANTINE fault names it. */
final class Behaviours {
    static final String SILENT = "silent";

    /** A traitor that runs the loyal code and only changes or withholds the messages it sends. */
    private record Lying(String description, Function<Map<String, Object>, Rewrite> factory) {
    }

    /** The lying behaviours by name, in catalog order: what a scripted table may fall back to. */
    private static final Map<String, Lying> LYING = new LinkedHashMap<>();

    static {
        LYING.put(SILENT, new Lying("Sends nothing at all; every receiver counts the missing statements as "
                + Majority.NO_MAJORITY + ".", params -> (ctx, to, honest) -> null));
        LYING.put(Equivocate.NAME, new Lying(Equivocate.DESCRIPTION, Equivocate::from));
        LYING.put(CorruptRelays.NAME, new Lying(CorruptRelays.DESCRIPTION, CorruptRelays::from));
        LYING.put(RandomValues.NAME, new Lying(RandomValues.DESCRIPTION, RandomValues::from));
        LYING.put(TwoFaced.NAME, new Lying(TwoFaced.DESCRIPTION, TwoFaced::from));
    }

    static final List<BehaviourSpec> ALL = List.of(
            lying(SILENT), lying(Equivocate.NAME), lying(CorruptRelays.NAME), lying(RandomValues.NAME),
            new BehaviourSpec(Scripted.NAME, Scripted.DESCRIPTION, params -> Adversary.rewriting(Scripted.from(params)),
                    Lie::check),
            lying(TwoFaced.NAME),
            new BehaviourSpec(Mirror.NAME, Mirror.DESCRIPTION, params -> new Mirror()));

    private Behaviours() {
    }

    private static BehaviourSpec lying(String name) {
        Lying lying = LYING.get(name);
        return new BehaviourSpec(name, lying.description(), params -> Adversary.rewriting(lying.factory().apply(params)));
    }

    /** The names of the behaviours that only change what the loyal code sends, in catalog order. */
    static List<String> lyingNames() {
        return List.copyOf(LYING.keySet());
    }

    /** The rewrite of a lying behaviour, built from the fault's parameters; null if no lying behaviour has the name. */
    static Rewrite lyingRewrite(Object name, Map<String, Object> params) {
        Lying lying = LYING.get(name);
        return lying == null ? null : lying.factory().apply(params);
    }
}

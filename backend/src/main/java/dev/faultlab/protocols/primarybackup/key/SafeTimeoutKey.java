package dev.faultlab.protocols.primarybackup.key;

import dev.faultlab.key.NumberKey;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.primarybackup.PbStates;
import dev.faultlab.protocols.primarybackup.PrimaryBackup;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code primarybackup.safe-timeout}: the smallest backup timeout with which no backup takes over from a primary
 * that never crashed, over {@link #SEEDS} runs of the scenario without its faults, each with other delays drawn
 * within the network's bound. The search tries timeouts upward from 1 tick.
 */
final class SafeTimeoutKey implements NumberKey {
    static final String NAME = "primarybackup.safe-timeout";
    static final int SEEDS = 24;
    private static final int MAX_TIMEOUT = 10_000;
    private static final Spec SPEC = new Spec(NAME, PrimaryBackup.ID, Set.of());

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public double expected(Reference reference, Map<String, Object> args) {
        return reference.reading(Integer.class, SafeTimeoutKey::search);
    }

    @Override
    public Solution solution(Reference reference, Map<String, Object> args) {
        int safe = reference.reading(Integer.class, SafeTimeoutKey::search);
        return new Solution(List.of(new Solution.Step("The search", "With a timeout of " + (safe - 1) + " ticks some run of the "
                + SEEDS + " tried has a backup take over from a live primary: an \"I'm alive\" message came early and the next one "
                + "as late as the delay bound allows. From " + safe + " ticks on none does: the longest silence between two "
                + "messages is the heartbeat period plus the delay bound, less the one tick the earlier message took at best.", List.of())));
    }

    static int search(Reference reference) {
        Recipe scenario = reference.run().recipe().withFaults(List.of());
        for (int timeout = 1; timeout <= MAX_TIMEOUT; timeout++) {
            if (neverFalselySuspects(scenario, timeout, reference.registry())) {
                return timeout;
            }
        }
        return MAX_TIMEOUT;
    }

    private static boolean neverFalselySuspects(Recipe scenario, int timeout, ProtocolRegistry registry) {
        Map<String, Object> params = new LinkedHashMap<>(scenario.params());
        params.put("timeout", timeout);
        for (int i = 0; i < SEEDS; i++) {
            Recipe recipe = new Recipe(scenario.protocol(), params, scenario.seed() + i, List.of(), scenario.network(), scenario.budgets(),
                    List.of());
            Simulation run = Simulation.start(recipe, registry);
            run.runToEnd();
            if (run.trace().events().stream().anyMatch(PbStates::isTakeOver)) {
                return false;
            }
        }
        return true;
    }
}

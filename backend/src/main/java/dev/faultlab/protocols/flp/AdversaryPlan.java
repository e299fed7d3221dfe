package dev.faultlab.protocols.flp;

import dev.faultlab.check.Valency;
import dev.faultlab.check.ValencySearch;
import dev.faultlab.sim.Enabled;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The adversary of the FLP proof, found by search: a plan of message actions that, added to a recipe run in the
 * clock's order, keeps every configuration bivalent for the first {@code steps} deliveries. At each point it lets
 * the clock deliver the next message if that keeps the configuration bivalent, else it delivers another message in
 * flight at once (a DELIVER action, which the student gives with "Deliver now"); it backtracks where no move keeps
 * the configuration bivalent. A configuration counts as bivalent only when runs to both values were found.
 */
public final class AdversaryPlan {
    /** A quick check per move: random walks only, enough to find both values of a bivalent configuration. */
    static final ValencySearch.Bounds QUICK = new ValencySearch.Bounds(0, 2_000, 40, 120, 7);
    private static final long BUDGET_MILLIS = 60_000;

    private final ProtocolRegistry registry;
    private final int steps;
    private final int maxActions;
    private final long started = System.nanoTime();

    private AdversaryPlan(ProtocolRegistry registry, int steps, int maxActions) {
        this.registry = registry;
        this.steps = steps;
        this.maxActions = maxActions;
    }

    /** The actions (with their event indexes) to add to {@code recipe}, or empty if none of at most {@code maxActions} was found. */
    public static Optional<List<Fault>> find(ProtocolRegistry registry, Recipe recipe, int steps, int maxActions) {
        Recipe start = recipe.withSchedule(List.of());
        Optional<Recipe> found = new AdversaryPlan(registry, steps, maxActions).extend(start, 0);
        return found.map(plan -> List.copyOf(plan.faults().subList(recipe.faults().size(), plan.faults().size())));
    }

    /** Deliveries in the trace (the FLP steps) before any decision, or -1 once a process decided. */
    static int undecidedSteps(Trace trace) {
        int delivered = 0;
        for (int i = 0; i < trace.size(); i++) {
            if (trace.kind(i) == EventKind.DECIDE) {
                return -1;
            }
            delivered += trace.kind(i) == EventKind.DELIVER ? 1 : 0;
        }
        return delivered;
    }

    /** Depth-first from a bivalent configuration reached with {@code actions} actions so far. */
    private Optional<Recipe> extend(Recipe at, int actions) {
        Simulation run = Simulation.explore(at, registry, null);
        int done = undecidedSteps(run.trace());
        if (done < 0 || (System.nanoTime() - started) / 1_000_000 > BUDGET_MILLIS) {
            return Optional.empty();
        }
        if (done >= steps) {
            return Optional.of(timed(run.explored()));
        }
        if (!run.paused()) {
            return Optional.empty();
        }
        for (Recipe next : moves(run, actions)) {
            Simulation moved = Simulation.explore(next, registry, null);
            if (undecidedSteps(moved.trace()) < 0 || !bivalent(next)) {
                continue;
            }
            Optional<Recipe> found = extend(next, actions + (next.faults().size() - at.faults().size()));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The clock's next item first, then each other message in flight delivered at once, while actions are left. */
    private List<Recipe> moves(Simulation run, int actions) {
        Recipe here = run.explored();
        List<Recipe> moves = new ArrayList<>();
        List<Integer> clock = new ArrayList<>(here.schedule());
        clock.add(0);
        moves.add(here.withSchedule(clock));
        if (actions >= maxActions) {
            return moves;
        }
        List<Enabled> enabled = run.enabled();
        for (int i = 1; i < enabled.size(); i++) {
            if (enabled.get(i).kind().equals("deliver")) {
                moves.add(here.withFault(new Fault(null, (long) run.trace().size(), FaultKind.DELIVER, null,
                        Map.of("message", enabled.get(i).message()))));
            }
        }
        return moves;
    }

    private boolean bivalent(Recipe configuration) {
        Valency valency = ValencySearch.of(registry, configuration, QUICK);
        return valency.bivalent();
    }

    /** The explorer's choices were all the clock's (index 0): the same run without them is the clock-ordered run. */
    private static Recipe timed(Recipe explored) {
        return explored.withSchedule(List.of());
    }
}

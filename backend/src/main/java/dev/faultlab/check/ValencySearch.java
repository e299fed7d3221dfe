package dev.faultlab.check;

import dev.faultlab.sim.Enabled;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The valency of a configuration, by search over the kernel's scheduling choices: which decision values some
 * schedule from here reaches. A configuration is a run's state at a point; its successors are the runs of each
 * enabled item next (any message in flight, whatever its due time: the asynchronous model). Messages held by hand
 * are released first, since a held message is still in the network for the scheduler to deliver.
 *
 * <p>Crashes are not searched: a crash only stops a process from taking further steps, and a finite run in which a
 * process crashed is also a finite run in which it simply took no more steps (its messages still on their way),
 * so crashes reach no decision that schedules alone do not. A configuration where a process decided is not looked
 * past: under agreement every later decision is that value.
 *
 * <p>Two passes: random walks first (each walk keeps its run and only steps on, so a walk is cheap), which usually
 * find both values of a bivalent configuration at once; then, if a value is still missing, a breadth-first search
 * that replays each configuration's recipe, prunes configurations by fingerprint, and either finds the missing value,
 * sees every configuration (then the configuration is univalent, or no decision is reachable) or hits a bound
 * (then the answer is "unknown", honestly).
 */
public final class ValencySearch {
    /**
     * @param maxStates configurations the breadth-first search may look at
     * @param maxMillis wall-clock time for the whole search
     * @param walks     random walks first
     * @param walkDepth steps of one walk
     * @param seed      the walks' randomness
     */
    public record Bounds(long maxStates, long maxMillis, int walks, int walkDepth, long seed) {
        public static final Bounds DEFAULT = new Bounds(20_000, 3_000, 60, 200, 1);
    }

    private final ProtocolRegistry registry;
    private final Bounds bounds;
    private final long started = System.nanoTime();
    private final Set<Object> reached = new LinkedHashSet<>();
    private long states;

    private ValencySearch(ProtocolRegistry registry, Bounds bounds) {
        this.registry = registry;
        this.bounds = bounds;
    }

    /**
     * The configuration of the clock-ordered run of {@code recipe} right after event {@code event} (once the handler
     * that wrote it is done; -1: before anything happened), as a recipe of the explorer whose held messages are
     * released. Faults planned for later events are left out: they have not happened in that configuration.
     */
    public static Recipe configuration(ProtocolRegistry registry, Recipe recipe, int event) {
        List<Fault> before = recipe.faults().stream().filter(f -> f.atEvent() == null || f.atEvent() <= event + 1).toList();
        Simulation run = clockOrder(registry, recipe.withFaults(before), event);
        if (!run.paused() && !run.held().isEmpty()) {
            // The run stopped with nothing left but held messages: release them where it stopped, so it goes on.
            int stopped = run.trace().size() - (run.trace().kind(run.trace().size() - 1) == EventKind.END ? 1 : 0);
            List<Fault> released = new ArrayList<>(before);
            run.held().forEach(held -> released.add(release(held, stopped)));
            return clockOrder(registry, recipe.withFaults(released), event).explored();
        }
        if (run.paused()) {
            for (Enabled held : run.held()) {
                run.inject(release(held, run.trace().size()));
            }
        }
        return run.explored();
    }

    private static Simulation clockOrder(ProtocolRegistry registry, Recipe recipe, int event) {
        Simulation run = Simulation.explore(recipe, registry, null);
        while (run.paused() && run.trace().size() <= event) {
            run.choose(0);
        }
        return run;
    }

    private static Fault release(Enabled held, int atEvent) {
        return new Fault(null, (long) atEvent, FaultKind.RELEASE, null, Map.of("message", held.message()));
    }

    /** The valency of the configuration that {@code configuration} (a recipe of the explorer) replays to. */
    public static Valency of(ProtocolRegistry registry, Recipe configuration, Bounds bounds) {
        return new ValencySearch(registry, bounds).search(configuration);
    }

    private Valency search(Recipe root) {
        Simulation start = Simulation.explore(root, registry, null);
        states++;
        if (!start.decisions().isEmpty()) {
            Object value = start.decisions().values().iterator().next();
            return new Valency(Valency.valent(value), List.of(value), true, states,
                    "a process has already decided " + value + ": by agreement every other decision is " + value);
        }
        if (!start.paused()) {
            return new Valency(Valency.NONE, List.of(), true, states, "the run has ended and no process decided");
        }
        walk(root);
        if (reached.size() >= 2) {
            return result(false);
        }
        return result(breadthFirst(root));
    }

    /** Random schedules from the root until each decides (or the walk is long enough); stops once two values are seen. */
    private void walk(Recipe root) {
        SplittableRandom random = new SplittableRandom(bounds.seed());
        for (int w = 0; w < bounds.walks() && reached.size() < 2 && !outOfTime(); w++) {
            Simulation run = Simulation.explore(root, registry, null);
            for (int step = 0; step < bounds.walkDepth() && run.paused() && run.decisions().isEmpty(); step++) {
                List<Integer> choices = choices(run);
                run.choose(choices.get(random.nextInt(choices.size())));
            }
            reached.addAll(run.decisions().values());
        }
    }

    /** True when every configuration was seen; false when a bound stopped it or a second value turned up. */
    private boolean breadthFirst(Recipe root) {
        Set<Long> visited = new HashSet<>();
        ArrayDeque<List<Integer>> frontier = new ArrayDeque<>();
        frontier.add(List.of());
        while (!frontier.isEmpty()) {
            List<Integer> path = frontier.poll();
            Simulation parent = Simulation.explore(withPath(root, path), registry, null);
            boolean reduce = parent.protocol() instanceof IgnoresForever;
            List<Enabled> enabled = parent.enabled();
            for (int choice : choices(parent)) {
                if (states >= bounds.maxStates() || outOfTime()) {
                    return false;
                }
                List<Integer> next = new ArrayList<>(path);
                next.add(choice);
                Simulation child = Simulation.explore(withPath(root, next), registry, null);
                states++;
                if (reduce && ignored(parent, child, enabled.get(choice))) {
                    // Every run from the parent is, up to this delivery's place, a run that takes it first.
                    if (visited.add(child.fingerprint().orElse(states))) {
                        frontier.add(next);
                    }
                    break;
                }
                if (!child.decisions().isEmpty()) {
                    reached.addAll(child.decisions().values());
                    if (reached.size() >= 2) {
                        return false;
                    }
                    continue;
                }
                OptionalLong fingerprint = child.fingerprint();
                if (child.paused() && (fingerprint.isEmpty() || visited.add(fingerprint.getAsLong()))) {
                    frontier.add(next);
                }
            }
        }
        return true;
    }

    /** Whether the child only delivered a message its receiver ignored: one event more, the receiver unchanged. */
    private static boolean ignored(Simulation parent, Simulation child, Enabled item) {
        return item.kind().equals("deliver") && child.paused() && child.trace().size() == parent.trace().size() + 1
                && parent.process(item.node()) != null && child.process(item.node()) != null
                && Objects.equals(parent.process(item.node()).fingerprint(), child.process(item.node()).fingerprint());
    }

    private static Recipe withPath(Recipe root, List<Integer> path) {
        List<Integer> schedule = new ArrayList<>(root.schedule());
        schedule.addAll(path);
        return root.withSchedule(schedule);
    }

    /** Every enabled item, except that processes start in one order (starting only sends, so the order is immaterial). */
    private static List<Integer> choices(Simulation run) {
        List<Enabled> enabled = run.enabled();
        List<Integer> choices = new ArrayList<>();
        for (int i = 0; i < enabled.size(); i++) {
            if (enabled.get(i).kind().equals("start")) {
                return List.of(i);
            }
            choices.add(i);
        }
        return choices;
    }

    private boolean outOfTime() {
        return (System.nanoTime() - started) / 1_000_000 >= bounds.maxMillis();
    }

    private Valency result(boolean exhausted) {
        List<Object> values = List.copyOf(reached);
        if (values.size() >= 2) {
            return new Valency(Valency.BIVALENT, values, exhausted, states,
                    "schedules from here reach a decision of " + values.get(0) + " and one of " + values.get(1));
        }
        if (!exhausted) {
            return new Valency(Valency.UNKNOWN, values, false, states, values.isEmpty()
                    ? "the search stopped at its bounds before any run from here decided"
                    : "runs from here decide " + values.get(0) + "; the search stopped at its bounds before it could say whether "
                    + "another value is reachable");
        }
        if (values.isEmpty()) {
            return new Valency(Valency.NONE, values, true, states, "no schedule from here reaches a decision");
        }
        return new Valency(Valency.valent(values.get(0)), values, true, states,
                "every schedule from here that decides, decides " + values.get(0) + " (all " + states + " configurations seen)");
    }
}

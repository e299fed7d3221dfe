package dev.faultlab.explore;

import dev.faultlab.sim.Enabled;
import dev.faultlab.sim.FailureModel;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Searches the runs of a recipe for one that breaks a property, as a model checker does: breadth-first over the
 * kernel's choices (which enabled delivery or timer runs next, which node crashes, which message is lost), pruning
 * states already seen by their fingerprint, then random depth-first probes for bugs deeper than the breadth-first
 * search reaches. The properties are the protocol's monitors. A state is reached by replaying its recipe, which the
 * deterministic kernel makes exact; the first violation of the breadth-first search is the shortest there is (and,
 * among the shortest, has the fewest faults), and comes back as an ordinary recipe.
 *
 * <p>The recipe's random loss and duplication are turned off: the search loses messages as choices of its own.
 */
public final class Search {
    private static final long PROGRESS_EVERY_NANOS = 250_000_000L;
    /** The end reason, and the property the search reports, of a run whose protocol threw. */
    public static final String PROTOCOL_ERROR = "protocol-error";

    private final ProtocolRegistry registry;
    private final Recipe start;
    private final SearchBounds bounds;
    private final SearchTarget target;
    private final Consumer<SearchProgress> progress;
    private final BooleanSupplier cancelled;
    private final VisitedStates visited = new VisitedStates();
    private long explored;
    private int depth;
    private boolean pruned = true;
    /** Some state at the depth bound could still go on: the search did not see every state there is. */
    private boolean cutByDepth;
    /** Whether the protocol's fault model has processes that recover: only then may the search recover one. */
    private boolean recoveries;
    private long startedNanos;
    private long lastProgressNanos;

    /**
     * @param properties the properties (monitor names) that count; empty for every monitor of the protocol
     * @param progress   told where the search stands a few times a second, and at its end
     * @param cancelled  asked before each state: true stops the search
     */
    public Search(ProtocolRegistry registry, Recipe start, SearchBounds bounds, Set<String> properties,
                  Consumer<SearchProgress> progress, BooleanSupplier cancelled) {
        this(registry, start, bounds, SearchTarget.violating(properties), progress, cancelled);
    }

    /** A search for {@code target}: a violation of some properties, or a goal of the protocol. */
    public Search(ProtocolRegistry registry, Recipe start, SearchBounds bounds, SearchTarget target,
                  Consumer<SearchProgress> progress, BooleanSupplier cancelled) {
        this.registry = registry;
        NetworkSpec network = start.network();
        this.start = start.withNetwork(new NetworkSpec(network.delay(), 0, 0, network.fifo(), network.links()));
        this.bounds = bounds;
        this.target = target;
        this.progress = progress;
        this.cancelled = cancelled;
    }

    /** One step of a path from the start: a scheduling choice, or a fault injected between two handlers. */
    private record Path(Path parent, int choice, Fault fault, int steps, int crashes, int drops, Expansion next) {
        int faults() {
            return crashes + drops;
        }
    }

    /**
     * What may follow a paused state: the enabled items the search tries (their indexes), the messages on their way,
     * the live nodes, the number of processes and the trace size there.
     */
    private record Expansion(List<Integer> choices, List<Integer> messages, List<Integer> upNodes, List<Integer> downNodes,
                             int n, int events) {
    }

    /** A state the search reached: its run (paused or ended) and the violation in it, if any. */
    private record Reached(Simulation run, Monitor.Violation violation) {
    }

    public SearchResult run() {
        startedNanos = System.nanoTime();
        lastProgressNanos = startedNanos;
        Reached root = reach(null);
        recoveries = root.run().protocol().failureModel() == FailureModel.CRASH_RECOVERY;
        if (root.violation() != null) {
            return found(root, 0, false);
        }
        if (!root.run().paused()) {
            return finish(SearchResult.Outcome.EXHAUSTED);
        }
        remember(root.run());
        ArrayDeque<Path> frontier = new ArrayDeque<>();
        frontier.add(new Path(null, -1, null, 0, 0, 0, expansion(root.run())));
        SearchResult.Outcome stop = breadthFirst(frontier);
        if (stop != null) {
            return foundOrStop(stop);
        }
        SearchResult probed = probes();
        return probed != null ? probed : finish(cutByDepth ? SearchResult.Outcome.BOUNDED : SearchResult.Outcome.EXHAUSTED);
    }

    private Path best;
    private Reached bestReached;

    /** Returns why the search stops (a violation, a bound, a cancel), or null when the frontier is used up. */
    private SearchResult.Outcome breadthFirst(ArrayDeque<Path> frontier) {
        while (!frontier.isEmpty()) {
            Path parent = frontier.peek();
            if (best != null && parent.steps() + 1 > best.steps()) {
                // Every path as short as the best violation has been tried: it is the shortest, with the fewest faults.
                return SearchResult.Outcome.FOUND;
            }
            frontier.poll();
            depth = Math.max(depth, parent.steps() + 1);
            for (Path child : children(parent)) {
                SearchResult.Outcome bound = bound();
                if (bound != null) {
                    frontier.addFirst(parent);
                    return best != null ? SearchResult.Outcome.FOUND : bound;
                }
                Reached reached = reach(child);
                if (reached.violation() != null) {
                    if (best == null || child.faults() < best.faults()) {
                        best = child;
                        bestReached = reached;
                    }
                    continue;
                }
                if (best == null && reached.run().paused() && remember(reached.run())) {
                    if (child.steps() < bounds.maxDepth()) {
                        frontier.add(new Path(child.parent(), child.choice(), child.fault(), child.steps(), child.crashes(),
                                child.drops(), expansion(reached.run())));
                    } else {
                        cutByDepth = true;
                    }
                }
            }
        }
        return best != null ? SearchResult.Outcome.FOUND : null;
    }

    private SearchResult foundOrStop(SearchResult.Outcome stop) {
        return stop == SearchResult.Outcome.FOUND ? found(bestReached, best.steps(), false) : finish(stop);
    }

    /** The paths one step longer: each enabled item run next, then each crash and each loss the bounds allow. */
    private List<Path> children(Path parent) {
        Expansion next = parent.next();
        List<Path> children = new ArrayList<>();
        int steps = parent.steps() + 1;
        for (int choice : next.choices()) {
            children.add(new Path(parent, choice, null, steps, parent.crashes(), parent.drops(), null));
        }
        if (parent.crashes() < bounds.maxCrashes()) {
            for (int node : next.upNodes()) {
                for (Fault crash : crashes(node, next)) {
                    children.add(new Path(parent, -1, crash, steps, parent.crashes() + 1, parent.drops(), null));
                }
            }
        }
        // A crashed process may come back at any step where the fault model lets processes recover (a crash-stop
        // protocol promises nothing to one that does); recoveries are bounded by the crashes before them.
        for (int node : recoveries ? next.downNodes() : List.<Integer>of()) {
            Fault recover = new Fault(null, (long) next.events(), FaultKind.RECOVER, node, Map.of());
            children.add(new Path(parent, -1, recover, steps, parent.crashes(), parent.drops(), null));
        }
        if (parent.drops() < bounds.maxDrops()) {
            for (int message : next.messages()) {
                Fault drop = new Fault(null, (long) next.events(), FaultKind.DROP, null, Map.of("message", message));
                children.add(new Path(parent, -1, drop, steps, parent.crashes(), parent.drops() + 1, null));
            }
        }
        return children;
    }

    /** A crash of {@code node} now, or part-way through its next handler, after each number of sends but the last. */
    private static List<Fault> crashes(int node, Expansion next) {
        List<Fault> crashes = new ArrayList<>();
        crashes.add(new Fault(null, (long) next.events(), FaultKind.CRASH, node, Map.of()));
        for (int sends = 1; sends < next.n() - 1; sends++) {
            crashes.add(new Fault(null, (long) next.events(), FaultKind.CRASH, node, Map.of("afterSends", sends)));
        }
        return crashes;
    }

    /**
     * Every process starts before anything else happens to it, and starting only sends, so the processes start in
     * one order. In a round protocol the messages of a round all arrive before the next round starts, and a process
     * reads its inbox whatever the order: the search delivers them in one order only and never starts a round early.
     */
    private static Expansion expansion(Simulation run) {
        List<Enabled> enabled = run.enabled();
        List<Integer> messages = new ArrayList<>();
        int firstDelivery = -1;
        int firstStart = -1;
        for (int i = 0; i < enabled.size(); i++) {
            String kind = enabled.get(i).kind();
            if (kind.equals("deliver")) {
                messages.add(enabled.get(i).message());
                firstDelivery = firstDelivery < 0 ? i : firstDelivery;
            } else if (kind.equals("start") && firstStart < 0) {
                firstStart = i;
            }
        }
        List<Integer> choices = new ArrayList<>();
        if (firstStart >= 0) {
            choices.add(firstStart);
        } else if (run.roundBased() && firstDelivery >= 0) {
            choices.add(firstDelivery);
        } else {
            for (int i = 0; i < enabled.size(); i++) {
                choices.add(i);
            }
        }
        List<Integer> up = new ArrayList<>();
        List<Integer> down = new ArrayList<>();
        run.processes().forEach(p -> (p.up() ? up : down).add(p.node()));
        return new Expansion(List.copyOf(choices), List.copyOf(messages), List.copyOf(up), List.copyOf(down), run.nodeCount(),
                run.trace().size());
    }

    /** Replays the path (the start for null) and looks for a violation of the properties that count. */
    private Reached reach(Path path) {
        explored++;
        Simulation run = Simulation.explore(recipeOf(path), registry, target.monitors());
        report(false);
        return new Reached(run, violationIn(run));
    }

    /** True for a state not seen before; without fingerprints every state counts as new and nothing is pruned. */
    private boolean remember(Simulation run) {
        OptionalLong fingerprint = run.fingerprint();
        if (fingerprint.isEmpty()) {
            pruned = false;
            return true;
        }
        return visited.add(fingerprint.getAsLong());
    }

    /** The start's recipe with the path's faults and choices after its own. */
    private Recipe recipeOf(Path path) {
        List<Integer> choices = new ArrayList<>();
        List<Fault> faults = new ArrayList<>();
        for (Path step = path; step != null && step.steps() > 0; step = step.parent()) {
            if (step.fault() != null) {
                faults.add(step.fault());
            } else {
                choices.add(step.choice());
            }
        }
        Collections.reverse(choices);
        Collections.reverse(faults);
        List<Integer> schedule = new ArrayList<>(start.schedule());
        schedule.addAll(choices);
        List<Fault> all = new ArrayList<>(start.faults());
        all.addAll(faults);
        return start.withFaults(all).withSchedule(schedule);
    }

    /** Random walks from the start, each choosing among what is enabled and injecting faults within the bounds. */
    private SearchResult probes() {
        SplittableRandom random = new SplittableRandom(bounds.seed());
        for (int probe = 0; probe < bounds.probes(); probe++) {
            Simulation run = Simulation.explore(start, registry, target.monitors());
            int crashes = 0;
            int drops = 0;
            for (int step = 1; step <= bounds.probeDepth() && run.paused(); step++) {
                SearchResult.Outcome bound = bound();
                if (bound != null) {
                    return finish(bound);
                }
                explored++;
                depth = Math.max(depth, step);
                Expansion next = expansion(run);
                int pick = random.nextInt(20);
                if (pick == 0 && crashes < bounds.maxCrashes() && !next.upNodes().isEmpty()) {
                    List<Fault> options = crashes(next.upNodes().get(random.nextInt(next.upNodes().size())), next);
                    run.inject(options.get(random.nextInt(options.size())));
                    crashes++;
                } else if (pick == 1 && recoveries && !next.downNodes().isEmpty()) {
                    int node = next.downNodes().get(random.nextInt(next.downNodes().size()));
                    run.inject(new Fault(null, (long) next.events(), FaultKind.RECOVER, node, Map.of()));
                } else if (pick == 2 && drops < bounds.maxDrops() && !next.messages().isEmpty()) {
                    run.inject(new Fault(run.now(), null, FaultKind.DROP, null,
                            Map.of("message", next.messages().get(random.nextInt(next.messages().size())))));
                    drops++;
                } else {
                    run.choose(next.choices().get(random.nextInt(next.choices().size())));
                }
                report(false);
                Monitor.Violation violation = violationIn(run);
                if (violation != null) {
                    return found(new Reached(run, violation), step, true);
                }
            }
        }
        return null;
    }

    /** What the target's monitors found (a violation that counts, a goal reached); before them, a protocol that failed (a bug in its code). */
    private Monitor.Violation violationIn(Simulation run) {
        if (run.ended() && run.endReason().code().equals(PROTOCOL_ERROR)) {
            return new Monitor.Violation(PROTOCOL_ERROR, run.trace().size() - 1, run.endReason().message(), List.of());
        }
        return target.foundIn(run.monitors());
    }

    /** Why the search must stop now, or null. */
    private SearchResult.Outcome bound() {
        if (cancelled.getAsBoolean()) {
            return SearchResult.Outcome.CANCELLED;
        }
        if (explored >= bounds.maxStates() || (System.nanoTime() - startedNanos) / 1_000_000 >= bounds.maxMillis()) {
            return SearchResult.Outcome.BOUNDED;
        }
        return null;
    }

    private SearchResult found(Reached reached, int steps, boolean byProbe) {
        SearchProgress last = report(true);
        return new SearchResult(SearchResult.Outcome.FOUND, reached.run().explored(), reached.violation(), steps, byProbe,
                pruned, last);
    }

    private SearchResult finish(SearchResult.Outcome outcome) {
        return new SearchResult(outcome, null, null, 0, false, pruned, report(true));
    }

    private SearchProgress report(boolean last) {
        long now = System.nanoTime();
        SearchProgress at = new SearchProgress(explored, pruned ? visited.size() : explored, depth, (now - startedNanos) / 1_000_000);
        if (last || now - lastProgressNanos >= PROGRESS_EVERY_NANOS) {
            lastProgressNanos = now;
            progress.accept(at);
        }
        return at;
    }
}

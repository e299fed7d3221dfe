package dev.faultlab.explore;

import dev.faultlab.sim.Enabled;
import dev.faultlab.sim.FailureModel;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Fingerprint;
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
 * kernel's choices (which enabled delivery or timer runs next, which node crashes, which message is lost or
 * duplicated, which behaviour a Byzantine node has: see {@link ByzantineChoices}), pruning states already seen by
 * their fingerprint and skipping orders of independent deliveries that meet in one state ({@link SleepSets}), then
 * random depth-first probes for bugs deeper than the breadth-first search reaches. The properties are the protocol's
 * monitors. A state is reached by replaying its recipe, which the deterministic kernel makes exact; the first
 * violation of the breadth-first search is the shortest there is (and, among the shortest, has the fewest faults),
 * and comes back as an ordinary recipe.
 *
 * <p>The recipe's random loss and duplication are turned off: the search loses and copies messages as choices of its
 * own.
 */
public final class Search {
    private static final long PROGRESS_EVERY_NANOS = 250_000_000L;
    /** The end reason, and the property the search reports, of a run whose protocol threw. */
    public static final String PROTOCOL_ERROR = "protocol-error";

    private final ProtocolRegistry registry;
    private final Recipe start;
    /** The recipes the search starts from: the start, then its Byzantine alternatives; a root path names its own. */
    private List<Recipe> starts;
    /** Trace size after which no fault of the start recipes planned by event index is left to apply. */
    private long lastPlannedEvent;
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
    /** Whether the protocol assumes bounded delays: then timers and deliveries keep the clock's order among them. */
    private boolean synchronous;
    /** Whether the recipe's network keeps each link's messages in the order they were sent. */
    private final boolean fifo;
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
        this.fifo = network.fifo();
        this.start = start.withNetwork(new NetworkSpec(network.delay(), 0, 0, network.fifo(), network.links()));
        this.bounds = bounds;
        this.target = target;
        this.progress = progress;
        this.cancelled = cancelled;
    }

    /**
     * One step of a path from the start: a scheduling choice, or a fault injected between two handlers. A root path
     * (no steps) holds in {@code choice} the index of its start recipe in {@link #starts}. {@code sleep} holds the
     * deliveries (message ids) the state's expansion skips, see {@link SleepSets}.
     */
    private record Path(Path parent, int choice, Fault fault, int steps, int crashes, int drops, int duplicates,
                        int[] sleep) {
        int faults() {
            return crashes + drops + duplicates;
        }
    }

    /**
     * A state waiting in the frontier with what may follow it. The expansion lives here, not in the path, so that it
     * is dropped once the state is expanded: the paths of expanded states stay, shared by their children's recipes.
     */
    private record Waiting(Path path, Expansion next) {
    }

    /**
     * What may follow a paused state: the enabled items the search tries (their indexes; with the message id,
     * receiver and time it would run at of each that is a delivery, -1 otherwise), the messages on their way, the
     * live nodes, the number of processes, the trace size there, and whether independent deliveries commute there
     * ({@link SleepSets}).
     */
    private record Expansion(List<Integer> choices, int[] choiceMessages, int[] choiceNodes, long[] choiceTimes,
                             List<Integer> messages, List<Integer> upNodes, List<Integer> downNodes, int n, int events, boolean commutes) {
    }

    /** A state the search reached: its run (paused or ended) and the violation in it, if any. */
    private record Reached(Simulation run, Monitor.Violation violation) {
    }

    public SearchResult run() {
        startedNanos = System.nanoTime();
        lastProgressNanos = startedNanos;
        starts = ByzantineChoices.starts(start, registry);
        lastPlannedEvent = start.faults().stream().filter(f -> f.atEvent() != null).mapToLong(Fault::atEvent).max().orElse(-1);
        ArrayDeque<Waiting> frontier = new ArrayDeque<>();
        for (int i = 0; i < starts.size(); i++) {
            Path rootPath = new Path(null, i, null, 0, 0, 0, 0, SleepSets.NONE);
            Reached root = reach(rootPath);
            recoveries = root.run().protocol().failureModel() == FailureModel.CRASH_RECOVERY;
            synchronous = root.run().protocol().synchronous();
            if (root.violation() != null) {
                return found(root, 0, false);
            }
            OptionalLong fingerprint = root.run().fingerprint();
            if (root.run().paused() && remember(fingerprint, rootPath)) {
                frontier.add(new Waiting(rootPath, expansion(root.run(), fingerprint.isPresent())));
            }
        }
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
    private SearchResult.Outcome breadthFirst(ArrayDeque<Waiting> frontier) {
        while (!frontier.isEmpty()) {
            Waiting waiting = frontier.peek();
            Path parent = waiting.path();
            if (best != null && parent.steps() + 1 > best.steps()) {
                // Every path as short as the best violation has been tried: it is the shortest, with the fewest faults.
                return SearchResult.Outcome.FOUND;
            }
            frontier.poll();
            depth = Math.max(depth, parent.steps() + 1);
            Expansion next = waiting.next();
            SleepSets sleeps = new SleepSets(next.choiceMessages(), next.choiceNodes(), next.choiceTimes(), parent.sleep(),
                    bounds.reduction() && next.commutes());
            int choices = next.choices().size();
            List<Path> faults = faultChildren(parent, next);
            for (int i = 0; i < choices + faults.size(); i++) {
                if (i < choices && sleeps.asleep(i)) {
                    continue;
                }
                Path child = i < choices ? new Path(parent, next.choices().get(i), null, parent.steps() + 1, parent.crashes(),
                        parent.drops(), parent.duplicates(), sleeps.childSleep(i)) : faults.get(i - choices);
                SearchResult.Outcome bound = bound();
                if (bound != null) {
                    frontier.addFirst(waiting);
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
                if (best != null || !reached.run().paused()) {
                    continue;
                }
                OptionalLong fingerprint = reached.run().fingerprint();
                if (remember(fingerprint, child)) {
                    if (child.steps() < bounds.maxDepth()) {
                        frontier.add(new Waiting(child, expansion(reached.run(), fingerprint.isPresent())));
                        if (i < choices) {
                            sleeps.enteredFrontier(i);
                        }
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

    /**
     * The paths one step longer by a fault: each crash, recovery, loss and duplicate the bounds allow. The paths by
     * a scheduling choice come first, made by the breadth-first loop, which keeps their sleep sets.
     */
    private List<Path> faultChildren(Path parent, Expansion next) {
        List<Path> children = new ArrayList<>();
        if (parent.crashes() < bounds.maxCrashes()) {
            for (int node : next.upNodes()) {
                for (Fault crash : crashes(node, next)) {
                    children.add(faultChild(parent, crash, 1, 0, 0));
                }
            }
        }
        // A crashed process may come back at any step where the fault model lets processes recover (a crash-stop
        // protocol promises nothing to one that does); recoveries are bounded by the crashes before them.
        for (int node : recoveries ? next.downNodes() : List.<Integer>of()) {
            Fault recover = new Fault(null, (long) next.events(), FaultKind.RECOVER, node, Map.of());
            children.add(faultChild(parent, recover, 0, 0, 0));
        }
        if (parent.drops() < bounds.maxDrops()) {
            for (int message : next.messages()) {
                children.add(faultChild(parent, onMessage(FaultKind.DROP, message, next), 0, 1, 0));
            }
        }
        if (parent.duplicates() < bounds.maxDuplicates()) {
            for (int message : next.messages()) {
                children.add(faultChild(parent, onMessage(FaultKind.DUPLICATE, message, next), 0, 0, 1));
            }
        }
        return children;
    }

    /** A fault's child: faults are dependent on every step, so it has no sleep set. */
    private static Path faultChild(Path parent, Fault fault, int crashes, int drops, int duplicates) {
        return new Path(parent, -1, fault, parent.steps() + 1, parent.crashes() + crashes, parent.drops() + drops,
                parent.duplicates() + duplicates, SleepSets.NONE);
    }

    /** A loss or a second copy of the message in flight with that id, now. */
    private static Fault onMessage(FaultKind kind, int message, Expansion next) {
        return new Fault(null, (long) next.events(), kind, null, Map.of("message", message));
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
    private Expansion expansion(Simulation run, boolean fingerprinted) {
        List<Enabled> enabled = run.enabled();
        List<Integer> messages = new ArrayList<>();
        int firstDelivery = -1;
        int firstStart = -1;
        for (int i = 0; i < enabled.size(); i++) {
            String kind = enabled.get(i).kind();
            if (kind.equals("deliver")) {
                // A duplicated message is in flight twice under one id: a loss or a copy acts on it once.
                if (!messages.contains(enabled.get(i).message())) {
                    messages.add(enabled.get(i).message());
                }
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
            long[] due = synchronous ? firstDue(enabled) : null;
            for (int i = 0; i < enabled.size(); i++) {
                if ((due == null || inTime(enabled.get(i), due[0], due[1])) && (!fifo || firstOnItsLink(enabled, i))) {
                    choices.add(i);
                }
            }
        }
        int[] choiceMessages = new int[choices.size()];
        int[] choiceNodes = new int[choices.size()];
        long[] choiceTimes = new long[choices.size()];
        for (int i = 0; i < choices.size(); i++) {
            Enabled item = enabled.get(choices.get(i));
            boolean delivery = item.kind().equals("deliver");
            choiceMessages[i] = delivery ? item.message() : -1;
            choiceNodes[i] = delivery ? item.node() : -1;
            choiceTimes[i] = Math.max(run.now(), item.time());
        }
        List<Integer> up = new ArrayList<>();
        List<Integer> down = new ArrayList<>();
        run.processes().forEach(p -> (p.up() ? up : down).add(p.node()));
        int events = run.trace().size();
        return new Expansion(List.copyOf(choices), choiceMessages, choiceNodes, choiceTimes, List.copyOf(messages), List.copyOf(up),
                List.copyOf(down), run.nodeCount(), events, fingerprinted && events > lastPlannedEvent);
    }

    /**
     * Whether item {@code i} is not a delivery, or is the next message on its link: a FIFO network delivers each
     * sender's messages to a receiver in the order they were sent (their due times, then their ids, keep that order).
     */
    private static boolean firstOnItsLink(List<Enabled> enabled, int i) {
        Enabled item = enabled.get(i);
        if (!item.kind().equals("deliver")) {
            return true;
        }
        for (Enabled other : enabled) {
            if (other.kind().equals("deliver") && other.peer() == item.peer() && other.node() == item.node()
                    && (other.time() < item.time() || other.time() == item.time() && other.message() < item.message())) {
                return false;
            }
        }
        return true;
    }

    /** The earliest due time of a timer and of a delivery among the enabled items (Long.MAX_VALUE for none). */
    private static long[] firstDue(List<Enabled> enabled) {
        long timer = Long.MAX_VALUE;
        long delivery = Long.MAX_VALUE;
        for (Enabled item : enabled) {
            if (item.kind().equals("timer")) {
                timer = Math.min(timer, item.time());
            } else if (item.kind().equals("deliver")) {
                delivery = Math.min(delivery, item.time());
            }
        }
        return new long[] {timer, delivery};
    }

    /**
     * Whether an item may run next in a synchronous system: a timer only when no message is due before it (the delay
     * bound is what makes a timeout mean something), a delivery only when no timer is due before it (the clock would
     * jump past that timer, which would then fire late), anything else in the clock's order with both. Deliveries due
     * between two timers still come in any order.
     */
    private static boolean inTime(Enabled item, long firstTimer, long firstDelivery) {
        return switch (item.kind()) {
            case "timer" -> item.time() <= firstDelivery;
            case "deliver" -> item.time() <= firstTimer;
            default -> item.time() <= Math.min(firstTimer, firstDelivery);
        };
    }

    /** Replays the path from its start recipe and looks for a violation of the properties that count. */
    private Reached reach(Path path) {
        explored++;
        Simulation run = Simulation.explore(recipeOf(path), registry, target.monitors());
        report(false);
        return new Reached(run, violationIn(run));
    }

    /**
     * True for a state not seen before with the same faults spent; without fingerprints every state counts as new and
     * nothing is pruned. The faults spent are part of what is seen: a state reached with a crash still to spend may
     * lead where the same state reached with none left cannot.
     */
    private boolean remember(OptionalLong fingerprint, Path path) {
        if (fingerprint.isEmpty()) {
            pruned = false;
            return true;
        }
        long spent = ((long) path.crashes() << 42) | ((long) path.drops() << 21) | path.duplicates();
        return visited.add(Fingerprint.combine(fingerprint.getAsLong(), spent));
    }

    /** The start's recipe with the path's faults and choices after its own. */
    private Recipe recipeOf(Path path) {
        List<Integer> choices = new ArrayList<>();
        List<Fault> faults = new ArrayList<>();
        Path step = path;
        for (; step.steps() > 0; step = step.parent()) {
            if (step.fault() != null) {
                faults.add(step.fault());
            } else {
                choices.add(step.choice());
            }
        }
        Recipe from = starts.get(step.choice());
        Collections.reverse(choices);
        Collections.reverse(faults);
        List<Integer> schedule = new ArrayList<>(from.schedule());
        schedule.addAll(choices);
        List<Fault> all = new ArrayList<>(from.faults());
        all.addAll(faults);
        return from.withFaults(all).withSchedule(schedule);
    }

    /**
     * Random walks from a start recipe (any of the Byzantine choices), each choosing among what is enabled and
     * injecting faults within the bounds.
     */
    private SearchResult probes() {
        SplittableRandom random = new SplittableRandom(bounds.seed());
        for (int probe = 0; probe < bounds.probes(); probe++) {
            Simulation run = Simulation.explore(starts.get(random.nextInt(starts.size())), registry, target.monitors());
            int crashes = 0;
            int drops = 0;
            int duplicates = 0;
            for (int step = 1; step <= bounds.probeDepth() && run.paused(); step++) {
                SearchResult.Outcome bound = bound();
                if (bound != null) {
                    return finish(bound);
                }
                explored++;
                depth = Math.max(depth, step);
                Expansion next = expansion(run, false);
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
                } else if (pick == 3 && duplicates < bounds.maxDuplicates() && !next.messages().isEmpty()) {
                    run.inject(onMessage(FaultKind.DUPLICATE, next.messages().get(random.nextInt(next.messages().size())), next));
                    duplicates++;
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

package dev.faultlab.protocols.flooding;

import dev.faultlab.check.AgreementMonitor;
import dev.faultlab.check.TerminationMonitor;
import dev.faultlab.check.ValidityMonitor;
import dev.faultlab.sim.FailureModel;
import dev.faultlab.sim.Goal;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.key.AnswerKey;
import dev.faultlab.key.KeyedProtocol;
import dev.faultlab.protocols.flooding.key.FloodingKeys;
import dev.faultlab.sim.ParamSpec;
import dev.faultlab.sim.Params;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.RecipeException;
import dev.faultlab.sim.Setup;
import dev.faultlab.sim.Simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Consensus by flooding under crash failures, as in the course: in each of f+1 synchronous rounds every
 * process broadcasts the set of values it knows; then it decides the smallest. With at most f crashes
 * some round is crash-free, after which all survivors know the same set. Fewer rounds can fail.
 */
public final class FloodingConsensus implements KeyedProtocol {
    public static final String ID = "flooding";
    /** The goal of a decision that is not the smallest initial value. */
    public static final String SMALLEST_LOST = "smallest-value-lost";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Flooding consensus (crash failures)";
    }

    @Override
    public String description() {
        return "Each process floods the set of values it knows for f+1 rounds, then decides the minimum. "
                + "Tolerates f crashes, even a crash in the middle of a broadcast.";
    }

    @Override
    public List<AnswerKey> answerKeys() {
        return FloodingKeys.all();
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer("n", 2, 64, 4, "number of processes"),
                ParamSpec.integer("f", 0, 63, 1, "crashes to tolerate; the protocol runs f+1 rounds"),
                ParamSpec.integer("rounds", 1, 64, null, "rounds to run; leave out for f+1 (fewer shows why f+1 are needed)"),
                ParamSpec.intList("values", 0, 1_000_000, "initial value of each process; leave out to draw them from the seed"));
    }

    @Override
    public Setup setup(Params params) {
        int n = params.getInt("n");
        int f = params.getInt("f");
        if (f >= n) {
            throw new RecipeException("params.f", "must be less than n=" + n + ", got " + f);
        }
        int rounds = params.has("rounds") ? params.getInt("rounds") : f + 1;
        List<Integer> values = inputs(params);
        if (values.size() != n) {
            throw new RecipeException("params.values", "must give one value per process (n=" + n + "), got " + values.size());
        }
        return Setup.rounds(n, rounds, node -> new FloodingProcess(values.get(node)));
    }

    /** The initial value of each process: the recipe's {@code values}, or drawn from its seed (0..9). */
    static List<Integer> inputs(Params params) {
        return params.getIntList("values").orElseGet(() -> {
            SplittableRandom random = params.random();
            List<Integer> drawn = new ArrayList<>();
            for (int i = 0; i < params.getInt("n"); i++) {
                drawn.add(random.nextInt(10));
            }
            return drawn;
        });
    }

    /** Agreement, validity (decisions are inputs) and termination by the end of the last round, under crash-stop. */
    @Override
    public List<Monitor> monitors(Params params, NetworkSpec network) {
        int rounds = params.has("rounds") ? params.getInt("rounds") : params.getInt("f") + 1;
        return List.of(new AgreementMonitor(FailureModel.CRASH_STOP),
                ValidityMonitor.ofInputs(FailureModel.CRASH_STOP, inputs(params)),
                new TerminationMonitor(FailureModel.CRASH_STOP, params.getInt("n"), rounds * Simulation.ROUND_TICKS));
    }

    /**
     * A process decides something else than the smallest initial value: a crash took that value away before it
     * reached anyone who lived to pass it on. Allowed (validity only asks for some process's input), and reachable
     * with f+1 rounds too.
     */
    @Override
    public List<Goal> goals(Params params, NetworkSpec network) {
        int smallest = inputs(params).stream().min(Integer::compare).orElseThrow();
        return List.of(new Goal(SMALLEST_LOST, "a process decides a value other than the smallest initial value",
                states -> {
                    for (int node = 0; node < states.count(); node++) {
                        Object decision = states.up(node) ? states.state(node).get("decision") : null;
                        if (decision instanceof Integer value && value != smallest) {
                            return true;
                        }
                    }
                    return false;
                }));
    }

    /** The initial values of a run of this protocol, for the validity checker. */
    public static List<Integer> inputs(Recipe recipe) {
        return inputs(Params.check(new FloodingConsensus().parameters(), recipe.params(), recipe.seed()));
    }

    /** The rounds a run of this recipe lasts: its {@code rounds} parameter, or f+1. */
    public static int rounds(Recipe recipe) {
        Params params = Params.check(new FloodingConsensus().parameters(), recipe.params(), recipe.seed());
        return params.has("rounds") ? params.getInt("rounds") : params.getInt("f") + 1;
    }
}

package dev.faultlab.protocols.flp;

import dev.faultlab.check.AgreementMonitor;
import dev.faultlab.check.IgnoresForever;
import dev.faultlab.check.ValidityMonitor;
import dev.faultlab.key.AnswerKey;
import dev.faultlab.key.KeyedProtocol;
import dev.faultlab.protocols.flp.key.FlpKeys;
import dev.faultlab.sim.FailureModel;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.ParamSpec;
import dev.faultlab.sim.Params;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.RecipeException;
import dev.faultlab.sim.Setup;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The protocol of the FLP lab: a deterministic asynchronous binary consensus that is safe with one crash, so that by
 * FLP some schedule keeps it undecided. Its rounds are Ben-Or's without the coin: where Ben-Or tosses one, a process
 * takes the estimate of the lowest-numbered process it heard from, which makes fair runs decide and hands the
 * scheduler the power to keep them balanced. A message of a round a process has left, or to a process that decided, is
 * ignored for good ({@link IgnoresForever}), which lets the valency search see every configuration of a small run.
 */
public final class Flp implements KeyedProtocol, IgnoresForever {
    public static final String ID = "flp";
    public static final int DEFAULT_STEPS = 20;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "FLP: deterministic asynchronous consensus";
    }

    @Override
    public String description() {
        return "Processes with binary inputs agree on one of them in rounds of reports and proposals, each waiting for "
                + "n-1 messages because one may have crashed. Nothing in it is random, so the order of deliveries decides "
                + "everything: acting as the scheduler, you can keep it undecided for as long as you like.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer("n", 3, 7, 3, "number of processes (one may crash)"),
                ParamSpec.intList("inputs", 0, 1, "each process's input, 0 or 1; leave out to draw them from the seed"),
                ParamSpec.integer("steps", 1, 1_000, DEFAULT_STEPS,
                        "k of the indicator \"some process decides within k steps\" (a step is one delivery)"));
    }

    @Override
    public Setup setup(Params params) {
        List<Integer> inputs = inputs(params);
        return Setup.async(params.getInt("n"), node -> new FlpProcess(inputs.get(node)));
    }

    /** The recipe's inputs, checked to be one per process, or drawn from the seed. */
    static List<Integer> inputs(Params params) {
        int n = params.getInt("n");
        List<Integer> inputs = params.getIntList("inputs").orElseGet(() -> {
            SplittableRandom random = params.random();
            List<Integer> drawn = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                drawn.add(random.nextInt(2));
            }
            return drawn;
        });
        if (inputs.size() != n) {
            throw new RecipeException("params.inputs", "must give one input per process (n=" + n + "), got " + inputs.size());
        }
        return inputs;
    }

    /** The inputs of a run of this recipe. */
    public static List<Integer> inputs(Recipe recipe) {
        return inputs(Params.check(new Flp().parameters(), recipe.params(), recipe.seed()));
    }

    /** Agreement and validity (a decision is some process's input), and the indicator of an undecided run. */
    @Override
    public List<Monitor> monitors(Params params, NetworkSpec network) {
        return List.of(new AgreementMonitor(FailureModel.CRASH_STOP),
                ValidityMonitor.ofInputs(FailureModel.CRASH_STOP, inputs(params)),
                new UndecidedMonitor(params.getInt("steps")));
    }

    @Override
    public List<AnswerKey> answerKeys() {
        return FlpKeys.all();
    }
}

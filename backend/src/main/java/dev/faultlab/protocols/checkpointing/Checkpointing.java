package dev.faultlab.protocols.checkpointing;

import dev.faultlab.key.AnswerKey;
import dev.faultlab.key.KeyedProtocol;
import dev.faultlab.protocols.checkpointing.key.CheckpointingKeys;
import dev.faultlab.sim.FailureModel;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.ParamSpec;
import dev.faultlab.sim.Params;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.RecipeException;
import dev.faultlab.sim.Setup;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Checkpointing and backward recovery (lecture 002, "Recovery"): processes do application work and save
 * checkpoints to stable storage, either all together at a coordinator's request (coordinated, consistent by
 * construction) or each on its own (independent, with intervals, dependencies and the rollback rule). A process
 * that crashes and recovers restores a checkpoint and has everyone roll back to the recovery line. One protocol
 * with a {@code method} parameter: both methods share the application, the stable storage and the recovery, and
 * differ only in when checkpoints are taken, which is what the lecture contrasts.
 */
public final class Checkpointing implements KeyedProtocol {
    public static final String ID = "checkpointing";
    static final String SAFE = "recovery-line";
    static final String UNSAFE = "latest-checkpoints";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Checkpointing and recovery";
    }

    @Override
    public String description() {
        return "Processes exchange application messages and save checkpoints to stable storage, coordinated (a two-phase "
                + "checkpoint round, consistent by construction) or independently (intervals, dependencies and the rollback rule). "
                + "After a crash the processes roll back to the recovery line, the most recent consistent cut, which with "
                + "badly placed independent checkpoints cascades back to the start: the domino effect.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer("n", 2, 8, 3, "number of processes"),
                ParamSpec.text("method", Method.INDEPENDENT.id(), "coordinated (P1 runs checkpoint rounds) or independent "
                        + "(each process checkpoints on its own)"),
                ParamSpec.flag("incremental", false, "coordinated only: the request goes only to the processes that depend on "
                        + "the coordinator (those it sent to since its last checkpoint, and on, as each passes it on)"),
                ParamSpec.text("recovery", SAFE, "recovery-line (roll back by the rule to the most recent consistent cut) or "
                        + "latest-checkpoints (unsafe: every process restores its latest checkpoint)"),
                ParamSpec.list("script", "the workload, one step every gap ticks: 'P1 -> P2' (P1 sends P2 a message) or "
                        + "'P2 checkpoint'; left out, steps are drawn from the seed"),
                ParamSpec.integer("steps", 1, 200, 12, "how many steps to draw when there is no script"),
                ParamSpec.decimal("checkpointShare", 0.0, 1.0, 0.25, "share of drawn steps that are checkpoints"),
                ParamSpec.integer("gap", 2, 1_000, 10, "ticks between two steps of the workload"));
    }

    /** A process that crashed and recovered from its stable storage is correct again. */
    @Override
    public FailureModel failureModel() {
        return FailureModel.CRASH_RECOVERY;
    }

    @Override
    public List<Monitor> monitors(Params params, NetworkSpec network) {
        List<Monitor> monitors = new ArrayList<>(List.of(new ConsistentAfterRecovery()));
        if (Method.COORDINATED.id().equals(params.getString("method"))) {
            monitors.add(new RoundsConsistent());
        }
        return monitors;
    }

    @Override
    public List<AnswerKey> answerKeys() {
        return CheckpointingKeys.all();
    }

    @Override
    public Setup setup(Params params) {
        CkptConfig config = config(params);
        return Setup.async(config.n(), node -> new Worker(config, node));
    }

    static CkptConfig config(Params params) {
        int n = params.getInt("n");
        Method method = Method.of(params.getString("method"));
        if (method == null) {
            throw new RecipeException("params.method", "must be coordinated or independent, got '" + params.getString("method") + "'");
        }
        String recovery = params.getString("recovery");
        if (!SAFE.equals(recovery) && !UNSAFE.equals(recovery)) {
            throw new RecipeException("params.recovery", "must be " + SAFE + " or " + UNSAFE + ", got '" + recovery + "'");
        }
        if (params.getBoolean("incremental") && method != Method.COORDINATED) {
            throw new RecipeException("params.incremental", "the incremental optimisation is part of coordinated checkpointing; "
                    + "set method to coordinated or leave incremental out");
        }
        int gap = params.getInt("gap");
        List<?> script = params.getList("script").orElse(null);
        List<Step> steps = script == null ? drawn(params, n, method, gap) : scripted(script, n, method, gap);
        return new CkptConfig(n, method, params.getBoolean("incremental"), SAFE.equals(recovery), steps);
    }

    private static List<Step> scripted(List<?> script, int n, Method method, int gap) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < script.size(); i++) {
            Object line = script.get(i);
            Step step = line instanceof String text ? Step.parse(text, i + 1, (long) (i + 1) * gap) : null;
            String field = "params.script[" + i + "]";
            if (step == null) {
                throw new RecipeException(field, "must be " + Step.SYNTAX + ", got '" + line + "'");
            }
            if (step.node() < 0 || step.node() >= n || (!step.isCheckpoint() && (step.to() < 0 || step.to() >= n))) {
                throw new RecipeException(field, "names a process outside P1 to " + ProcessLabel.of(n - 1) + ": '" + line + "'");
            }
            if (step.node() == step.to()) {
                throw new RecipeException(field, "a process does not send to itself: '" + line + "'");
            }
            if (method == Method.COORDINATED && step.isCheckpoint() && step.node() != CkptConfig.COORDINATOR) {
                throw new RecipeException(field, "in coordinated checkpointing only the coordinator P1 starts checkpoints: '" + line + "'");
            }
            steps.add(step);
        }
        return steps;
    }

    private static List<Step> drawn(Params params, int n, Method method, int gap) {
        SplittableRandom random = params.random();
        double share = params.getDouble("checkpointShare");
        List<Step> steps = new ArrayList<>();
        for (int i = 1; i <= params.getInt("steps"); i++) {
            int node = random.nextInt(n);
            long time = (long) i * gap;
            if (random.nextDouble() < share) {
                steps.add(new Step(i, method == Method.COORDINATED ? CkptConfig.COORDINATOR : node, -1, time));
            } else {
                int to = (node + 1 + random.nextInt(n - 1)) % n;
                steps.add(new Step(i, node, to, time));
            }
        }
        return steps;
    }
}

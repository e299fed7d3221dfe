package dev.faultlab.protocols.messagelogging;

import dev.faultlab.key.AnswerKey;
import dev.faultlab.key.KeyedProtocol;
import dev.faultlab.protocols.messagelogging.key.LoggingKeys;
import dev.faultlab.sim.FailureModel;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.ParamSpec;
import dev.faultlab.sim.Params;
import dev.faultlab.sim.RecipeException;
import dev.faultlab.sim.Setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Message logging in the piecewise deterministic model (lecture 002, "Recovery"): processes work on the messages
 * they deliver, log them (as receiver or sender, pessimistically before acting on them or optimistically later),
 * checkpoint, and after a crash restore the checkpoint and replay the log. The default script is the slides'
 * orphan example: P (P1) sends m1 and m2 to Q (P2), which then sends m3 to R (P3).
 */
public final class MessageLogging implements KeyedProtocol {
    public static final String ID = "logging";
    /** The slides' example: m1 and m2 from P to Q, the second one later, and m3 from Q to R once Q delivered both. */
    static final List<Map<String, Object>> SLIDES = List.of(Map.of("from", 0, "to", 1, "at", 0),
            Map.of("from", 0, "to", 1, "at", 20), Map.of("from", 1, "to", 2, "after", 2));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Message logging";
    }

    @Override
    public String description() {
        return "Processes checkpoint to stable storage and log the messages they receive (or send), so that after a crash "
                + "they restore the checkpoint and replay the logged messages to the state they had. Logging pessimistically, "
                + "before acting on a message, never leaves an orphan; logging optimistically, a crash can lose a message "
                + "the process acted on, and the processes depending on it are orphans that must roll back.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer("n", 2, 8, 3, "number of processes; the slides' P, Q and R are P1, P2 and P3"),
                ParamSpec.text("logging", "receiver", "who logs a message: 'receiver' (before or after delivering it) or "
                        + "'sender' (before sending it)"),
                ParamSpec.text("mode", "optimistic", "'pessimistic': a message is on stable storage before anyone acts on it; "
                        + "'optimistic': it is kept in memory and written to stable storage flushDelay ticks later"),
                ParamSpec.flag("rollback", true, "orphans roll back when they learn that an interval they depend on was lost; "
                        + "false is a deliberately broken variant, which a monitor catches"),
                ParamSpec.integer("flushDelay", 1, 100_000, 10, "optimistic logging: ticks a logged message waits in memory "
                        + "before it is written to stable storage"),
                ParamSpec.integer("checkpointEvery", 0, 1_000_000, 0, "ticks between checkpoints (0: only the one at the start)"),
                ParamSpec.integer("retry", 1, 100_000, 20, "sender-based recovery: ticks before asking again the senders "
                        + "that have not answered"),
                ParamSpec.integer("runFor", 1, 1_000_000, 200, "no checkpoint or retry timer is set past this time"),
                ParamSpec.list("messages", "the application's script, message m1 first: each {from, to, at} (sent at time at) "
                        + "or {from, to, after} (sent once the sender has delivered after messages); leave out for the "
                        + "slides' example"));
    }

    @Override
    public Setup setup(Params params) {
        MlConfig config = config(params);
        return Setup.async(config.n(), node -> new LoggingProcess(config));
    }

    /** A process that crashed and recovered from its checkpoint and log is correct again. */
    @Override
    public FailureModel failureModel() {
        return FailureModel.CRASH_RECOVERY;
    }

    /** No orphan processes (pessimistic logging promises it), and no orphan left once recovery rolled them back. */
    @Override
    public List<Monitor> monitors(Params params, NetworkSpec network) {
        return List.of(new NoOrphans(), new OrphansRolledBack());
    }

    @Override
    public List<AnswerKey> answerKeys() {
        return LoggingKeys.all();
    }

    static MlConfig config(Params params) {
        int n = params.getInt("n");
        Logging logging = Logging.of(params.getString("logging"));
        if (logging == null) {
            throw new RecipeException("params.logging", "must be 'receiver' or 'sender', got '" + params.getString("logging") + "'");
        }
        String mode = params.getString("mode");
        if (!mode.equals("pessimistic") && !mode.equals("optimistic")) {
            throw new RecipeException("params.mode", "must be 'pessimistic' or 'optimistic', got '" + mode + "'");
        }
        int runFor = params.getInt("runFor");
        List<?> raw = params.getList("messages").orElse(SLIDES);
        List<Scripted> script = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            script.add(line(i, raw.get(i), n, runFor));
        }
        return new MlConfig(n, logging, mode.equals("pessimistic"), params.getBoolean("rollback"), params.getInt("checkpointEvery"),
                params.getInt("flushDelay"), params.getInt("retry"), runFor, script);
    }

    private static Scripted line(int index, Object raw, int n, int runFor) {
        String field = "params.messages[" + index + "]";
        if (!(raw instanceof Map<?, ?> map)) {
            throw new RecipeException(field, "must be {from, to, at} or {from, to, after}, got '" + raw + "'");
        }
        for (Object key : map.keySet()) {
            if (!List.of("from", "to", "at", "after").contains(String.valueOf(key))) {
                throw new RecipeException(field + "." + key, "is not a field of a message: use from, to and at or after");
            }
        }
        int from = whole(map.get("from"), field + ".from", 0, n - 1);
        int to = whole(map.get("to"), field + ".to", 0, n - 1);
        if (from == to) {
            throw new RecipeException(field + ".to", "must be another process than the sender (P" + (from + 1) + ")");
        }
        boolean at = map.containsKey("at");
        if (at == map.containsKey("after")) {
            throw new RecipeException(field, "needs exactly one of 'at' (a time) and 'after' (a number of deliveries)");
        }
        return at ? new Scripted(index, from, to, whole(map.get("at"), field + ".at", 0, runFor), -1)
                : new Scripted(index, from, to, -1, whole(map.get("after"), field + ".after", 1, 1000));
    }

    private static int whole(Object value, String field, int min, int max) {
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw new RecipeException(field, "must be a whole number, got '" + value + "'");
        }
        int v = number.intValue();
        if (v < min || v > max) {
            throw new RecipeException(field, "must be from " + min + " to " + max + ", got " + v);
        }
        return v;
    }
}

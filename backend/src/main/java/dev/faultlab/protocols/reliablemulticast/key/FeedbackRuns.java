package dev.faultlab.protocols.reliablemulticast.key;

import dev.faultlab.key.Args;
import dev.faultlab.key.KeyException;
import dev.faultlab.protocols.reliablemulticast.ReliableMulticast;
import dev.faultlab.protocols.reliablemulticast.Traffic;
import dev.faultlab.protocols.reliablemulticast.Variant;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;

import java.util.List;
import java.util.Map;

/**
 * The runs behind the feedback figure and the exercises that read it: P1 multicasts {@link #MESSAGES} messages to
 * a group of receivers over a network that loses {@link #LOSS} of all messages, once per feedback scheme and group
 * size, and the figure counts the feedback messages that reach P1. Group sizes stay within the default budget of
 * 64 processes, so a student can replay any of these runs in the run view.
 */
public final class FeedbackRuns {
    public static final List<Variant> SCHEMES = List.of(Variant.ACK, Variant.NACK, Variant.SUPPRESSION, Variant.HIERARCHY);
    public static final List<Integer> SIZES = List.of(4, 8, 16, 32, 48);
    static final int MESSAGES = 10;
    static final double LOSS = 0.05;
    static final int GROUP_SIZE = 4;
    static final long SEED = 1;

    private FeedbackRuns() {
    }

    /** The run of {@code scheme} with {@code receivers} receivers (P2 to P{receivers + 1}). */
    public static Recipe recipe(Variant scheme, int receivers) {
        Map<String, Object> params = Map.of("n", receivers + 1, "messages", MESSAGES, "variant", scheme.id(),
                "groupSize", GROUP_SIZE, "runFor", 600);
        return new Recipe(ReliableMulticast.ID, params, SEED, List.of(), new NetworkSpec(null, LOSS, 0, true), null, List.of());
    }

    /** Feedback messages (ACKs and NACKs) that reach P1 in that run. */
    public static int feedback(ProtocolRegistry registry, Variant scheme, int receivers) {
        Simulation run = Simulation.start(recipe(scheme, receivers), registry);
        run.runToEnd();
        return Traffic.feedbackAtSender(run);
    }

    /** The {@code variant} argument of a key, one of the figure's schemes. */
    static Variant scheme(Map<String, Object> args, String field) {
        Object name = args.get("variant");
        Variant scheme = name instanceof String text ? Variant.of(text) : null;
        if (scheme == null || !SCHEMES.contains(scheme)) {
            throw new KeyException(field + ".variant", "must be one of " + String.join(", ", SCHEMES.stream().map(Variant::id).toList())
                    + ", got " + (name == null ? "nothing" : "'" + name + "'"));
        }
        return scheme;
    }

    /** The {@code receivers} argument of a key, one of the figure's group sizes. */
    static int receivers(Map<String, Object> args, String field) {
        int receivers = Args.integer(args, "receivers", field);
        if (!SIZES.contains(receivers)) {
            throw new KeyException(field + ".receivers", "must be one of the figure's group sizes " + SIZES + ", got " + receivers);
        }
        return receivers;
    }
}

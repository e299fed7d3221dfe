package dev.faultlab.protocols.pbft;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.Trace;

import java.util.Map;

/**
 * Messages per request in a fault-free run: every SEND (requests, pre-prepares, prepares, commits, replies) over
 * the requests the client accepted. Lab keys, the lab's figure and the benchmark all count the same way.
 */
public final class MessageCount {
    /** The requests each counting run makes: enough to average, few enough to grade quickly. */
    public static final int REQUESTS = 3;

    private MessageCount() {
    }

    /** A fault-free run of one client with n = 3k + 1 replicas. */
    public static Recipe recipe(int k, int requests, long seed) {
        return Recipe.of(Pbft.ID, Map.of("k", k, "clients", 1, "requests", requests, "runFor", 100_000), seed);
    }

    public record Count(int n, long messages, long accepted) {
        public double perRequest() {
            return accepted == 0 ? 0 : (double) messages / accepted;
        }
    }

    public static Count of(Simulation run) {
        Trace trace = run.trace();
        long sends = 0;
        long accepted = 0;
        for (int seq = 0; seq < trace.size(); seq++) {
            if (trace.kind(seq) == EventKind.SEND) {
                sends++;
            } else if (trace.kind(seq) == EventKind.OUTPUT && trace.event(seq).payload() instanceof dev.faultlab.sim.Output.Deliver deliver
                    && deliver.message() instanceof Accepted) {
                accepted++;
            }
        }
        return new Count(Pbft.config(run.recipe()).n(), sends, accepted);
    }

    public static Count run(ProtocolRegistry registry, int k, int requests, long seed) {
        Simulation run = Simulation.start(recipe(k, requests, seed), registry);
        run.runToEnd();
        return of(run);
    }
}

package dev.faultlab.protocols.cap.key;

import dev.faultlab.key.Args;
import dev.faultlab.key.KeyException;
import dev.faultlab.key.Reference;
import dev.faultlab.protocols.cap.CapRuns;
import dev.faultlab.protocols.cap.Mode;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;

import java.util.Map;

/**
 * The run a CAP question asks about: the lab's scenario with the replicas in {@code mode}, and the replica that
 * receives request {@code request} in the reference run cut off from the others at time {@code at}, played with the
 * protocol's monitors.
 */
final class PartitionedScenario {
    private PartitionedScenario() {
    }

    static void check(Map<String, Object> args, String field) {
        mode(args, field);
        if (Args.integer(args, "request", field) < 1) {
            throw new KeyException(field + ".request", "requests are numbered from 1");
        }
        if (Args.integer(args, "at", field) < 0) {
            throw new KeyException(field + ".at", "must be 0 or more ticks");
        }
    }

    static Mode mode(Map<String, Object> args, String field) {
        Mode mode = Mode.of(String.valueOf(args.get("mode")));
        if (mode == null) {
            throw new KeyException(field + ".mode", "must be one of " + Mode.ids() + ", got '" + args.get("mode") + "'");
        }
        return mode;
    }

    static int request(Map<String, Object> args) {
        return Args.integer(args, "request", "answer");
    }

    static Simulation run(Reference reference, Map<String, Object> args) {
        int request = request(args);
        int isolated = CapRuns.replicaOf(reference.run(), request);
        if (isolated < 0) {
            throw new KeyException("answer.request", "the scenario's run has no request " + request);
        }
        Recipe scenario = CapRuns.inMode(reference.run().recipe(), mode(args, "answer"));
        return CapRuns.played(reference.registry(), scenario.withFault(CapRuns.isolating(isolated, Args.integer(args, "at", "answer"))));
    }
}

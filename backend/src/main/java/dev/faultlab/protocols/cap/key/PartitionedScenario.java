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
 * The run a CAP question asks about: the lab's scenario with the replicas in {@code mode} and replica
 * {@code isolated} cut off from the others at time {@code at}, played with the protocol's monitors.
 */
final class PartitionedScenario {
    private PartitionedScenario() {
    }

    static void check(Map<String, Object> args, String field) {
        mode(args, field);
        if (Args.integer(args, "isolated", field) < 0) {
            throw new KeyException(field + ".isolated", "must be a replica id, 0 or more");
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

    static Simulation run(Reference reference, Map<String, Object> args) {
        Recipe scenario = CapRuns.inMode(reference.run().recipe(), mode(args, "answer"));
        int isolated = Args.integer(args, "isolated", "answer");
        if (isolated >= reference.run().nodeCount()) {
            throw new KeyException("answer.isolated", "replica " + isolated + " does not exist (n=" + reference.run().nodeCount() + ")");
        }
        return CapRuns.played(reference.registry(), scenario.withFault(CapRuns.isolating(isolated, Args.integer(args, "at", "answer"))));
    }
}

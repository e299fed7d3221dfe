package dev.faultlab.protocols.failuredetector.key;

import dev.faultlab.key.Args;
import dev.faultlab.key.KeyException;
import dev.faultlab.key.Reference;
import dev.faultlab.protocols.failuredetector.FailureDetector;
import dev.faultlab.protocols.failuredetector.Timeline;

import java.util.Map;

/** What the keys share: the reference run's timeline, read once per run, and optional process arguments. */
final class DetectorRun {
    private DetectorRun() {
    }

    static Timeline timeline(Reference reference) {
        return reference.reading(Timeline.class, ref -> Timeline.of(FailureDetector.config(ref.run().recipe()), ref.run().trace().events()));
    }

    /** A process id argument, or -1 when the lab leaves it out. */
    static int optionalNode(Map<String, Object> args, String name, String field) {
        if (!args.containsKey(name)) {
            return -1;
        }
        int node = Args.integer(args, name, field);
        if (node < 0) {
            throw new KeyException(field + "." + name, "process ids count from 0, got " + node);
        }
        return node;
    }

    static int node(Map<String, Object> args, String name, String field) {
        int node = Args.integer(args, name, field);
        if (node < 0) {
            throw new KeyException(field + "." + name, "process ids count from 0, got " + node);
        }
        return node;
    }
}

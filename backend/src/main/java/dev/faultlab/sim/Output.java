package dev.faultlab.sim;

import java.util.List;

/**
 * A typed result a process hands to its environment with {@link Context#output(Output)}: the closed set of
 * things the course's properties are stated about. Each is recorded as an OUTPUT trace event whose payload is
 * the output and whose detail is its {@link #kind()}; a {@link Decide} is recorded as a DECIDE event instead
 * (payload: the value), as {@link Context#decide(Object)} always did. Values should be immutable.
 */
public sealed interface Output permits Output.Decide, Output.Deliver, Output.Commit, Output.Reply, Output.Suspect,
        Output.Trust, Output.ViewInstalled, Output.Checkpoint, Output.Cut {

    /** The kind's name in the trace and the browser: decide, deliver, commit, reply, suspect, trust, view, checkpoint, cut. */
    String kind();

    /** Consensus: the process decides {@code value} (its first decision counts). */
    record Decide(Object value) implements Output {
        @Override
        public String kind() {
            return "decide";
        }
    }

    /** Broadcast and multicast: {@code message}, originally sent by {@code origin}, is delivered to the application. */
    record Deliver(int origin, Object message) implements Output {
        @Override
        public String kind() {
            return "deliver";
        }
    }

    /** Replicated logs and state machines: the entry at {@code index} is committed and applied. */
    record Commit(long index, Object entry) implements Output {
        @Override
        public String kind() {
            return "commit";
        }
    }

    /** A server answers request {@code request} of the client process {@code client}: the number the client gave it (its {@link Request#id()} when the request came straight from an intervention). */
    record Reply(int client, int request, Object result) implements Output {
        @Override
        public String kind() {
            return "reply";
        }
    }

    /** A failure detector starts suspecting {@code node}. */
    record Suspect(int node) implements Output {
        @Override
        public String kind() {
            return "suspect";
        }
    }

    /** A failure detector stops suspecting {@code node}. */
    record Trust(int node) implements Output {
        @Override
        public String kind() {
            return "trust";
        }
    }

    /** Group membership: the process installs view number {@code view} with these members (ascending ids). */
    record ViewInstalled(long view, List<Integer> members) implements Output {
        public ViewInstalled {
            members = List.copyOf(members);
        }

        @Override
        public String kind() {
            return "view";
        }
    }

    /** Recovery: the process saved its state to stable storage as the checkpoint {@code label} (CP_1(2)): a mark on its lane. */
    record Checkpoint(String label) implements Output {
        @Override
        public String kind() {
            return "checkpoint";
        }
    }

    /**
     * A cut across the processes (a recovery line, a coordinated checkpoint): for each process in id order, the
     * label of the {@link Checkpoint} it passes through, or null where it passes through the process's state at this
     * event. The space-time diagram draws it as a line across the lanes.
     */
    record Cut(String name, List<String> points) implements Output {
        public Cut {
            points = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(points));
        }

        @Override
        public String kind() {
            return "cut";
        }
    }

    /** The output an event records: a DECIDE event's decision or an OUTPUT event's payload; null for other events. */
    static Output of(TraceEvent event) {
        return switch (event.kind()) {
            case DECIDE -> new Decide(event.payload());
            case OUTPUT -> (Output) event.payload();
            default -> null;
        };
    }
}

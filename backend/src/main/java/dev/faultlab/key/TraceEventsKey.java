package dev.faultlab.key;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code trace.events {kinds, node}}: the indexes of the reference run's events of these kinds (at that node, if given). */
final class TraceEventsKey implements EventsKey {
    static final String NAME = "trace.events";

    private static final Spec SPEC = new Spec(NAME, null, Set.of("kinds", "node"));

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void check(Map<String, Object> args, String field) {
        for (String kind : Args.texts(args, "kinds", field)) {
            if (Arrays.stream(EventKind.values()).noneMatch(k -> k.name().equals(kind))) {
                throw new KeyException(field + ".kinds", "'" + kind + "' is not an event kind; use " + Arrays.toString(EventKind.values()));
            }
        }
        if (args.containsKey("node")) {
            Args.integer(args, "node", field);
        }
    }

    @Override
    public List<Integer> expected(Reference reference, Map<String, Object> args) {
        List<String> kinds = Args.texts(args, "kinds", "answer");
        Integer node = (Integer) args.get("node");
        Trace trace = reference.run().trace();
        List<Integer> events = new ArrayList<>();
        for (int seq = 0; seq < trace.size(); seq++) {
            if (kinds.contains(trace.kind(seq).name()) && (node == null || trace.node(seq) == node)) {
                events.add(seq);
            }
        }
        return events;
    }
}

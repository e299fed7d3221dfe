package dev.faultlab.protocols.virtualsynchrony;

import dev.faultlab.sim.ProcessLabel;

import java.util.List;
import java.util.stream.Collectors;

/** An installed group view: its number (the first view is 1) and its members, ascending. */
public record GroupView(int id, List<Integer> members) {
    public GroupView {
        members = List.copyOf(members);
    }

    /** The view's sequencer in the atomic variants, and its coordinator while nobody is suspected. */
    int first() {
        return members.get(0);
    }

    String label() {
        return "view " + id + " " + labels(members);
    }

    public static String labels(List<Integer> nodes) {
        return nodes.stream().map(ProcessLabel::of).collect(Collectors.joining(", ", "(", ")"));
    }
}

package dev.faultlab.protocols.omcast;

import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.StateDisplay;

import java.util.ArrayList;
import java.util.List;

/** A vector clock (or any value per member) as the inspector shows it: one entry per member, P1 first. */
final class VectorSection {
    private VectorSection() {
    }

    static StateDisplay.Vector of(String title, VectorClock clock) {
        return of(title, clock.entries());
    }

    /** Any value per member, P1 first. */
    static StateDisplay.Vector of(String title, List<Integer> values) {
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < values.size(); k++) {
            labels.add(ProcessLabel.of(k));
        }
        return new StateDisplay.Vector(title, labels, new ArrayList<>(values));
    }
}

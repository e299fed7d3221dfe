package dev.faultlab.key;

import java.util.List;

/**
 * A worked solution: how the expected answer follows from the reference run, step by step, each step with
 * the events of the run it rests on (trace indexes, for links into the run view). Shown only with the
 * expected answer, so it may name values.
 */
public record Solution(List<Step> steps) {
    public static final Solution NONE = new Solution(List.of());

    public record Step(String title, String text, List<Integer> events) {
        public Step {
            events = List.copyOf(events);
        }
    }

    public Solution {
        steps = List.copyOf(steps);
    }
}

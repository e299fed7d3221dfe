package dev.faultlab.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The explorer's scheduler: it replays the choices it was given and pauses the run before any other, so the
 * explorer can look at what is enabled, inject a fault, and give the next choice.
 */
final class PausingScheduler implements Scheduler {
    private final List<Integer> choices;
    private int next;

    PausingScheduler(List<Integer> choices) {
        this.choices = new ArrayList<>(choices);
    }

    @Override
    public int choose(List<Enabled> enabled) {
        return next < choices.size() ? choices.get(next++) : PAUSE;
    }

    void add(int choice) {
        choices.add(choice);
    }

    /** The choices the run has made so far. */
    List<Integer> made() {
        return List.copyOf(choices.subList(0, next));
    }
}

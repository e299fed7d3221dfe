package dev.faultlab.sim;

import java.util.List;

/**
 * Chooses which enabled item the kernel runs next. The items come in the order the clock would run them
 * (due time, then the order they were scheduled), so choosing 0 every time is the timed scheduler. Virtual
 * time never goes back: an item chosen before an earlier one moves the clock to its time, and the earlier
 * one then runs late, at the current time.
 */
public interface Scheduler {
    /** The clock's order: today's behaviour, run without listing the enabled items at all. */
    Scheduler TIMED = new Scheduler() {
        @Override
        public int choose(List<Enabled> enabled) {
            return 0;
        }

        @Override
        public boolean followsClock() {
            return true;
        }
    };

    /** A choice that stops the run where it is, undecided, until someone continues it: see {@link Simulation#explore}. */
    int PAUSE = Integer.MIN_VALUE;

    /** The index in {@code enabled} (never empty) of the item to run, or {@link #PAUSE}. */
    int choose(List<Enabled> enabled);

    /** True while the scheduler would choose 0 anyway, so the kernel takes the clock's next item without a list. */
    default boolean followsClock() {
        return false;
    }

    /**
     * Replays a recipe's {@code schedule}: the i-th choice the kernel asks for is {@code choices.get(i)}, then the
     * clock's order once the list is used up. A fresh object per run: it counts the choices it gave.
     */
    static Scheduler replaying(List<Integer> choices) {
        if (choices.isEmpty()) {
            return TIMED;
        }
        return new Scheduler() {
            private int next;

            @Override
            public int choose(List<Enabled> enabled) {
                return choices.get(next++);
            }

            @Override
            public boolean followsClock() {
                return next >= choices.size();
            }
        };
    }
}

package dev.faultlab.sim;

import java.util.Map;

/**
 * The processes as a {@link Monitor} sees them right after the event it is reading: what the state inspector
 * shows at that event. Each piece is built on first use and shared by every monitor reading the same event, so
 * a monitor that reads only the event's own process pays for that one.
 */
public interface States {
    /** How many processes the run has. */
    int count();

    /** False while the process is crashed. */
    boolean up(int node);

    /** Its own state view; empty while crashed (volatile state is gone). */
    Map<String, Object> state(int node);

    /** Its stable storage, which survives a crash. */
    Map<String, Object> stable(int node);

    /** How the inspector shows it. */
    StateDisplay display(int node);

    /** Everything the inspector shows about it. */
    ProcessStatus status(int node);

    /** For monitors that read the trace alone, fed from a finished trace: asking for a state is a mistake. */
    States NONE = new States() {
        @Override
        public int count() {
            throw unavailable();
        }

        @Override
        public boolean up(int node) {
            throw unavailable();
        }

        @Override
        public Map<String, Object> state(int node) {
            throw unavailable();
        }

        @Override
        public Map<String, Object> stable(int node) {
            throw unavailable();
        }

        @Override
        public StateDisplay display(int node) {
            throw unavailable();
        }

        @Override
        public ProcessStatus status(int node) {
            throw unavailable();
        }

        private IllegalStateException unavailable() {
            return new IllegalStateException("this monitor reads process states: run it with the run "
                    + "(Simulation.start with a MonitorSource), not over a finished trace");
        }
    };
}

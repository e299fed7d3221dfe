package dev.faultlab.run;

import dev.faultlab.sim.Fault;
import dev.faultlab.sim.ProcessStatus;

import java.util.List;

/**
 * The frames a run stream sends; every frame has a {@code type}. See docs/API.md. The {@code events} frame is
 * written by {@link EventFrameWriter}.
 */
public final class Frames {
    private Frames() {
    }

    public record Hello(String type, RunSummary run, int next) {
        public Hello(RunSummary run, int next) {
            this("hello", run, next);
        }
    }

    public record Status(String type, RunSummary run) {
        public Status(RunSummary run) {
            this("status", run);
        }
    }

    public record State(String type, int at, long time, List<ProcessStatus> processes) {
        public State(int at, long time, List<ProcessStatus> processes) {
            this("state", at, time, processes);
        }
    }

    public record Injected(String type, Fault fault) {
        public Injected(Fault fault) {
            this("injected", fault);
        }
    }

    public record Error(String type, String code, String message, String command) {
        public Error(String code, String message, String command) {
            this("error", code, message, command);
        }
    }
}

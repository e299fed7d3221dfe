package dev.faultlab.protocols.messagelogging;

/** A checkpoint on stable storage: the application state when it was taken, and when. */
public record Checkpoint(int number, long time, AppState state) {
    @Override
    public String toString() {
        return "checkpoint " + number + " at t=" + time + ": " + state.count() + " delivered, value " + state.value();
    }
}

package dev.faultlab.sim;

/** A process driven by messages and timers. */
public non-sealed interface AsyncProcess extends NodeProcess {
    default void onStart(Context ctx) {
    }

    void onMessage(Context ctx, int from, Message message);

    default void onTimer(Context ctx, String timer) {
    }

    /** Called on a fresh process object after a crash; only {@link Context#stable()} survived. */
    default void onRecover(Context ctx) {
    }

    /** A client request handed to this process from outside the run; ignored unless the protocol takes requests. */
    default void onRequest(Context ctx, Request request) {
    }
}

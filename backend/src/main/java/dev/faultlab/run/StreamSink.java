package dev.faultlab.run;

/** Where a stream's frames go: a WebSocket in production, a list in tests. */
public interface StreamSink {
    /**
     * Sends one text frame, given as its UTF-8 bytes (which the sink may keep until it is written);
     * {@code written} runs once it has left (or failed), on any thread.
     */
    void send(byte[] utf8, Runnable written);

    boolean isOpen();

    /** Closes the stream after the frames already sent, telling the client why. */
    void close(String reason);
}

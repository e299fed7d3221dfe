package dev.faultlab.run;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One browser watching a run. It holds only a cursor into the run's trace, never a queue of its own:
 * a slow client that has too many frames in flight is simply skipped, and catches up from the trace
 * once its socket drains, so server memory does not grow with a stalled client.
 */
public final class StreamClient {
    private final StreamSink sink;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final int maxInFlight;
    private int nextSeq;
    private int batch;

    StreamClient(StreamSink sink, int firstSeq, int maxInFlight) {
        this.sink = sink;
        this.nextSeq = firstSeq;
        this.maxInFlight = maxInFlight;
    }

    boolean isOpen() {
        return sink.isOpen();
    }

    int nextSeq() {
        return nextSeq;
    }

    boolean canTakeMore() {
        return inFlight.get() < maxInFlight;
    }

    /** Sends the events the client has not seen, as long as its window allows. Called under the run's lock. */
    void pump(LiveRun run, int maxPerFrame) {
        int size = run.eventCount();
        while (nextSeq < size && canTakeMore() && sink.isOpen()) {
            int to = Math.min(size, nextSeq + maxPerFrame);
            String frame = EventFrameWriter.write(++batch, nextSeq, run.events(nextSeq, to));
            nextSeq = to;
            sendNow(frame);
        }
    }

    void close(String reason) {
        sink.close(reason);
    }

    /** Control frames (status, errors, replies) bypass the window: they are few and small. */
    void sendNow(String frame) {
        inFlight.incrementAndGet();
        sink.send(frame, inFlight::decrementAndGet);
    }
}

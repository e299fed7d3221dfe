package dev.faultlab.run;

import dev.faultlab.sim.Trace;

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
    /** Asks the run to pump again: a frame of a client whose events waited for its window has left. */
    private final Runnable drained;
    /** One callback for every frame, so sending allocates none. */
    private final Runnable written = this::written;
    /** Guarded by the run's lock. */
    private int nextSeq;
    private int batch;
    /** Events wait for this client's window to open; the frame that opens it calls {@link #drained}. */
    private volatile boolean waiting;

    StreamClient(StreamSink sink, int firstSeq, int maxInFlight, Runnable drained) {
        this.sink = sink;
        this.nextSeq = firstSeq;
        this.maxInFlight = maxInFlight;
        this.drained = drained;
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
    void pump(Trace trace, int maxPerFrame) {
        int size = trace.size();
        while (true) {
            while (nextSeq < size && canTakeMore() && sink.isOpen()) {
                int to = Math.min(size, nextSeq + maxPerFrame);
                byte[] frame = EventFrameWriter.write(++batch, nextSeq, trace.events(nextSeq, to));
                nextSeq = to;
                sendNow(frame);
            }
            if (nextSeq >= size || !sink.isOpen()) {
                waiting = false;
                return;
            }
            // Set before looking at the window again: a frame leaving after this look sees it and asks for a pump.
            waiting = true;
            if (!canTakeMore()) {
                return;
            }
        }
    }

    void close(String reason) {
        sink.close(reason);
    }

    /** Control frames (status, errors, replies) bypass the window: they are few and small. */
    void sendNow(byte[] frame) {
        inFlight.incrementAndGet();
        sink.send(frame, written);
    }

    private void written() {
        if (inFlight.decrementAndGet() < maxInFlight && waiting) {
            waiting = false;
            drained.run();
        }
    }
}

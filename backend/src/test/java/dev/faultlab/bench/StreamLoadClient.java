package dev.faultlab.bench;

import java.net.http.WebSocket;
import java.util.Map;

/**
 * One simulated student: opens a run, plays it at a set speed and keeps watching it, injecting a fault every two
 * to four seconds and timing its FAULT event. Faults alternate between taking a link down and bringing it back,
 * so the run keeps going however many are injected; when the run ends, the student opens another.
 */
final class StreamLoadClient implements Runnable {
    private static final int NODES = 12;
    private static final long FAULT_TIMEOUT_MILLIS = 10_000;

    private final BenchSession session;
    private final int index;
    private final double eventsPerSecond;
    private final long startAtNanos;
    private final long deadlineNanos;
    private final LoadTally tally;

    StreamLoadClient(BenchSession session, int index, double eventsPerSecond, long startAtNanos, long deadlineNanos,
                     LoadTally tally) {
        this.session = session;
        this.index = index;
        this.eventsPerSecond = eventsPerSecond;
        this.startAtNanos = startAtNanos;
        this.deadlineNanos = deadlineNanos;
        this.tally = tally;
    }

    @Override
    public void run() {
        try {
            sleepUntil(startAtNanos);
            for (int runs = 0; System.nanoTime() < deadlineNanos; runs++) {
                try {
                    watchOneRun(runs);
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    // A refused connection or a late reply: count it, and this student tries again with a new run.
                    tally.error("client " + index + ": " + e);
                    Thread.sleep(1_000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void watchOneRun(int runs) throws Exception {
        String id = session.createRun(Map.of("protocol", "flooding", "seed", index * 1_000 + runs,
                "params", Map.of("n", NODES, "f", 6)));
        tally.run();
        try {
            watch(id);
        } finally {
            session.delete(id);
        }
    }

    private void watch(String id) throws Exception {
        FrameWatcher watcher = new FrameWatcher(tally);
        WebSocket socket = session.stream(id, watcher);
        try {
            socket.sendText("{\"cmd\":\"speed\",\"eventsPerSecond\":" + eventsPerSecond + "}", true).join();
            socket.sendText("{\"cmd\":\"play\"}", true).join();
            for (int fault = 0; ; fault++) {
                // Spread over 2-4 s per client, so the faults of a thousand clients do not arrive in step.
                sleepUntil(Math.min(deadlineNanos, System.nanoTime() + 2_000_000_000L + (index * 7_919L + fault * 104_729L)
                        % 2_000 * 1_000_000L));
                if (watcher.ended() || System.nanoTime() >= deadlineNanos) {
                    return;
                }
                watcher.injecting();
                socket.sendText(inject(fault), true).join();
                if (!watcher.awaitFault(FAULT_TIMEOUT_MILLIS)) {
                    return;
                }
            }
        } finally {
            socket.abort();
        }
    }

    /** Even faults take the link from this client's node to another down, odd ones bring the same link back up. */
    private String inject(int fault) {
        int target = index % NODES;
        int to = (target + 1 + (fault / 2) % (NODES - 1)) % NODES;
        String kind = fault % 2 == 0 ? "LINK_DOWN" : "LINK_UP";
        return "{\"cmd\":\"inject\",\"fault\":{\"kind\":\"" + kind + "\",\"target\":" + target
                + ",\"params\":{\"to\":" + to + "}}}";
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}

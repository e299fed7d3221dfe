package dev.faultlab.bench;

import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads one run stream as cheaply as it can, so that a thousand of them leave the CPU to the server: frames are
 * scanned for a few fixed strings, never parsed. The server writes every frame with {@code type} first and events
 * as {@code {"seq":...,"kind":"..."}} (docs/API.md), which is what the scan relies on.
 */
final class FrameWatcher implements WebSocket.Listener {
    private static final String EVENTS = "{\"type\":\"events\"";
    private static final String STATUS = "{\"type\":\"status\"";
    private static final String ERROR = "{\"type\":\"error\"";

    private final LoadTally tally;
    private final StringBuilder partial = new StringBuilder();
    private volatile CompletableFuture<Boolean> faultSeen = new CompletableFuture<>();
    private volatile long injectedAt;
    private volatile boolean ended;

    FrameWatcher(LoadTally tally) {
        this.tally = tally;
    }

    boolean ended() {
        return ended;
    }

    /** Call right before sending an inject command. */
    void injecting() {
        faultSeen = new CompletableFuture<>();
        injectedAt = System.nanoTime();
    }

    /**
     * Waits for the FAULT event of the fault just injected and records the latency; false if the run had ended
     * (the server refused the fault). A fault not seen in time counts as a timeout.
     */
    boolean awaitFault(long timeoutMillis) throws Exception {
        try {
            return faultSeen.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            tally.timeout(injectedAt);
            return true;
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            inspect(partial);
            partial.setLength(0);
        }
        ws.request(1);
        return null;
    }

    private void inspect(StringBuilder frame) {
        if (startsWith(frame, EVENTS)) {
            tally.events(count(frame, "{\"seq\":"));
            long sentAt = injectedAt;
            if (sentAt != 0 && frame.indexOf("\"kind\":\"FAULT\"") >= 0) {
                tally.latency(sentAt, System.nanoTime() - sentAt);
                injectedAt = 0;
                faultSeen.complete(true);
            }
        } else if (startsWith(frame, STATUS)) {
            if (frame.indexOf("\"status\":\"ENDED\"") >= 0) {
                ended = true;
            }
        } else if (startsWith(frame, ERROR)) {
            if (frame.indexOf("\"code\":\"conflict\"") >= 0) {
                ended = true;
                injectedAt = 0;
                faultSeen.complete(false);
            } else {
                tally.error(frame.toString());
            }
        }
    }

    private static boolean startsWith(StringBuilder frame, String prefix) {
        return frame.length() >= prefix.length() && frame.substring(0, prefix.length()).equals(prefix);
    }

    private static int count(StringBuilder frame, String needle) {
        int n = 0;
        for (int at = frame.indexOf(needle); at >= 0; at = frame.indexOf(needle, at + needle.length())) {
            n++;
        }
        return n;
    }
}

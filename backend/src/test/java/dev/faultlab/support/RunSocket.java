package dev.faultlab.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.fail;

/** A run stream as a test sees it: send commands, wait for frames of a type, collect the events. */
public final class RunSocket implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WAIT_SECONDS = 15;

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final List<JsonNode> events = new ArrayList<>();
    private final CompletableFuture<Integer> closedWith = new CompletableFuture<>();
    private final WebSocket socket;

    private RunSocket(TestServer server, String cookie, String path) {
        StringBuilder partial = new StringBuilder();
        try {
            socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .header("Cookie", cookie)
                    .buildAsync(URI.create("ws://localhost:" + server.app().port() + path), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                            partial.append(data);
                            if (last) {
                                frames.add(read(partial.toString()));
                                partial.setLength(0);
                            }
                            ws.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                            closedWith.complete(statusCode);
                            return null;
                        }
                    }).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not open " + path + ": " + e, e);
        }
    }

    /** Opens the stream of {@code runId} as the user whose session cookie is given; {@code from} may be null. */
    public static RunSocket open(TestServer server, ApiClient user, String runId, Integer from) {
        String cookie = "faultlab_session=" + user.cookie("faultlab_session").orElseThrow().getValue();
        return new RunSocket(server, cookie, "/api/runs/" + runId + "/stream" + (from == null ? "" : "?from=" + from));
    }

    public void send(String json) {
        socket.sendText(json, true).join();
    }

    /** Waits for the next frame of {@code type}, keeping the events of any event frames passed on the way. */
    public JsonNode next(String type) {
        return next(frame -> frame.path("type").asText().equals(type), "a " + type + " frame");
    }

    public JsonNode next(Predicate<JsonNode> wanted, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            JsonNode frame;
            try {
                frame = frames.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (frame == null) {
                continue;
            }
            if (frame.path("type").asText().equals("events")) {
                frame.path("events").forEach(events::add);
            }
            if (wanted.test(frame)) {
                return frame;
            }
        }
        return fail("waited " + WAIT_SECONDS + " s for " + what + "; events so far: " + events.size());
    }

    /** Waits until at least {@code count} events have arrived in total. */
    public List<JsonNode> awaitEvents(int count) {
        if (events.size() < count) {
            next(frame -> events.size() >= count, count + " events");
        }
        return events;
    }

    /** Waits for a status frame that says the run ended. */
    public JsonNode awaitEnd() {
        return next(f -> f.path("type").asText().equals("status") && f.path("run").path("status").asText().equals("ENDED"),
                "the run to end");
    }

    public List<JsonNode> events() {
        return events;
    }

    /** Waits until the server closes the socket and returns the close code. */
    public int awaitClose() {
        try {
            return closedWith.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            return fail("the server did not close the socket within " + WAIT_SECONDS + " s: " + e);
        }
    }

    /** Drops the connection without a close handshake, like a lost network. */
    public void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        socket.abort();
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.faultlab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultlab.App;
import dev.faultlab.config.Config;

import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load on the live-run service, from this JVM to a FaultLab it starts on 127.0.0.1 (never anywhere else).
 * N clients each open a run, play it and inject a crash; the time from sending the fault to receiving its
 * FAULT event is the latency reported. Before that it measures the heap held per idle run.
 * Bounded: at most 2,000 clients, 120 seconds, 5,000 idle runs; it stops by itself.
 *
 * <pre>mvn -B -q -pl backend test-compile exec:exec@bench -Dbench.main=dev.faultlab.bench.RunLoadGenerator -Dbench.args="1000 30 1000"</pre>
 */
public final class RunLoadGenerator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "admin@faultlab.local";
    private static final String PASSWORD = "load generator password";

    public static void main(String[] args) throws Exception {
        int clients = Math.min(2_000, args.length > 0 ? Integer.parseInt(args[0]) : 1_000);
        int seconds = Math.min(120, args.length > 1 ? Integer.parseInt(args[1]) : 30);
        int idleRuns = Math.min(5_000, args.length > 2 ? Integer.parseInt(args[2]) : 1_000);
        Path data = Files.createTempDirectory("faultlab-load");
        App app = App.start(Config.fromEnvironment(Map.of("PORT", "0", "FAULTLAB_DB_PORT", "0",
                "FAULTLAB_DATA", data.toString(), "FAULTLAB_LABS", data.resolve("labs").toString(),
                "FAULTLAB_ADMIN_PASSWORD", PASSWORD, "FAULTLAB_MAX_RUNS_PER_USER", "1000")));
        try {
            String base = "http://127.0.0.1:" + app.port();
            Session session = Session.login(base);
            // Idle memory first, on a heap the stream phase has not churned.
            idleMemory(session, idleRuns);
            streams(session, clients, Duration.ofSeconds(seconds));
        } finally {
            app.close();
            System.exit(0);
        }
    }

    /** Each client: create a run, play it, inject a crash after a moment, time the FAULT event; repeat. */
    private static void streams(Session session, int clients, Duration duration) throws Exception {
        ConcurrentLinkedQueue<Long> latenciesNanos = new ConcurrentLinkedQueue<>();
        AtomicLong events = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        CountDownLatch done = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            int client = i;
            Thread worker = new Thread(() -> {
                try {
                    while (System.nanoTime() < deadline) {
                        oneRun(session, client, latenciesNanos, events, deadline);
                    }
                } catch (Exception e) {
                    System.err.println("client " + client + ": " + e);
                } finally {
                    done.countDown();
                }
            }, "load-client-" + client);
            worker.setDaemon(true);
            worker.start();
        }
        done.await(duration.toSeconds() + 60, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = (processCpuNanos() - cpuBefore) / 1e9 / elapsed / Runtime.getRuntime().availableProcessors();
        List<Long> sorted = new ArrayList<>(latenciesNanos);
        Collections.sort(sorted);
        System.out.printf("clients %d, %.0f s: %d faults timed, fault-to-event p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                clients, elapsed, sorted.size(), percentile(sorted, 50), percentile(sorted, 99), percentile(sorted, 100));
        System.out.printf("events delivered to clients: %.0f per second; process CPU (server and clients): %.0f%% of %d cores%n",
                events.get() / elapsed, cpu * 100, Runtime.getRuntime().availableProcessors());
    }

    private static void oneRun(Session session, int client, ConcurrentLinkedQueue<Long> latencies, AtomicLong events,
                               long deadline) throws Exception {
        String id = session.createRun(Map.of("protocol", "flooding", "seed", client,
                "params", Map.of("n", 12, "f", 6)));
        CompletableFuture<Long> faultSeen = new CompletableFuture<>();
        AtomicLong injectedAt = new AtomicLong();
        WebSocket socket = session.stream(id, frame -> {
            if (frame.path("type").asText().equals("events")) {
                events.addAndGet(frame.path("events").size());
                for (JsonNode e : frame.path("events")) {
                    if (e.path("kind").asText().equals("FAULT") && injectedAt.get() != 0) {
                        faultSeen.complete(System.nanoTime() - injectedAt.get());
                    }
                }
            }
        });
        try {
            socket.sendText("{\"cmd\":\"speed\",\"eventsPerSecond\":400}", true).join();
            socket.sendText("{\"cmd\":\"play\"}", true).join();
            Thread.sleep(500 + client % 500);
            injectedAt.set(System.nanoTime());
            socket.sendText("{\"cmd\":\"inject\",\"fault\":{\"kind\":\"CRASH\",\"target\":" + (client % 12) + "}}", true).join();
            long remaining = Math.max(1, (deadline - System.nanoTime()) / 1_000_000) + 5_000;
            latencies.add(faultSeen.get(remaining, TimeUnit.MILLISECONDS));
            Thread.sleep(1_000);
        } finally {
            socket.abort();
            session.delete(id);
        }
    }

    /** Heap held per idle run: runs with a few hundred events each, nobody watching, nothing playing. */
    private static void idleMemory(Session session, int runs) throws Exception {
        long before = usedHeapAfterGc();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            String id = session.createRun(Map.of("protocol", "flooding", "seed", i, "params", Map.of("n", 8, "f", 2)));
            CompletableFuture<Void> stepped = new CompletableFuture<>();
            WebSocket socket = session.stream(id, frame -> {
                if (frame.path("type").asText().equals("status")) {
                    stepped.complete(null);
                }
            });
            socket.sendText("{\"cmd\":\"step\",\"events\":300}", true).join();
            stepped.get(10, TimeUnit.SECONDS);
            socket.abort();
            ids.add(id);
        }
        Thread.sleep(1_000);
        long after = usedHeapAfterGc();
        System.out.printf("idle runs: %d runs of ~300 events hold %.1f KB of heap each%n", runs, (after - before) / 1024.0 / runs);
        for (String id : ids) {
            session.delete(id);
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double percentile(List<Long> sortedNanos, int p) {
        if (sortedNanos.isEmpty()) {
            return Double.NaN;
        }
        int index = Math.min(sortedNanos.size() - 1, (int) Math.ceil(p / 100.0 * sortedNanos.size()) - 1);
        return sortedNanos.get(Math.max(0, index)) / 1e6;
    }

    /** A signed-in administrator over HTTP: cookie, CSRF token, and WebSockets on the same client. */
    private record Session(String base, HttpClient http, String csrf, String cookie) {
        static Session login(String base) throws Exception {
            CookieManager cookies = new CookieManager();
            HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
            String csrf = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/session")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).path("csrfToken").asText();
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                    .header("Content-Type", "application/json").header("X-CSRF-Token", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("email", ADMIN, "password", PASSWORD))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (login.statusCode() != 200) {
                throw new IllegalStateException("login failed: " + login.body());
            }
            String token = JSON.readTree(login.body()).path("csrfToken").asText(csrf);
            String cookie = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("faultlab_session"))
                    .findFirst().orElseThrow().toString();
            return new Session(base, http, token, cookie);
        }

        String createRun(Map<String, Object> recipe) throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/runs"))
                    .header("Content-Type", "application/json").header("X-CSRF-Token", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("recipe", recipe)))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("run not created: " + response.body());
            }
            return JSON.readTree(response.body()).path("run").path("id").asText();
        }

        void delete(String id) throws Exception {
            http.send(HttpRequest.newBuilder(URI.create(base + "/api/runs/" + id)).header("X-CSRF-Token", csrf)
                    .DELETE().build(), HttpResponse.BodyHandlers.discarding());
        }

        WebSocket stream(String id, java.util.function.Consumer<JsonNode> onFrame) throws Exception {
            StringBuilder partial = new StringBuilder();
            return http.newWebSocketBuilder().header("Cookie", cookie)
                    .buildAsync(URI.create(base.replace("http:", "ws:") + "/api/runs/" + id + "/stream"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                            partial.append(data);
                            if (last) {
                                try {
                                    onFrame.accept(JSON.readTree(partial.toString()));
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                                partial.setLength(0);
                            }
                            ws.request(1);
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
        }
    }
}

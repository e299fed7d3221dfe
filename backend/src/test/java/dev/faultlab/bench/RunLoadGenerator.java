package dev.faultlab.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Load on the live-run service. It starts FaultLab in a JVM of its own ({@link LoadServer}) and connects to it
 * on 127.0.0.1 only. First it measures the heap one idle run holds; then N clients ({@link StreamLoadClient}) each
 * watch a playing run and inject faults, and it reports the time from sending a fault to receiving its FAULT event
 * (p50, p99), the events delivered per second, and the server's CPU and memory.
 * Bounded: at most 1,000 clients (the most runs one user may hold), 120 seconds and 1,000 idle runs; it stops by
 * itself, and so does the server once this JVM's pipe to it closes.
 *
 * <pre>
 * mvn -B -q -pl backend test-compile
 * mvn -B -q -pl backend exec:exec@bench -Dbench.main=dev.faultlab.bench.RunLoadGenerator -Dbench.args="1000 30 1000 20"
 * </pre>
 * Arguments: clients, seconds, idle runs, events per second each run plays at (default 20, the run view's default),
 * then any JVM options for the server (as {@code JAVA_OPTS} for {@code ./faultlab}; none by default). It prints the
 * machine's load average before and after, since on a shared machine that decides the tail more than the server.
 */
public final class RunLoadGenerator {
    private static final int CLIENTS_PER_HTTP_CLIENT = 100;

    public static void main(String[] args) throws Exception {
        int clients = bounded(args, 0, 1_000, 1_000);
        int seconds = bounded(args, 1, 30, 120);
        int idleRuns = bounded(args, 2, 1_000, 1_000);
        double speed = args.length > 3 ? Math.min(10_000, Double.parseDouble(args[3])) : 20;
        List<String> serverJvm = args.length > 4 ? List.of(args).subList(4, args.length) : List.of();
        requireOpenFiles(clients);
        Path log = Path.of(System.getProperty("java.io.tmpdir"), "faultlab-load-server.log");
        System.out.printf("load average before: %s%n", loadAverage());
        try (ServerProcess server = ServerProcess.start(log, serverJvm)) {
            System.out.printf("server pid %d on 127.0.0.1:%d, JVM options %s, log %s%n", server.pid(), server.port(),
                    serverJvm.isEmpty() ? "none" : String.join(" ", serverJvm), log);
            BenchSession session = BenchSession.login(server.port());
            // Idle memory first, on a heap the stream phase has not churned.
            idleMemory(server, session, idleRuns);
            streams(server, session, clients, Duration.ofSeconds(seconds), speed);
        }
        System.out.printf("load average after: %s%n", loadAverage());
        System.exit(0);
    }

    /**
     * Each client holds a socket here and the server one for it (the JVM raises its own limit to the hard limit at
     * start); a limit too low shows as refused connections halfway through, so it is checked first.
     */
    private static void requireOpenFiles(int clients) throws IOException {
        long needed = 2L * clients + 512;
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/limits"))) {
            long limit = lines.filter(l -> l.startsWith("Max open files")).findFirst()
                    .map(l -> l.trim().split("\\s+")[3]).map(v -> v.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(v))
                    .orElse(Long.MAX_VALUE);
            if (limit < needed) {
                System.err.printf("%d clients need about %d open files; this shell allows %d. Raise it first (ulimit -n %d).%n",
                        clients, needed, limit, needed);
                System.exit(2);
            }
        }
    }

    /** The 1, 5 and 15 minute load averages, as uptime prints them. */
    private static String loadAverage() throws IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
        return parts[0] + ", " + parts[1] + ", " + parts[2];
    }

    private static int bounded(String[] args, int at, int fallback, int max) {
        return Math.max(1, Math.min(max, args.length > at ? Integer.parseInt(args[at]) : fallback));
    }

    /**
     * Clients start spread over the first quarter of the time (at most 15 s), as a class arriving; latency,
     * throughput and CPU are reported for the rest, when all of them are watching, and latency also for the ramp.
     */
    private static void streams(ServerProcess server, BenchSession session, int clients, Duration duration, double speed)
            throws Exception {
        long start = System.nanoTime();
        long rampNanos = Math.min(duration.toNanos() / 4, TimeUnit.SECONDS.toNanos(15));
        long deadline = start + duration.toNanos();
        LoadTally tally = new LoadTally(start + rampNanos);
        List<Thread> threads = new ArrayList<>();
        BenchSession shared = session;
        for (int i = 0; i < clients; i++) {
            if (i % CLIENTS_PER_HTTP_CLIENT == 0) {
                shared = session.withNewClient();
            }
            Thread thread = new Thread(new StreamLoadClient(shared, i, speed, start + rampNanos * i / clients, deadline, tally),
                    "load-client-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        sleepUntil(start + rampNanos);
        ServerProcess.Stats before = server.stats();
        long ownCpuBefore = ownCpuNanos();
        long eventsBefore = tally.events();
        long framesBefore = tally.frames();
        long steadyStart = System.nanoTime();
        sleepUntil(deadline);
        ServerProcess.Stats after = server.stats();
        long ownCpu = ownCpuNanos() - ownCpuBefore;
        double steady = (System.nanoTime() - steadyStart) / 1e9;
        long eventsSteady = tally.events() - eventsBefore;
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
        System.out.printf("clients %d at %.0f events/s for %d s (%.0f s arriving): %d runs, %d errors%n",
                clients, speed, duration.toSeconds(), rampNanos / 1e9, tally.runs(), tally.errors());
        report("while arriving", tally.sortedMillis(false), tally.timeouts(false));
        report("all watching", tally.sortedMillis(true), tally.timeouts(true));
        for (long from = start; from < deadline; from += TimeUnit.SECONDS.toNanos(10)) {
            List<Double> window = tally.sortedMillisSentBetween(from, from + TimeUnit.SECONDS.toNanos(10));
            System.out.printf("  faults sent %3d-%3d s: %5d, p50 %.1f ms, p99 %.1f ms%n", (from - start) / 1_000_000_000L,
                    (from - start) / 1_000_000_000L + 10, window.size(), LoadTally.percentile(window, 50),
                    LoadTally.percentile(window, 99));
        }
        System.out.printf("all watching (%.0f s): %.0f events/s delivered in %.0f frames/s; server CPU %.0f%% of one core "
                        + "(load generator %.0f%%); server heap in use %.0f MB, resident %.0f MB (load generator heap %.0f MB)%n",
                steady, eventsSteady / steady, (tally.frames() - framesBefore) / steady,
                (after.cpuNanos() - before.cpuNanos()) / 1e9 / steady * 100, ownCpu / 1e9 / steady * 100,
                after.usedHeap() / 1e6, after.residentBytes() / 1e6,
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1e6);
    }

    private static void report(String phase, List<Double> sortedMillis, long timeouts) {
        System.out.printf("%s: %d faults timed (%d never arrived), fault-to-event p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                phase, sortedMillis.size(), timeouts, LoadTally.percentile(sortedMillis, 50),
                LoadTally.percentile(sortedMillis, 99), LoadTally.percentile(sortedMillis, 100));
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(nanos - System.nanoTime())));
    }

    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Heap held per idle run: runs with a few hundred events each, nobody watching, nothing playing. */
    private static void idleMemory(ServerProcess server, BenchSession session, int runs) throws Exception {
        long before = server.statsAfterGc().usedHeap();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            String id = session.createRun(Map.of("protocol", "flooding", "seed", i, "params", Map.of("n", 8, "f", 2)));
            CompletableFuture<Void> stepped = new CompletableFuture<>();
            WebSocket socket = session.stream(id, new WebSocket.Listener() {
                @Override
                public java.util.concurrent.CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    if (data.toString().startsWith("{\"type\":\"status\"")) {
                        stepped.complete(null);
                    }
                    ws.request(1);
                    return null;
                }
            });
            socket.sendText("{\"cmd\":\"step\",\"events\":300}", true).join();
            stepped.get(10, TimeUnit.SECONDS);
            socket.abort();
            ids.add(id);
        }
        Thread.sleep(1_000);
        long after = server.statsAfterGc().usedHeap();
        System.out.printf("idle runs: %d runs of ~300 events hold %.1f KB of heap each%n", runs, (after - before) / 1024.0 / runs);
        for (String id : ids) {
            session.delete(id);
        }
    }
}

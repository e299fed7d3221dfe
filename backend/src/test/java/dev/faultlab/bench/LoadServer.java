package dev.faultlab.bench;

import dev.faultlab.App;
import dev.faultlab.config.Config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The server side of the load generators ({@link RunLoadGenerator}, {@link SubmitLoadGenerator}): FaultLab in a
 * JVM of its own, so the load generator's clients do not share its CPU, heap or garbage collector. An optional
 * argument names the labs folder it serves. Its log goes to standard output, its replies to standard error:
 * it prints {@code bench port <n>} once serving, then answers lines
 * on standard input: {@code stats} (CPU time, heap in use, resident memory, the embedded PostgreSQL's CPU time) and
 * {@code gc} (the same after full collections). It stops when its input ends, so it never outlives the generator.
 */
public final class LoadServer {
    static final String REPLY = "bench ";
    static final String PASSWORD = "load generator password";

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("faultlab-load");
        String labs = args.length > 0 ? args[0] : data.resolve("labs").toString();
        App app = App.start(Config.fromEnvironment(Map.of("PORT", "0", "FAULTLAB_DB_PORT", "0",
                "FAULTLAB_DATA", data.toString(), "FAULTLAB_LABS", labs,
                "FAULTLAB_ADMIN_PASSWORD", PASSWORD, "FAULTLAB_MAX_RUNS_PER_USER", "1000")));
        try {
            reply("port " + app.port());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && !line.equals("stop"); line = in.readLine()) {
                if (line.equals("gc")) {
                    collectGarbage();
                }
                reply("stats " + cpuNanos() + " " + usedHeap() + " " + residentBytes() + " " + postgresCpuNanos(data));
            }
        } finally {
            app.close();
            deleteTree(data);
            // Javalin's ping scheduler thread is not a daemon, so the JVM would not end by itself.
            System.exit(0);
        }
    }

    private static void reply(String line) {
        System.err.println(REPLY + line);
    }

    private static void collectGarbage() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * CPU time of the embedded PostgreSQL (Linux): its postmaster and the processes it started, the pool's
     * connections among them; -1 with an external database.
     */
    private static long postgresCpuNanos(Path data) throws IOException {
        Path pidFile = data.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return -1;
        }
        String postmaster = Files.readAllLines(pidFile).get(0).trim();
        long ticks = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                String stat;
                try {
                    stat = Files.readString(process.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                // After "(command) ": state, ppid, ... utime and stime are the 12th and 13th fields.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                if (process.getFileName().toString().equals(postmaster) || fields[1].equals(postmaster)) {
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                }
            }
        }
        return ticks * 10_000_000L; // USER_HZ is 100 on Linux
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** VmRSS of this process (Linux), in bytes: heap, metaspace, thread stacks and native buffers together. */
    private static long residentBytes() throws IOException {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024).orElse(-1L);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

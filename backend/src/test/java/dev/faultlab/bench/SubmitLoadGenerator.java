package dev.faultlab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load on grading, from this JVM to a FaultLab it starts in a JVM of its own ({@link LoadServer}) on 127.0.0.1
 * (never anywhere else): S students of one course submit answers to the Byzantine lab (all six exercises, round 3
 * with its 120 cells included) as fast as C concurrent clients can, each submit graded and stored in PostgreSQL.
 * A warm-up of W seconds (same load, not counted) lets both JVMs compile the hot code and PostgreSQL's connections
 * prepare their statements; then it reports submissions per second and the latency of each submit, with the
 * machine's load average before and after (other work on the machine shows there). The lab is a copy of
 * labs/byzantine-generals allowing 100 attempts (the most lab.yaml allows), so the students do not run out (100
 * students have 60,000 submissions between them). Bounded: at most 500 clients, 200 students, 120 seconds of
 * warm-up and 120 of measuring; it stops by itself.
 *
 * <pre>mvn -B -q -pl backend exec:exec@bench -Dbench.main=dev.faultlab.bench.SubmitLoadGenerator -Dbench.args="16 100 30 15"</pre>
 */
public final class SubmitLoadGenerator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "admin@faultlab.local";
    private static final String PASSWORD = LoadServer.PASSWORD;
    private static final String LAB = "byzantine-generals";

    public static void main(String[] args) throws Exception {
        int clients = Math.min(500, args.length > 0 ? Integer.parseInt(args[0]) : 16);
        int students = Math.min(200, args.length > 1 ? Integer.parseInt(args[1]) : 100);
        int seconds = Math.min(120, args.length > 2 ? Integer.parseInt(args[2]) : 20);
        int warmUp = Math.min(120, args.length > 3 ? Integer.parseInt(args[3]) : 15);
        Path labs = Files.createTempDirectory("faultlab-submit-load");
        copyLab(labs.resolve(LAB));
        try (ServerProcess server = ServerProcess.start(Path.of("/tmp/faultlab-submit-load-server.log"), labs.toString())) {
            String base = "http://127.0.0.1:" + server.port();
            Client admin = Client.login(base, ADMIN, PASSWORD);
            JsonNode course = admin.send("POST", "/api/courses", Map.of("code", "LOAD-1", "title", "Load"), 201);
            long courseId = course.path("id").asLong();
            admin.send("PUT", "/api/courses/" + courseId + "/labs/" + LAB, Map.of(), 200);
            List<Student> roster = new ArrayList<>();
            for (int i = 0; i < students; i++) {
                roster.add(Student.enrol(base, i, course.path("joinCode").asText(), courseId));
            }
            Tally warm = run(server.port(), roster, clients, Duration.ofSeconds(warmUp));
            System.out.printf("warm-up %d s: %d submissions, %d refused or failed%n", warmUp, warm.latencies().size(),
                    warm.failures());
            String loadBefore = loadAverage();
            ServerProcess.Stats before = server.stats();
            long ownCpuBefore = ownCpuNanos();
            long start = System.nanoTime();
            Tally measured = run(server.port(), roster, clients, Duration.ofSeconds(seconds));
            ServerProcess.Stats after = server.stats();
            long ownCpu = ownCpuNanos() - ownCpuBefore;
            double elapsed = (System.nanoTime() - start) / 1e9;
            List<Long> sorted = measured.latencies();
            System.out.printf("clients %d, students %d, %.0f s: %d submissions graded and stored, %.0f per second; "
                            + "%d refused or failed%n", clients, roster.size(), elapsed, sorted.size(), sorted.size() / elapsed,
                    measured.failures());
            System.out.printf("submit latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    percentile(sorted, 50), percentile(sorted, 99), percentile(sorted, 100));
            System.out.printf("server CPU %.0f%% of one core, heap in use %d MB, resident %d MB%n",
                    (after.cpuNanos() - before.cpuNanos()) / 1e9 / elapsed * 100, after.usedHeap() >> 20, after.residentBytes() >> 20);
            System.out.printf("load average (1, 5, 15 min) before %s, after %s%n", loadBefore, loadAverage());
            // CPU time per submit hardly depends on what else the machine does, unlike the rate.
            int n = Math.max(1, sorted.size());
            double serverMs = (after.cpuNanos() - before.cpuNanos()) / 1e6 / n;
            double postgresMs = (after.postgresCpuNanos() - before.postgresCpuNanos()) / 1e6 / n;
            double generatorMs = ownCpu / 1e6 / n;
            double total = serverMs + postgresMs + generatorMs;
            System.out.printf("CPU per submit: server %.2f ms, PostgreSQL %.2f ms, load generator %.2f ms; %.2f ms in all, "
                    + "so %d idle cores would give at most %.0f per second%n", serverMs, postgresMs, generatorMs, total,
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors() * 1000 / total);
        } finally {
            System.exit(0);
        }
    }

    /** The shipped lab with 100 attempts per exercise, so the load is never refused for lack of attempts. */
    private static void copyLab(Path target) throws Exception {
        Path source = Path.of("..", "labs", LAB);
        Files.createDirectories(target);
        for (String file : List.of("lab.yaml", "instructions.md")) {
            String text = Files.readString(source.resolve(file));
            Files.writeString(target.resolve(file), text.replace("maxAttempts: 3", "maxAttempts: 100"));
        }
    }

    /** Latencies of the graded submits, sorted, and how many were not graded. */
    private record Tally(List<Long> latencies, long failures) {
    }

    private static Tally run(int port, List<Student> roster, int clients, Duration duration) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong failures = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread worker = new Thread(() -> {
                try (KeptAliveConnection connection = new KeptAliveConnection(port)) {
                    for (int turn = 0; System.nanoTime() < deadline; turn++) {
                        Student student = roster.get((client + turn * clients) % roster.size());
                        long sent = System.nanoTime();
                        if (student.submitNext(connection)) {
                            latencies.add(System.nanoTime() - sent);
                        } else {
                            failures.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    System.err.println("client " + client + ": " + e);
                } finally {
                    done.countDown();
                }
            }, "submit-client-" + c);
            worker.setDaemon(true);
            worker.start();
        }
        done.await(duration.toSeconds() + 60, TimeUnit.SECONDS);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Tally(sorted, failures.get());
    }

    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The first three fields of /proc/loadavg, as uptime shows them. */
    private static String loadAverage() throws Exception {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
        return fields[0] + ", " + fields[1] + ", " + fields[2];
    }

    /** A student with the answers (as JSON) they submit in turn: every cell ATTACK, a choice of "agree". */
    private record Student(Client client, long courseId, List<String> exercises, Map<String, String> answers,
                           AtomicLong turn) {
        static Student enrol(String base, int index, String joinCode, long courseId) throws Exception {
            Client client = Client.signUp(base, "student" + index + "@load.test", "Student " + index, PASSWORD, joinCode);
            JsonNode sheet = client.send("GET", "/api/courses/" + courseId + "/labs/" + LAB, null, 200);
            List<String> exercises = new ArrayList<>();
            Map<String, String> answers = new LinkedHashMap<>();
            for (JsonNode exercise : sheet.path("exercises")) {
                exercises.add(exercise.path("id").asText());
                JsonNode input = exercise.path("input");
                if (input.path("kind").asText().equals("grid")) {
                    Map<String, String> cells = new LinkedHashMap<>();
                    input.path("cells").forEach(cell -> cells.put(cell.asText(), "ATTACK"));
                    answers.put(exercise.path("id").asText(), JSON.writeValueAsString(Map.of("cells", cells)));
                } else {
                    answers.put(exercise.path("id").asText(), JSON.writeValueAsString(
                            Map.of("choices", List.of(input.path("options").get(0).path("id").asText()))));
                }
            }
            return new Student(client, courseId, exercises, answers, new AtomicLong());
        }

        /** One submission to the next exercise in turn; false if it was not graded. */
        boolean submitNext(KeptAliveConnection connection) throws Exception {
            String exercise = exercises.get((int) (turn.getAndIncrement() % exercises.size()));
            String body = "{\"submissionId\":\"" + UUID.randomUUID() + "\",\"answer\":" + answers.get(exercise) + "}";
            return connection.post("/api/courses/" + courseId + "/labs/" + LAB + "/exercises/" + exercise + "/submissions",
                    client.cookie(), client.csrf(), body) == 200;
        }
    }

    /**
     * One browser for the setup (its own HttpClient with a cookie jar), with its session cookie and CSRF token, which
     * the load itself sends over the client threads' own connections ({@link KeptAliveConnection}).
     */
    private record Client(String base, HttpClient http, String csrf, String cookie) {
        static Client login(String base, String email, String password) throws Exception {
            return start(base, "/api/session", Map.of("email", email, "password", password));
        }

        /** Sign-up signs nobody in (it answers alike for new and existing addresses): log in after it. */
        static Client signUp(String base, String email, String name, String password, String joinCode) throws Exception {
            start(base, "/api/signup", Map.of("email", email, "displayName", name, "password", password, "joinCode", joinCode));
            return login(base, email, password);
        }

        private static Client start(String base, String path, Map<String, Object> body) throws Exception {
            CookieManager cookies = new CookieManager();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies).build();
            Client anonymous = new Client(base, http, JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body()).path("csrfToken").asText(), null);
            HttpResponse<String> response = anonymous.request("POST", path, JSON.writeValueAsString(body));
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(path + " failed: " + response.body());
            }
            String csrf = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/session")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).path("csrfToken").asText();
            String session = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("faultlab_session"))
                    .map(c -> c.getName() + "=" + c.getValue()).findFirst().orElse(null);
            return new Client(base, http, csrf, session);
        }

        JsonNode send(String method, String path, Object body, int expected) throws Exception {
            HttpResponse<String> response = request(method, path, body == null ? null : JSON.writeValueAsString(body));
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        }

        private HttpResponse<String> request(String method, String path, String json) throws Exception {
            HttpRequest.BodyPublisher publisher = json == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json);
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .header("X-CSRF-Token", csrf).method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static double percentile(List<Long> sortedNanos, int p) {
        if (sortedNanos.isEmpty()) {
            return Double.NaN;
        }
        int index = Math.min(sortedNanos.size() - 1, (int) Math.ceil(p / 100.0 * sortedNanos.size()) - 1);
        return sortedNanos.get(Math.max(0, index)) / 1e6;
    }
}

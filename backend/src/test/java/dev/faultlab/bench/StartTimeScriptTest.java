package dev.faultlab.bench;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * backend/bench/start-time.sh measures and stops the server it started, not another process that merely looks like
 * a FaultLab server: run in warm mode on a folder whose ./faultlab is a stand-in server, next to a decoy process whose
 * command line is the one the script used to search for.
 */
class StartTimeScriptTest {
    private static final Path SCRIPT = Path.of(System.getProperty("user.dir")).resolve("bench/start-time.sh");
    /** Answers /api/health and writes its PID, as the started server; run as a single-file Java program. */
    private static final String STAND_IN = """
            import com.sun.net.httpserver.HttpServer;
            import java.net.InetSocketAddress;
            import java.nio.file.Files;
            import java.nio.file.Path;

            public class StandIn {
                public static void main(String[] args) throws Exception {
                    Files.writeString(Path.of("server.pid"), String.valueOf(ProcessHandle.current().pid()));
                    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 0);
                    server.createContext("/api/health", exchange -> {
                        exchange.sendResponseHeaders(200, 2);
                        exchange.getResponseBody().write("ok".getBytes());
                        exchange.close();
                    });
                    server.start();
                }
            }
            """;

    @TempDir
    Path clone;
    private Process decoy;

    @AfterEach
    void stopDecoy() {
        if (decoy != null) {
            decoy.destroyForcibly();
        }
    }

    @Test
    void theScriptMeasuresAndStopsTheServerItStartedAndLeavesOthersAlone() throws Exception {
        Files.writeString(clone.resolve("StandIn.java"), STAND_IN);
        Path faultlab = clone.resolve("faultlab");
        Files.writeString(faultlab, "#!/usr/bin/env bash\nexec java StandIn.java \"$PORT\"\n");
        Files.setPosixFilePermissions(faultlab, PosixFilePermissions.fromString("rwxr-xr-x"));
        decoy = new ProcessBuilder("bash", "-c", "exec -a 'java -jar backend/target/faultlab.jar' sleep 600").start();

        ProcessBuilder run = new ProcessBuilder("bash", SCRIPT.toString(), "warm", clone.toString()).redirectErrorStream(true);
        run.environment().put("PORT", String.valueOf(freePort()));
        Process script = run.start();
        assertThat(script.waitFor(120, TimeUnit.SECONDS)).as("the script ends").isTrue();
        String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        long server = Long.parseLong(Files.readString(clone.resolve("server.pid")).strip());

        assertThat(script.exitValue()).as(output).isZero();
        assertThat(output).contains("warm start: ", "(server pid " + server + ")");
        assertThat(decoy.isAlive()).as("the look-alike process survives").isTrue();
        assertThat(ProcessHandle.of(server).map(ProcessHandle::isAlive).orElse(false)).as("the started server is stopped")
                .isFalse();
    }

    @Test
    void theScriptRefusesAPortSomethingElseAnswersOn() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> answerOnce(taken));
            answering.setDaemon(true);
            answering.start();
            ProcessBuilder run = new ProcessBuilder("bash", SCRIPT.toString(), "warm", clone.toString())
                    .redirectErrorStream(true);
            run.environment().put("PORT", String.valueOf(taken.getLocalPort()));
            Process script = run.start();
            assertThat(script.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(script.exitValue()).isNotZero();
            assertThat(new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .contains("answers on port " + taken.getLocalPort() + " already");
        }
    }

    private static void answerOnce(ServerSocket socket) {
        try (var connection = socket.accept()) {
            connection.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // the test is over
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package dev.faultlab.support;

import dev.faultlab.App;
import dev.faultlab.config.Config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * FaultLab in a JVM of its own, started as main() starts it, so a test can kill it the hard way (SIGKILL, as
 * kill -9: no shutdown hook, nothing saved on the way out) and start another server on the same data folder.
 * The child's log goes to a file; it reports its port on standard error.
 */
public final class KillableServer implements AutoCloseable {
    private static final String PORT_LINE = "killable-server-port ";

    private final Process process;
    private final int port;

    private KillableServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The child: starts FaultLab from its environment and serves until it is killed. */
    public static void main(String[] args) {
        App app = App.start(Config.fromEnvironment(System.getenv()));
        System.err.println(PORT_LINE + app.port());
    }

    /** Starts a child on an embedded PostgreSQL in {@code dataDir} with an administrator, and waits until it serves. */
    public static KillableServer start(Path dataDir) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KillableServer.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dataDir.resolve("killable-server.log").toFile());
        builder.environment().putAll(Map.of("PORT", "0", "FAULTLAB_DB_PORT", "0", "FAULTLAB_DATA", dataDir.toString(),
                "FAULTLAB_LABS", dataDir.resolve("labs").toString(), "FAULTLAB_ADMIN_PASSWORD", Accounts.ADMIN_PASSWORD));
        Process process = builder.start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> readPort(process, port), "killable-server-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new KillableServer(process, port.get(120, TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the server in its own JVM did not start; see "
                    + dataDir.resolve("killable-server.log"), e);
        }
    }

    private static void readPort(Process process, CompletableFuture<Integer> port) {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                if (line.startsWith(PORT_LINE)) {
                    port.complete(Integer.parseInt(line.substring(PORT_LINE.length()).trim()));
                } else {
                    System.err.println("killable server: " + line);
                }
            }
            port.completeExceptionally(new IOException("the server exited"));
        } catch (IOException e) {
            port.completeExceptionally(e);
        }
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** SIGKILL, and waits until the process is gone. Its embedded PostgreSQL survives, as after a real kill -9. */
    public void kill() throws Exception {
        process.destroyForcibly();
        process.onExit().get(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            kill();
        }
    }
}

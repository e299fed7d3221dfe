package dev.faultlab.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.support.Accounts;
import dev.faultlab.support.ApiClient;
import dev.faultlab.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static dev.faultlab.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The embedded PostgreSQL dies: health says so at once, requests get 503 at once, and it comes back by itself. */
class EmbeddedPostgresRestartIT {

    @Test
    void aKilledEmbeddedPostgresIsReportedRefusedAtOnceAndRestartedWithNothingAcknowledgedLost(@TempDir Path dataDir)
            throws Exception {
        try (TestServer server = TestServer.start(dataDir, Accounts.withAdmin())) {
            ApiClient admin = new Accounts(server).loginAsAdmin();
            Accounts.createCourse(admin, "CRASH-1", "Acknowledged before the crash");
            EmbeddedPostgresServer postgres = server.app().database().embedded().orElseThrow();
            ProcessHandle postmaster = postgres.process().orElseThrow();

            postmaster.destroyForcibly();
            await(() -> !postmaster.isAlive(), 10_000, "the postmaster to die");
            // Holding its port keeps the restart from succeeding while we look at the server without a database.
            try (ServerSocket squatter = bindWhenFree(postgres.port())) {
                HttpResponse<String> health = server.get("/api/health");
                HttpResponse<String> refused = admin.get("/api/courses");

                assertThat(health.statusCode()).isEqualTo(503);
                assertThat(json(health).path("database").path("up").asBoolean()).isFalse();
                assertThat(refused.statusCode()).isEqualTo(503);
                assertThat(json(refused).path("error").path("code").asText()).isEqualTo("database_unavailable");
                assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            }

            await(() -> server.get("/api/health").statusCode() == 200, 90_000, "the database to be back");
            HttpResponse<String> courses = admin.get("/api/courses");
            assertThat(courses.statusCode()).isEqualTo(200);
            assertThat(json(courses).findValuesAsText("code")).contains("CRASH-1");
            JsonNode after = Accounts.createCourse(admin, "CRASH-2", "Created after the restart");
            assertThat(after.path("code").asText()).isEqualTo("CRASH-2");
        }
    }

    private static ServerSocket bindWhenFree(int port) throws IOException {
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (true) {
            ServerSocket socket = new ServerSocket();
            try {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
                return socket;
            } catch (IOException e) {
                socket.close();
                if (System.nanoTime() > deadline) {
                    throw new IOException("port " + port + " did not become free: was PostgreSQL restarted already?", e);
                }
                Thread.onSpinWait();
            }
        }
    }

    private static void await(BooleanSupplier condition, long timeoutMillis, String what) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("waited " + timeoutMillis + " ms for " + what);
            }
            LockSupport.parkNanos(20_000_000);
        }
    }
}

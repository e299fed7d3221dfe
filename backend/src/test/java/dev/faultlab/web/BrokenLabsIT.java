package dev.faultlab.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.support.Accounts;
import dev.faultlab.support.ApiClient;
import dev.faultlab.support.Labs;
import dev.faultlab.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.faultlab.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A lab that breaks while the server runs (an edit whose self-test fails): instructors see it flagged on
 * GET /api/labs with the problem and the last good version, which students go on being served.
 */
class BrokenLabsIT {
    private static final String LAB = "flood-lab";

    @TempDir
    static Path dataDir;
    static TestServer server;
    static ApiClient instructor;
    static ApiClient student;
    static long courseId;
    static String goodVersion;

    @BeforeAll
    static void start() throws Exception {
        Labs.install(dataDir, LAB, "Flooding before the edit");
        server = TestServer.start(dataDir);
        Accounts accounts = new Accounts(server);
        accounts.createUser("teacher@broken.test", "Tess Teacher", true);
        long studentId = accounts.createUser("student@broken.test", "Sam Student", false);
        instructor = accounts.login("teacher@broken.test");
        student = accounts.login("student@broken.test");
        courseId = Accounts.createCourse(instructor, "BRK-1", "Broken labs").path("id").asLong();
        HttpResponse<String> put = instructor.put("/api/courses/" + courseId + "/labs/" + LAB, Map.of());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        accounts.enroll(courseId, studentId, "STUDENT");
        goodVersion = lab(student).path("lab").path("version").asText();

        // The edit loads, but its listed wrong answer is the right one: the self-test fails on it.
        Path file = dataDir.resolve("labs").resolve(LAB).resolve("lab.yaml");
        Files.writeString(file, Files.readString(file).replace("Flooding before the edit", "Flooding after the edit") + """
                    wrong:
                      - cells: {"P1/value": "1", "P2/value": "1", "P3/value": "1"}
                """);
        awaitBroken();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anInstructorSeesTheBrokenLabTheProblemAndTheVersionInService() {
        JsonNode catalog = json(instructor.get("/api/labs"));

        assertThat(catalog.path("broken")).hasSize(1);
        JsonNode broken = catalog.path("broken").get(0);
        assertThat(broken.path("id").asText()).isEqualTo(LAB);
        assertThat(broken.path("title").asText()).isEqualTo("Flooding before the edit");
        assertThat(broken.path("version").asText()).isEqualTo(goodVersion);
        assertThat(catalog.path("problems")).hasSize(1);
        JsonNode problem = catalog.path("problems").get(0);
        assertThat(problem.path("id").asText()).isEqualTo(LAB);
        assertThat(problem.path("file").asText()).isEqualTo(LAB + "/lab.yaml");
        assertThat(problem.path("line").asInt()).isEqualTo(14);
        assertThat(problem.path("field").asText()).isEqualTo("exercises[0].wrong[0]");
        assertThat(problem.path("message").asText()).isEqualTo("this wrong answer scores full marks");
    }

    @Test
    void aStudentSeesNoFlagAndIsStillServedTheLastGoodVersion() {
        JsonNode catalog = json(student.get("/api/labs"));

        assertThat(catalog.has("broken")).isFalse();
        assertThat(catalog.has("problems")).isFalse();
        assertThat(catalog.path("labs").findValuesAsText("title")).containsExactly("Flooding before the edit");
        JsonNode sheet = lab(student);
        assertThat(sheet.path("lab").path("title").asText()).isEqualTo("Flooding before the edit");
        assertThat(sheet.path("lab").path("version").asText()).isEqualTo(goodVersion);
    }

    private static JsonNode lab(ApiClient client) {
        HttpResponse<String> response = client.get("/api/courses/" + courseId + "/labs/" + LAB);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    /** The server looks at the folder again at most once a second and loads the edit in the background. */
    private static void awaitBroken() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!json(instructor.get("/api/labs")).path("broken").isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        fail("the edited lab was never listed as broken");
    }
}

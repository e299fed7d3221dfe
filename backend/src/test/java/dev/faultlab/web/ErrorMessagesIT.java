package dev.faultlab.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.support.Accounts;
import dev.faultlab.support.ApiClient;
import dev.faultlab.support.Classroom;
import dev.faultlab.support.RunSocket;
import dev.faultlab.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import static dev.faultlab.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/** A body of the wrong shape is refused with the field and what belongs there, in the user's words. */
class ErrorMessagesIT {
    /** A Java class or Jackson's own vocabulary: nothing a user wrote, so nothing a message should show. */
    private static final Pattern JAVA = Pattern.compile("java\\.|dev\\.faultlab|\\$[A-Z]|`|JsonToken|Deserializ|Source:");

    @TempDir
    static Path dataDir;
    static TestServer server;
    static ApiClient admin;
    static Classroom classroom;
    static long userId;

    @BeforeAll
    static void start() {
        Classroom.installLab(dataDir);
        server = TestServer.start(dataDir, Accounts.withAdmin());
        admin = new Accounts(server).loginAsAdmin();
        classroom = Classroom.open(server, dataDir, null, null);
        userId = new Accounts(server).createUser("role-target@messages.test", "Role Target", false);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void rolesOfTheWrongShapeSayWhatWasExpected() {
        String roles = "/api/admin/users/" + userId + "/roles";
        refused(admin.put(roles, "[true, false]"), "", "The request body must be a JSON object, not a list.");
        refused(admin.put(roles, "{\"isAdmin\": \"x\", \"isInstructor\": true}"), "isAdmin",
                "isAdmin must be true or false, got \"x\".");
        refused(admin.put(roles, "{\"isAdmin\": [], \"isInstructor\": true}"), "isAdmin",
                "isAdmin must be true or false, not a list.");
        refused(admin.put(roles, "{\"isAdmin\": true, \"isInstructor\": true, \"isOwner\": true}"), "isOwner",
                "Unknown field \"isOwner\" in the request; the fields are: isAdmin, isInstructor.");
    }

    @Test
    void aRecipeOfTheWrongShapeNamesTheFieldAndWhatBelongsThere() {
        refused(recipe("\"protocol\": \"flooding\", \"seed\": \"x\""), "recipe.seed",
                "recipe.seed must be a whole number, got \"x\".");
        refused(recipe("\"protocol\": \"flooding\""), "recipe.seed", "recipe.seed is required: a whole number.");
        refused(recipe("\"protocol\": \"flooding\", \"seed\": null"), "recipe.seed",
                "recipe.seed must be a whole number, not null.");
        refused(recipe("\"protocol\": \"flooding\", \"seed\": 1e19"), "recipe.seed",
                "recipe.seed must be a whole number, and 1.0E19 is out of range (-9223372036854775808 to 9223372036854775807).");
        refused(recipe("\"protocol\": [1], \"seed\": 1"), "recipe.protocol", "recipe.protocol must be text, not a list.");
        refused(recipe("\"protocol\": \"flooding\", \"seed\": 1, \"faults\": {}"), "recipe.faults",
                "recipe.faults must be a list, not an object.");
        refused(recipe("\"protocol\": \"flooding\", \"seed\": 1, \"faults\": [null]"), "recipe.faults[0]",
                "recipe.faults[0] may not be null.");
        refused(recipe("\"protocol\": \"flooding\", \"seed\": 1, \"sneed\": 1"), "recipe.sneed",
                "Unknown field \"sneed\" in recipe; the fields are: budgets, faults, network, params, protocol, schedule, seed.");
        HttpResponse<String> kind = recipe("\"protocol\": \"flooding\", \"seed\": 1, \"faults\": [{\"at\": 0, \"kind\": \"MELT\"}]");
        refused(kind, "recipe.faults[0].kind", null);
        assertThat(message(kind)).startsWith("recipe.faults[0].kind must be one of ").contains("CRASH, ").endsWith(", got \"MELT\".");
    }

    @Test
    void lessCommonTypesAreNamedAsAPersonWouldWriteThem() {
        Classroom.Student student = classroom.join("Tess Types");
        refused(student.client().post(classroom.labPath() + "/exercises/round1/submissions",
                        "{\"submissionId\": \"abc\", \"answer\": {}}"), "submissionId",
                "submissionId must be a UUID such as 0b6a5c1e-47d2-4c8e-9a41-2f0d6f6b9e11, got \"abc\".");
        refused(classroom.instructor().put(classroom.labPath(), "{\"opensAt\": \"tomorrow\"}"), "opensAt",
                "opensAt must be a date and time such as 2026-12-01T23:59:00Z, got \"tomorrow\".");
        refused(admin.post("/api/runs", "{\"recipe\":"), null, null);
        assertThat(message(admin.post("/api/runs", "{\"recipe\":")))
                .startsWith("The request body is not valid JSON: Unexpected end-of-input");
        refused(admin.post("/api/runs", "{} {}"), null, "The request body must hold one JSON value, and more follows it.");
    }

    @Test
    void aFaultOfTheWrongShapeOnTheRunStreamSaysWhatWasExpected() {
        HttpResponse<String> created = admin.post("/api/runs",
                Map.of("recipe", Map.of("protocol", "flooding", "seed", 1, "params", Map.of("n", 4))));
        try (RunSocket socket = RunSocket.open(server, admin, json(created).path("run").path("id").asText(), null)) {
            socket.next("hello");
            socket.send("{\"cmd\": \"inject\", \"fault\": {\"kind\": \"CRASH\", \"target\": \"one\"}}");
            JsonNode error = socket.next("error");

            assertThat(error.path("code").asText()).isEqualTo("invalid");
            assertThat(error.path("message").asText())
                    .isEqualTo("The fault is not valid: fault.target must be a whole number, got \"one\".");
        }
    }

    private static HttpResponse<String> recipe(String fields) {
        return admin.post("/api/runs", "{\"recipe\": {" + fields + "}}");
    }

    /** A 400 naming {@code field} (null: none checked) with {@code message} (null: not checked), free of Java. */
    private static void refused(HttpResponse<String> response, String field, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(message(response)).as("no Java in: %s", message(response)).doesNotContainPattern(JAVA);
        if (field != null) {
            assertThat(json(response).path("error").path("details").path("field").asText()).isEqualTo(field);
        }
        if (message != null) {
            assertThat(message(response)).isEqualTo(message);
        }
    }

    private static String message(HttpResponse<String> response) {
        return json(response).path("error").path("message").asText();
    }
}

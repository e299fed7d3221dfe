package dev.faultlab.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultlab.support.Accounts;
import dev.faultlab.support.ApiClient;
import dev.faultlab.support.RunSocket;
import dev.faultlab.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.faultlab.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON examples of docs/API.md, taken from the file as it is: every block is JSON, every recipe in it is
 * accepted by a running server as written, and every client command in it is answered without an error.
 */
class ApiDocsExamplesIT {
    private static final Path API_MD = Path.of(System.getProperty("user.dir")).getParent().resolve("docs/API.md");
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> REPLIES = Set.of("status", "state", "injected", "error");

    @TempDir
    static Path dataDir;
    static TestServer server;
    static ApiClient user;
    static List<List<JsonNode>> blocks;

    @BeforeAll
    static void start() throws IOException {
        blocks = jsonBlocks(Files.readString(API_MD));
        server = TestServer.start(dataDir);
        Accounts accounts = new Accounts(server);
        accounts.createUser("reader@docs.test", "Doc Reader", false);
        user = accounts.login("reader@docs.test");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyRecipeInTheDocsIsAcceptedAsWrittenWithItsLeftOutFieldsFilledIn() {
        List<JsonNode> recipes = recipes();
        assertThat(recipes).as("recipes in docs/API.md").isNotEmpty();
        for (JsonNode recipe : recipes) {
            HttpResponse<String> created = user.post("/api/runs", Map.of("recipe", recipe));

            assertThat(created.statusCode()).as("%s -> %s", recipe, created.body()).isEqualTo(201);
            JsonNode stored = json(created).path("recipe");
            JsonNode delay = stored.path("network").path("delay");
            assertThat(delay.path("mean").asDouble()).as("a uniform delay's mean is the middle of min and max")
                    .isEqualTo((delay.path("min").asLong() + delay.path("max").asLong()) / 2.0);
            assertThat(stored.path("budgets").size()).as("every budget is set").isEqualTo(5);
            recipe.path("budgets").properties().forEach(budget ->
                    assertThat(stored.path("budgets").path(budget.getKey())).isEqualTo(budget.getValue()));
        }
    }

    @Test
    void everyClientCommandInTheDocsIsAnsweredWithoutAnError() {
        List<JsonNode> commands = blocks.stream().filter(block -> block.stream().allMatch(node -> node.has("cmd")))
                .flatMap(List::stream).toList();
        assertThat(commands).as("client commands in docs/API.md").hasSizeGreaterThanOrEqualTo(5);
        // The documented recipe, without its planned crash, so that the documented inject has a live node to crash.
        ObjectNode recipe = recipes().get(0).deepCopy();
        recipe.remove("faults");
        HttpResponse<String> created = user.post("/api/runs", Map.of("recipe", recipe));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        try (RunSocket socket = RunSocket.open(server, user, json(created).path("run").path("id").asText(), null)) {
            socket.next("hello");
            for (JsonNode command : commands) {
                socket.send(command.toString());
                JsonNode reply = socket.next(frame -> REPLIES.contains(frame.path("type").asText()), "a reply to " + command);
                assertThat(reply.path("type").asText()).as("%s -> %s", command, reply).isNotEqualTo("error");
            }
        }
    }

    @Test
    void theErrorExampleHasTheShapeOfRealErrors() {
        JsonNode documented = blocks.stream().flatMap(List::stream).filter(node -> node.has("error")).findFirst()
                .orElseThrow(() -> new AssertionError("docs/API.md shows no error"));
        JsonNode real = json(user.post("/api/runs", "null"));

        assertThat(fieldNames(documented.path("error"))).isEqualTo(fieldNames(real.path("error")));
    }

    private static List<JsonNode> recipes() {
        return blocks.stream().flatMap(List::stream).filter(node -> node.has("protocol") && node.has("seed")).toList();
    }

    /** Each ```json block: one JSON value, or (the commands) one per line. */
    private static List<List<JsonNode>> jsonBlocks(String markdown) throws IOException {
        List<List<JsonNode>> found = new ArrayList<>();
        Matcher block = JSON_BLOCK.matcher(markdown);
        while (block.find()) {
            String text = block.group(1);
            try {
                found.add(List.of(JSON.readTree(text)));
            } catch (IOException oneValueFailed) {
                List<JsonNode> lines = new ArrayList<>();
                for (String line : text.strip().split("\n")) {
                    lines.add(JSON.readTree(line));
                }
                found.add(lines);
            }
        }
        assertThat(found).as("json blocks in docs/API.md").hasSizeGreaterThan(5);
        return found;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

package dev.faultlab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.Cookie;
import dev.faultlab.support.Accounts;
import dev.faultlab.support.ApiClient;
import dev.faultlab.support.RunSocket;
import dev.faultlab.support.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.faultlab.support.TestServer.json;

/**
 * How smoothly the run view's space-time diagram pans and zooms over a 100,000-event trace, in Chromium.
 * Not a test: run it on demand with
 * <pre>mvn -B -q -pl backend test-compile exec:exec@bench -Dbench.main=dev.faultlab.bench.RunViewBench</pre>
 * It starts FaultLab on a throw-away database, creates a flooding run with 64 processes and 13 rounds,
 * steps it to 100,000 events over the WebSocket, opens the run view, then zooms in, pans and zooms out
 * with the mouse while the page records the time between animation frames and the diagram reports how
 * long each paint took ({@link FrameRecorder}). Results go to standard output (see docs/PERFORMANCE.md, "Run view").
 */
public final class RunViewBench {
    static final int EVENTS = 100_000;

    private RunViewBench() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("faultlab-runview-bench");
        try (TestServer server = TestServer.start(data)) {
            Accounts accounts = new Accounts(server);
            accounts.createUser("bench@faultlab.test", "Bench", false);
            ApiClient user = accounts.login("bench@faultlab.test");
            String runId = longRun(server, user);
            try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
                Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of(System.getProperty("faultlab.chromium", "/usr/bin/chromium")))
                        .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage")));
                BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1600, 1000));
                context.addCookies(List.of(new Cookie("faultlab_session",
                        user.cookie("faultlab_session").orElseThrow().getValue()).setUrl(server.baseUrl())));
                Page page = context.newPage();
                long opening = System.nanoTime();
                page.navigate(server.baseUrl() + "/run.html?id=" + runId);
                page.waitForFunction("n => Number(document.getElementById('diagram').dataset.events) >= n", EVENTS,
                        new Page.WaitForFunctionOptions().setTimeout(180_000));
                System.out.printf("run view: %d events loaded and drawn %.1f s after opening the page%n",
                        Integer.parseInt(page.locator("#diagram").getAttribute("data-events")),
                        (System.nanoTime() - opening) / 1e9);
                measure(page);
                browser.close();
            }
        }
    }

    /** A flooding run with 64 processes and 13 rounds (about 105,000 events), stepped to 100,000 events. */
    private static String longRun(TestServer server, ApiClient user) {
        JsonNode created = json(user.post("/api/runs", Map.of("recipe", Map.of("protocol", "flooding", "seed", 1,
                "params", Map.of("n", 64, "f", 12)))));
        String id = created.path("run").path("id").asText();
        try (RunSocket socket = RunSocket.open(server, user, id, null)) {
            socket.next("hello");
            socket.send("{\"cmd\":\"step\",\"events\":" + EVENTS + "}");
            socket.next(frame -> frame.path("type").asText().equals("status")
                    && frame.path("run").path("eventCount").asInt() >= EVENTS, EVENTS + " events");
        }
        return id;
    }

    private static void measure(Page page) {
        Locator diagram = page.locator("#diagram");
        BoundingBox box = diagram.boundingBox();
        double x = box.x + box.width * 0.6;
        double y = box.y + box.height / 2;
        page.mouse().move(x, y);

        phase(page, "zoom in from the whole trace (overview, then arrows)", () -> {
            for (int i = 0; i < 40; i++) {
                page.mouse().wheel(0, -120);
                page.waitForTimeout(16);
            }
        });
        phase(page, "pan across arrows (detail)", () -> drag(page, x, y, -1));
        phase(page, "pan back", () -> drag(page, x, y, 1));
        phase(page, "zoom out to the whole trace", () -> {
            page.mouse().move(x, y);
            for (int i = 0; i < 40; i++) {
                page.mouse().wheel(0, 120);
                page.waitForTimeout(16);
            }
        });
        page.keyboard().press("0");
        phase(page, "pan the middle zoom level (overview, about 20 events per pixel)", () -> {
            for (int i = 0; i < 12; i++) {
                page.mouse().wheel(0, -120);
                page.waitForTimeout(16);
            }
            drag(page, x, y, -1);
        });
    }

    private static void drag(Page page, double x, double y, int direction) {
        page.mouse().move(x, y);
        page.mouse().down();
        for (int i = 1; i <= 60; i++) {
            page.mouse().move(x + direction * i * 8, y);
            page.waitForTimeout(16);
        }
        page.mouse().up();
    }

    private static void phase(Page page, String name, Runnable interaction) {
        page.evaluate(FrameRecorder.START);
        interaction.run();
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) page.evaluate(FrameRecorder.STOP);
        @SuppressWarnings("unchecked")
        Map<String, Number> gaps = (Map<String, Number>) result.get("gaps");
        @SuppressWarnings("unchecked")
        Map<String, Number> paints = (Map<String, Number>) result.get("paints");
        System.out.printf("%-62s frames %4d  frame gap median %5.1f ms, p95 %5.1f ms (%.0f fps)  "
                        + "paint median %5.1f ms, p95 %5.1f ms, max %5.1f ms  [ends in %s mode]%n",
                name, gaps.get("count").intValue(), gaps.get("median").doubleValue(), gaps.get("p95").doubleValue(),
                1000 / Math.max(1e-9, gaps.get("mean").doubleValue()), paints.get("median").doubleValue(),
                paints.get("p95").doubleValue(), paints.get("max").doubleValue(), result.get("mode"));
    }
}

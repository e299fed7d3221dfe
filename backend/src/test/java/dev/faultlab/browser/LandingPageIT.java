package dev.faultlab.browser;

import com.microsoft.playwright.Page;
import dev.faultlab.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** What a newcomer sees first: the landing page, and the way to the lab catalog. */
@ExtendWith(BrowserExtension.class)
class LandingPageIT {
    @TempDir
    static Path dataDir;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void landingPageExplainsFaultLabAndReportsAHealthyServer(Page page) {
        page.navigate(server.baseUrl() + "/");

        assertThat(page).hasTitle(java.util.regex.Pattern.compile("FaultLab"));
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING,
                new Page.GetByRoleOptions().setLevel(1))).containsText("breaking real protocols");
        assertThat(page.locator("#server-status")).hasText("Server and database are up.");
    }

    @Test
    void catalogLinkLeadsToAnEmptyCatalogThatSaysSo(Page page) {
        page.navigate(server.baseUrl() + "/");

        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Open the lab catalog")).click();

        assertThat(page).hasURL(server.baseUrl() + "/catalog.html");
        assertThat(page.locator(".empty")).containsText("No labs are installed yet");
    }
}

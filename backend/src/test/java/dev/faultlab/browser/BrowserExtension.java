package dev.faultlab.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Tracing;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright: one browser per test class, a fresh context per test.
 * Never downloads a browser. When a test fails, its screenshot and Playwright trace are kept under
 * target/browser-failures.
 */
public final class BrowserExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterTestExecutionCallback, AfterEachCallback, ParameterResolver {
    private static final Path FAILURES = Path.of("target", "browser-failures");
    private static final List<String> CHROMIUM_FLAGS = List.of("--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run");

    private Playwright playwright;
    private Browser browser;
    private BrowserContext context;
    private Page page;

    static Path chromium() {
        Path chromium = Path.of(System.getProperty("faultlab.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException("The browser tests need Chromium at " + chromium + ", and it is not there. "
                    + "Install Debian's package with: apt-get update && apt-get install -y chromium "
                    + "(or point -Dfaultlab.chromium=/path/to/chromium at another build).");
        }
        return chromium;
    }

    @Override
    public void beforeAll(ExtensionContext extension) {
        Path executable = chromium();
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable).setHeadless(true).setArgs(CHROMIUM_FLAGS));
    }

    @Override
    public void beforeEach(ExtensionContext extension) {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
        context.setDefaultTimeout(10_000);
        context.tracing().start(new Tracing.StartOptions().setScreenshots(true).setSnapshots(true));
        page = context.newPage();
    }

    @Override
    public void afterTestExecution(ExtensionContext extension) throws Exception {
        if (extension.getExecutionException().isPresent()) {
            Files.createDirectories(FAILURES);
            String name = extension.getRequiredTestClass().getSimpleName() + "-" + extension.getRequiredTestMethod().getName();
            page.screenshot(new Page.ScreenshotOptions().setPath(FAILURES.resolve(name + ".png")).setFullPage(true));
            context.tracing().stop(new Tracing.StopOptions().setPath(FAILURES.resolve(name + "-trace.zip")));
        } else {
            context.tracing().stop();
        }
    }

    @Override
    public void afterEach(ExtensionContext extension) {
        context.close();
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == Page.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return page;
    }
}

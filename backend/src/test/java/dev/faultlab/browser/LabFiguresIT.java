package dev.faultlab.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.faultlab.protocols.byzantine.ByzantineAgreement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lab's figure in Chromium: the Byzantine generals lab shows how many messages the algorithm sends against n,
 * drawn by the vendored uPlot, with a legend that draws each line's dash and the numbers the server measured.
 */
@ExtendWith(BrowserExtension.class)
class LabFiguresIT {
    static final String LAB = "byzantine-generals";

    @RegisterExtension
    static final LabServer lab = new LabServer(LAB);

    @Test
    void aStudentSeesTheMessageGrowthChartWithItsNumbers(Page page) {
        List<String> errors = new ArrayList<>();
        page.onPageError(errors::add);
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                errors.add(message.text());
            }
        });
        lab.student().openLab(page);

        Locator figure = page.locator("#figure-message-growth");
        assertThat(figure.locator("h3")).hasText("How many messages the algorithm sends");
        assertThat(figure.locator(".chart-plot canvas")).hasCount(1);
        assertThat(figure.locator(".chart-plot")).hasAttribute("aria-label", "Messages of the oral-messages algorithm: messages sent against processes n");
        assertThat(figure.locator(".chart-legend li")).hasText(new String[] {"m = 1", "m = 2"});
        assertThat(figure.locator(".chart-legend li[data-series='m = 2'] line")).hasAttribute("stroke-dasharray", "10 5");
        assertThat(figure.locator("figcaption")).containsText("fault-free run");

        figure.getByText("The numbers").click();
        Locator seven = figure.locator(".chart-numbers tbody tr", new Locator.LocatorOptions().setHasText("7"))
                .filter(new Locator.FilterOptions().setHas(page.locator("th", new Page.LocatorOptions().setHasText("7"))));
        assertThat(seven.locator("td")).hasText(new String[] {
                String.valueOf(ByzantineAgreement.messages(7, 1)), String.valueOf(ByzantineAgreement.messages(7, 2))});
        double plotWidth = ((Number) figure.locator(".chart-plot canvas").evaluate("c => c.getBoundingClientRect().width")).doubleValue();
        assertThat(plotWidth).as("the plot spans its panel").isGreaterThan(400);
        assertThat(errors).as("no script or CSP errors on the page").isEmpty();
    }
}

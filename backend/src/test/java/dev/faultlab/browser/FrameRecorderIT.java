package dev.faultlab.browser;

import com.microsoft.playwright.Page;
import dev.faultlab.bench.FrameRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run-view benchmark's frame recorder counts each animation frame of a phase once, however many phases came
 * before: one loop per phase, checked against a frame counter of the page's own.
 */
@ExtendWith(BrowserExtension.class)
class FrameRecorderIT {
    private static final int FRAMES = 20;

    @Test
    void everyPhaseCountsEachFrameOnceHoweverManyPhasesCameBefore(Page page) {
        page.setContent("<canvas id=\"diagram\" data-paint-ms=\"1\" data-mode=\"overview\"></canvas>");
        page.evaluate("() => { window.frameCount = 0; const tick = () => { window.frameCount++;"
                + " requestAnimationFrame(tick); }; requestAnimationFrame(tick); }");

        page.evaluate("() => { window.phaseStart = window.frameCount; (" + FrameRecorder.START + ")(); }");
        for (int phase = 1; phase <= 4; phase++) {
            page.waitForFunction("n => window.frameCount - window.phaseStart >= n", FRAMES);
            // The benchmark starts the next phase right after stopping one, before another frame is drawn.
            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) page.evaluate("next => {"
                    + " const frames = window.frameCount - window.phaseStart;"
                    + " const recorded = (" + FrameRecorder.STOP + ")();"
                    + " if (next) { window.phaseStart = window.frameCount; (" + FrameRecorder.START + ")(); }"
                    + " return { frames, recorded }; }", phase < 4);
            int frames = ((Number) result.get("frames")).intValue();
            @SuppressWarnings("unchecked")
            int gaps = ((Map<String, Map<String, Number>>) result.get("recorded")).get("gaps").get("count").intValue();

            assertThat(gaps).as("frames recorded in phase %d, which lasted %d frames", phase, frames)
                    .isBetween(frames - 1, frames + 1);
        }
    }
}

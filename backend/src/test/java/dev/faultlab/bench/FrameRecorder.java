package dev.faultlab.bench;

/**
 * The page-side recorder of {@link RunViewBench}: the gaps between animation frames and the diagram's paint times,
 * one phase at a time. Each phase's loop closes over its own record, so stopping a phase ends its loop at the next
 * frame, and starting one stops a loop still running: exactly one loop measures each phase. (A loop that looked up
 * the current record on every frame kept running into the next phase and counted its frames again.)
 */
public final class FrameRecorder {
    /** Starts recording; a page function, as for {@code page.evaluate}. */
    public static final String START = """
            () => {
              const canvas = document.getElementById('diagram');
              if (window.benchFrames) window.benchFrames.running = false;
              const record = { gaps: [], paints: [], running: true, last: performance.now(), lastPaint: canvas.dataset.paintMs };
              window.benchFrames = record;
              const frame = (now) => {
                if (!record.running) return;
                record.gaps.push(now - record.last);
                record.last = now;
                if (canvas.dataset.paintMs !== record.lastPaint) {
                  record.lastPaint = canvas.dataset.paintMs;
                  record.paints.push(Number(canvas.dataset.paintMs));
                }
                requestAnimationFrame(frame);
              };
              requestAnimationFrame(frame);
            }""";

    /** Stops recording and returns {gaps, paints} (count, median, p95, max, mean in ms) and the diagram's mode. */
    public static final String STOP = """
            () => {
              const record = window.benchFrames;
              record.running = false;
              const stats = (values) => {
                const sorted = [...values].sort((a, b) => a - b);
                const at = (q) => sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0;
                const mean = sorted.reduce((s, v) => s + v, 0) / Math.max(1, sorted.length);
                return { count: sorted.length, median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0, mean };
              };
              return { gaps: stats(record.gaps), paints: stats(record.paints), mode: document.getElementById('diagram').dataset.mode };
            }""";

    private FrameRecorder() {
    }
}

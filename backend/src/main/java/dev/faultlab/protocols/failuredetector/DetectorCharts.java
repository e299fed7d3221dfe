package dev.faultlab.protocols.failuredetector;

import dev.faultlab.chart.Chart;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * The run view's charts of a detector run so far: each process's timeouts and how many processes each one
 * suspects, as steps over time. A timeout nobody changed stays at the initial value; those are drawn as one line,
 * so the lines that move are the story.
 */
final class DetectorCharts {
    /** Steps kept per series: the newest ones, so a long run stays drawable. */
    private static final int STEPS_PER_SERIES = 400;
    static final String TIMEOUTS = "Timeouts";
    static final String SUSPICIONS = "Suspicions";
    static final String TIME = "time (ticks)";

    private DetectorCharts() {
    }

    static List<Chart> of(DetectorConfig config, List<TraceEvent> events) {
        Timeline timeline = Timeline.of(config, events);
        long now = events.isEmpty() ? 0 : events.get(events.size() - 1).time();
        return List.of(timeouts(config, timeline, now), suspicions(timeline, now));
    }

    private static Chart timeouts(DetectorConfig config, Timeline timeline, long now) {
        List<Chart.Series> series = new ArrayList<>();
        boolean unchanged = false;
        for (int observer = 0; observer < timeline.n(); observer++) {
            for (int peer = 0; peer < timeline.n(); peer++) {
                if (peer == observer) {
                    continue;
                }
                List<Timeline.Step> steps = timeline.timeouts(observer, peer);
                if (steps.size() == 1) {
                    unchanged = true;
                } else {
                    series.add(new Chart.Series(ProcessLabel.of(observer) + "'s timeout for " + ProcessLabel.of(peer), points(steps, now)));
                }
            }
        }
        if (unchanged) {
            series.add(new Chart.Series((series.isEmpty() ? "every timeout" : "every other timeout") + " (unchanged)",
                    points(List.of(new Timeline.Step(0, config.timeout())), now)));
        }
        return new Chart(TIMEOUTS, TIME, "timeout (ticks)", series);
    }

    private static Chart suspicions(Timeline timeline, long now) {
        List<Chart.Series> series = new ArrayList<>();
        for (int observer = 0; observer < timeline.n(); observer++) {
            series.add(new Chart.Series(ProcessLabel.of(observer) + " suspects", points(timeline.suspecting(observer), now)));
        }
        return new Chart(SUSPICIONS, TIME, "processes suspected", series);
    }

    /**
     * A step line as points: at a change at tick t the value was the old one at t - 1 and is the new one at t (time
     * is whole ticks), and the last value lasts until {@code now}.
     */
    private static List<Chart.Point> points(List<Timeline.Step> steps, long now) {
        List<Timeline.Step> kept = steps.subList(Math.max(0, steps.size() - STEPS_PER_SERIES), steps.size());
        List<Chart.Point> points = new ArrayList<>();
        Timeline.Step previous = null;
        for (Timeline.Step step : kept) {
            if (previous != null && step.time() - 1 > previous.time()) {
                points.add(new Chart.Point(step.time() - 1, previous.value()));
            }
            points.add(new Chart.Point(step.time(), step.value()));
            previous = step;
        }
        if (previous != null && now > previous.time()) {
            points.add(new Chart.Point(now, previous.value()));
        }
        return points;
    }
}

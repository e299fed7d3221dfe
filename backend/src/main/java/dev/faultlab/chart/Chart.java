package dev.faultlab.chart;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A line chart measured from runs, as the browser draws it: numeric points per labelled series over shared
 * axes. The constructors refuse what would draw badly (no series, unlabelled or repeated series, points that
 * are not finite numbers, more points than a page can show), so a bad chart fails where it is computed.
 */
public record Chart(String title, String xLabel, String yLabel, List<Series> series) {
    /** Points a chart may hold in all: enough for any plot a student reads, small enough for any page. */
    public static final int MAX_POINTS = 10_000;

    public Chart {
        named(title, "a chart's title");
        named(xLabel, "the x axis's label of '" + title + "'");
        named(yLabel, "the y axis's label of '" + title + "'");
        series = List.copyOf(series);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("the chart '" + title + "' has no series");
        }
        Set<String> labels = new HashSet<>();
        int points = 0;
        for (Series one : series) {
            if (!labels.add(one.label())) {
                throw new IllegalArgumentException("the chart '" + title + "' has two series labelled '" + one.label() + "'");
            }
            points += one.points().size();
        }
        if (points > MAX_POINTS) {
            throw new IllegalArgumentException("the chart '" + title + "' has " + points + " points, more than "
                    + MAX_POINTS);
        }
    }

    /** One line of the chart, its points in the order they are drawn. */
    public record Series(String label, List<Point> points) {
        public Series {
            named(label, "a series' label");
            points = List.copyOf(points);
        }
    }

    public record Point(double x, double y) {
        public Point {
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                throw new IllegalArgumentException("a chart point must be finite, not (" + x + ", " + y + ")");
            }
        }
    }

    private static void named(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
    }
}

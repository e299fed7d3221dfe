package dev.faultlab.run;

import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.PropertyStatus;

import java.util.List;
import java.util.Locale;

/**
 * The stream's {@code properties} frame: what each of the protocol's monitors says over the first {@code upTo}
 * events (those the watcher has been sent), with the changes that led there, so the run view can show the verdict
 * at any earlier event too. Sent when it changes. See docs/API.md.
 */
public record PropertiesFrame(String type, int upTo, List<Property> properties) {

    /** One monitor: its verdict now ({@code status} holds, violated or pending; the rest set while violated). */
    public record Property(String name, boolean judgedAtEnd, String status, Integer at, String explanation,
                           List<Integer> witnesses, List<Change> changes) {
    }

    /** From event {@code from} (-1: the start) the verdict was {@code status}. */
    public record Change(int from, String status, Integer at, String explanation, List<Integer> witnesses) {
    }

    static PropertiesFrame of(int upTo, List<PropertyStatus> statuses) {
        return new PropertiesFrame("properties", upTo, statuses.stream().map(PropertiesFrame::property).toList());
    }

    private static Property property(PropertyStatus status) {
        Change now = change(status.now());
        return new Property(status.property(), status.judgedAtEnd(), now.status(), now.at(), now.explanation(), now.witnesses(),
                status.changes().stream().map(PropertiesFrame::change).toList());
    }

    private static Change change(PropertyStatus.Change change) {
        Monitor.Violation violation = change.violation();
        String status = change.status().name().toLowerCase(Locale.ROOT);
        return violation == null ? new Change(change.from(), status, null, null, null)
                : new Change(change.from(), status, violation.at(), violation.explanation(), violation.witnesses());
    }
}

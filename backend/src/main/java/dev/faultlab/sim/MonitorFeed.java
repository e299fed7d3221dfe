package dev.faultlab.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Feeds one kernel's events to the monitors as the kernel settles them (see {@link Kernel#settle()}), each with
 * the processes' state right after it, and keeps each monitor's verdict changes so a view of any earlier event
 * shows the verdict as it stood there.
 */
final class MonitorFeed {
    private final Kernel kernel;
    private final List<Monitor> monitors;
    private final List<List<PropertyStatus.Change>> changes = new ArrayList<>();
    private final KernelStates states;
    private int fed;

    MonitorFeed(Kernel kernel, List<Monitor> monitors) {
        this.kernel = kernel;
        this.monitors = List.copyOf(monitors);
        this.states = new KernelStates(kernel);
        for (Monitor monitor : this.monitors) {
            List<PropertyStatus.Change> timeline = new ArrayList<>();
            timeline.add(new PropertyStatus.Change(-1, monitor.judgedAtEnd() ? PropertyStatus.Status.PENDING
                    : PropertyStatus.Status.HOLDS, null));
            changes.add(timeline);
        }
    }

    void catchUp() {
        Trace trace = kernel.trace();
        while (fed < trace.written()) {
            TraceEvent event = trace.writtenEvent(fed);
            states.nextEvent();
            for (int i = 0; i < monitors.size(); i++) {
                Monitor monitor = monitors.get(i);
                monitor.onEvent(event, states);
                note(changes.get(i), monitor, event);
            }
            fed++;
        }
    }

    private static void note(List<PropertyStatus.Change> timeline, Monitor monitor, TraceEvent event) {
        Monitor.Violation violation = monitor.violation();
        PropertyStatus.Status status = violation != null ? PropertyStatus.Status.VIOLATED
                : monitor.judgedAtEnd() && event.kind() != EventKind.END ? PropertyStatus.Status.PENDING
                : PropertyStatus.Status.HOLDS;
        PropertyStatus.Change last = timeline.get(timeline.size() - 1);
        if (last.status() != status || !Objects.equals(last.violation(), violation)) {
            timeline.add(new PropertyStatus.Change(event.seq(), status, violation));
        }
    }

    List<Monitor> monitors() {
        return monitors;
    }

    /** Every monitor's verdict changes over the first {@code events} events. */
    List<PropertyStatus> statuses(int events) {
        List<PropertyStatus> all = new ArrayList<>(monitors.size());
        for (int i = 0; i < monitors.size(); i++) {
            Monitor monitor = monitors.get(i);
            all.add(new PropertyStatus(monitor.property(), monitor.judgedAtEnd(), changes.get(i)).upTo(events));
        }
        return all;
    }
}

package dev.faultlab.explore;

import dev.faultlab.sim.Goal;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.MonitorSource;
import dev.faultlab.sim.Protocol;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.Params;

import java.util.List;
import java.util.Set;

/**
 * What a search looks for: a violation of some of the protocol's properties (its monitors), or a state the protocol
 * names as a goal ({@link Protocol#goals}). Either way a monitor follows each run and says where it was found.
 */
public sealed interface SearchTarget {

    /** The monitors that follow each run the search makes. */
    MonitorSource monitors();

    /** What the monitors, having read a run, found of the target; null while nothing is. */
    Monitor.Violation foundIn(List<Monitor> monitors);

    /** Throws {@link IllegalArgumentException} when a run of these parameters has no such property or goal. */
    void requireKnown(Protocol protocol, Params params, NetworkSpec network);

    /** The target in words, for messages: "a violation of agreement", "the goal two-leaders". */
    String describe();

    /** A violation of one of {@code properties} (monitor names); empty for any monitor of the protocol. */
    static SearchTarget violating(Set<String> properties) {
        return new Violating(Set.copyOf(properties));
    }

    /** The protocol's goal named {@code goal}. */
    static SearchTarget reaching(String goal) {
        return new Reaching(goal);
    }

    record Violating(Set<String> properties) implements SearchTarget {
        @Override
        public MonitorSource monitors() {
            return MonitorSource.PROTOCOL;
        }

        @Override
        public Monitor.Violation foundIn(List<Monitor> monitors) {
            for (Monitor monitor : monitors) {
                if (monitor.violation() != null && (properties.isEmpty() || properties.contains(monitor.property()))) {
                    return monitor.violation();
                }
            }
            return null;
        }

        @Override
        public void requireKnown(Protocol protocol, Params params, NetworkSpec network) {
            List<String> names = protocol.monitors(params, network).stream().map(Monitor::property).toList();
            for (String property : properties) {
                if (!names.contains(property)) {
                    throw new IllegalArgumentException(protocol.id() + " has no property '" + property + "'; its properties are " + names);
                }
            }
        }

        @Override
        public String describe() {
            return properties.isEmpty() ? "a violation of any property" : "a violation of " + String.join(" or ", properties.stream().sorted().toList());
        }
    }

    record Reaching(String goal) implements SearchTarget {
        @Override
        public MonitorSource monitors() {
            return (protocol, params, recipe) -> List.of(goalOf(protocol.goals(params, recipe.network()), protocol).monitor());
        }

        @Override
        public void requireKnown(Protocol protocol, Params params, NetworkSpec network) {
            goalOf(protocol.goals(params, network), protocol);
        }

        private Goal goalOf(List<Goal> goals, Protocol protocol) {
            return goals.stream().filter(g -> g.name().equals(goal)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                    protocol.id() + " has no goal '" + goal + "'; its goals are " + goals.stream().map(Goal::name).toList()));
        }

        @Override
        public Monitor.Violation foundIn(List<Monitor> monitors) {
            return monitors.stream().filter(m -> m.property().equals(goal)).map(Monitor::violation).filter(v -> v != null)
                    .findFirst().orElse(null);
        }

        @Override
        public String describe() {
            return "the goal " + goal;
        }
    }
}

package dev.faultlab.lab;

import java.util.List;
import java.util.Optional;

/**
 * A lab as loaded from labs/&lt;id&gt;/: {@code version} is a digest of its files, so a stored grade
 * names exactly the lab it was graded against. {@code topic} is what the lab teaches when its protocol is
 * only the workload (a dependability lab runs pings), or null when the lab is about its protocol.
 */
public record Lab(String id, String version, String title, String summary, String protocol, LabPolicy policy,
                  List<? extends Exercise> exercises, LabDefinition definition, String topic) {

    public Optional<Exercise> exercise(String exerciseId) {
        return exercises.stream().filter(e -> e.id().equals(exerciseId)).map(e -> (Exercise) e).findFirst();
    }

    public double points() {
        return exercises.stream().mapToDouble(Exercise::points).sum();
    }
}

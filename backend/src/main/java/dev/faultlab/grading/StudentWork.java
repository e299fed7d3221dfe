package dev.faultlab.grading;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.lab.Exercise;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One student's submissions and drafts in one lab. */
record StudentWork(List<Submission> submissions, Map<String, Draft> drafts) {
    static final StudentWork NONE = new StudentWork(List.of(), Map.of());

    StudentWork {
        submissions = List.copyOf(submissions);
        drafts = Map.copyOf(drafts);
    }

    static StudentWork of(List<Submission> submissions, List<Draft> drafts) {
        return new StudentWork(submissions, drafts.stream().collect(Collectors.toMap(Draft::exerciseId, Function.identity())));
    }

    /** The exercise's submissions, first attempt first. */
    List<Submission> of(String exerciseId) {
        return submissions.stream().filter(s -> s.exerciseId().equals(exerciseId))
                .sorted(Comparator.comparingInt(Submission::attempt)).toList();
    }

    /** The submission whose points count, by the exercise's scoring rule. */
    Optional<Submission> counted(Exercise exercise) {
        return Scoring.counted(of(exercise.id()), exercise.policy().scoring());
    }

    Optional<Draft> draft(String exerciseId) {
        return Optional.ofNullable(drafts.get(exerciseId));
    }

    /**
     * For error carried forward: the latest answer to each other exercise among the submissions made before
     * submission {@code beforeId} (ids grow with time), so a regrade sees what the first grading saw.
     */
    Map<String, JsonNode> otherAnswers(String exerciseId, long beforeId) {
        Map<String, JsonNode> latest = new LinkedHashMap<>();
        submissions.stream()
                .filter(s -> s.id() < beforeId && !s.exerciseId().equals(exerciseId))
                .sorted(Comparator.comparingLong(Submission::id))
                .forEach(s -> latest.put(s.exerciseId(), s.answer()));
        return latest;
    }
}

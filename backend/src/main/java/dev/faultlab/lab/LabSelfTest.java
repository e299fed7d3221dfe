package dev.faultlab.lab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.lab.exercise.FindRunExercise;
import dev.faultlab.lab.exercise.GradedExercise;
import dev.faultlab.key.KeyException;
import dev.faultlab.key.Reference;
import dev.faultlab.sim.RecipeException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Grades a lab against itself on one variant: each exercise's reference answer must score full marks
 * (with the other reference answers as the student's earlier answers) and every listed wrong answer less.
 */
final class LabSelfTest {
    /** A problem the self-test found, at a field of lab.yaml. */
    record Finding(String field, String message) {
    }

    private LabSelfTest() {
    }

    static List<Finding> check(Lab lab, ReferenceGrading grading, VariantKey variant) {
        List<Finding> findings = new ArrayList<>();
        Map<String, JsonNode> expected = new HashMap<>();
        Map<String, Reference> references = new HashMap<>();
        for (int i = 0; i < lab.exercises().size(); i++) {
            GradedExercise exercise = (GradedExercise) lab.exercises().get(i);
            try {
                Reference reference = variant == null ? grading.defaultReference(lab) : grading.reference(lab, variant, exercise, 0);
                references.put(exercise.id(), reference);
                exercise.input(reference);
                expected.put(exercise.id(), exercise.expected(reference));
            } catch (LabException e) {
                findings.add(new Finding(e.field(), e.problem()));
            } catch (KeyException e) {
                findings.add(new Finding(e.field(), e.problem()));
            } catch (RecipeException e) {
                e.problems().forEach(p -> findings.add(new Finding("scenario." + p.field(), p.message())));
            } catch (FindRunExercise.Unsolvable e) {
                findings.add(new Finding("exercises[" + i + "].search", e.getMessage()));
            } catch (RuntimeException e) {
                findings.add(new Finding("exercises[" + i + "].answer", "the answer key fails on this variant: " + e.getMessage()));
            }
        }
        if (!findings.isEmpty()) {
            return findings.stream().distinct().toList();
        }
        for (int i = 0; i < lab.exercises().size(); i++) {
            GradedExercise exercise = (GradedExercise) lab.exercises().get(i);
            Reference reference = references.get(exercise.id());
            Map<String, JsonNode> others = new HashMap<>(expected);
            others.remove(exercise.id());
            String field = "exercises[" + i + "]";
            try {
                double score = exercise.grade(reference, expected.get(exercise.id()), ReferenceGrading.earlier(lab, others)).score();
                if (score < 1) {
                    findings.add(new Finding(field + ".answer", "the reference answer scores " + score + ", not full marks"));
                }
            } catch (InvalidAnswer e) {
                findings.add(new Finding(field + ".answer", "the reference answer is refused by its own grader: " + e.getMessage()));
            }
            List<JsonNode> wrong = exercise.wrongAnswers(reference);
            for (int j = 0; j < wrong.size(); j++) {
                try {
                    double score = exercise.grade(reference, wrong.get(j), ReferenceGrading.earlier(lab, others)).score();
                    if (score >= 1) {
                        findings.add(new Finding(field + ".wrong[" + j + "]", "this wrong answer scores full marks"));
                    }
                } catch (InvalidAnswer e) {
                    findings.add(new Finding(field + ".wrong[" + j + "]", "this wrong answer cannot be read: " + e.getMessage()));
                }
            }
        }
        return findings;
    }
}

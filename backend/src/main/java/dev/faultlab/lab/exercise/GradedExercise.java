package dev.faultlab.lab.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.lab.Exercise;
import dev.faultlab.lab.FeedbackLevel;
import dev.faultlab.lab.Grade;
import dev.faultlab.lab.InvalidAnswer;
import dev.faultlab.lab.LabPolicy;
import dev.faultlab.key.AnswerKey;
import dev.faultlab.key.Earlier;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;

import java.util.List;
import java.util.Map;

/** An exercise with its grader: it reads its expected answer from the reference run of the student's variant. */
public sealed interface GradedExercise extends Exercise
        permits GridExercise, ChoiceExercise, NumberExercise, FaultPlanExercise, TraceExercise, FindRunExercise {

    ExerciseInfo info();

    /** The form the student fills in, for this variant (see docs/API.md); never holds the answer. */
    Map<String, Object> input(Reference reference);

    Grade grade(Reference reference, JsonNode answer, Earlier earlier) throws InvalidAnswer;

    /** The expected answer in the shape of an answer, for the reveal and for the lab's self-test. */
    JsonNode expected(Reference reference);

    /** The lab's listed wrong answers, made concrete for this variant: each must score less than full marks. */
    List<JsonNode> wrongAnswers(Reference reference);

    /** The level the student's feedback is given at when the lab sets none: see {@link FeedbackLevel}. */
    FeedbackLevel defaultFeedback(Reference reference);

    default FeedbackLevel feedback(Reference reference) {
        return info().feedback() != null ? info().feedback() : defaultFeedback(reference);
    }

    /** How the expected answer follows from the run, shown with it on reveal. */
    default Solution solution(Reference reference) {
        return info().key().solution(reference, info().args());
    }

    @Override
    default String id() {
        return info().id();
    }

    @Override
    default String title() {
        return info().title();
    }

    @Override
    default double points() {
        return info().points();
    }

    @Override
    default LabPolicy policy() {
        return info().policy();
    }

    /** The answer key the lab names; null for a find-run exercise, whose answer the explorer finds. */
    default AnswerKey key() {
        return info().key();
    }
}

package dev.faultlab.lab;

/** What the platform outside the grader needs of an exercise: its name, its weight and its policy. */
public interface Exercise {
    String id();

    String title();

    /** "grid", "choice", "number", "fault-plan", "trace" or "find-run". */
    String type();

    double points();

    /** The lab's policy with this exercise's overrides applied. */
    LabPolicy policy();
}

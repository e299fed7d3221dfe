package dev.faultlab.lab;

import dev.faultlab.explore.Search;
import dev.faultlab.explore.SearchResult;
import dev.faultlab.explore.SearchBounds;
import dev.faultlab.explore.SearchTarget;
import dev.faultlab.key.Reference;
import dev.faultlab.lab.exercise.FindRunExercise;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.Params;
import dev.faultlab.sim.Protocol;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What {@code validate} proves with the explorer on a lab's default variant: each find-run exercise has a run that
 * solves it (the shortest is reported), and each property the lab claims holds ({@code holds:}) has no violation
 * within the claim's bounds (the counterexample's steps are printed when it has).
 */
final class ExplorerChecks {
    /** A line of the report, and whether it is a problem (then at a field of lab.yaml). */
    record Line(String field, String text, boolean problem) {
    }

    private ExplorerChecks() {
    }

    static List<Line> check(Lab lab, Reference reference) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < lab.exercises().size(); i++) {
            if (lab.exercises().get(i) instanceof FindRunExercise exercise) {
                lines.add(solvable(exercise, "exercises[" + i + "]", reference));
            }
        }
        List<Claim> claims = lab.definition().holds();
        for (int i = 0; i < claims.size(); i++) {
            lines.add(holds(claims.get(i), "holds[" + i + "]", reference));
        }
        return lines;
    }

    private static Line solvable(FindRunExercise exercise, String field, Reference reference) {
        SearchResult result;
        try {
            result = exercise.search(reference);
        } catch (IllegalArgumentException e) {
            return new Line(field, e.getMessage(), true);
        }
        if (result.outcome() != SearchResult.Outcome.FOUND) {
            return new Line(field + ".search", "unsolvable: the explorer finds no run within its bounds ("
                    + outcome(result) + ")", true);
        }
        return new Line(field, "find-run " + exercise.id() + " is solvable: the " + (result.byProbe() ? "run a probe found" : "shortest run")
                + " has " + result.steps() + " steps (" + result.progress().explored() + " states explored)", false);
    }

    private static Line holds(Claim claim, String field, Reference reference) {
        Recipe start = claim.scenario().of(reference.run().recipe());
        SearchTarget target = SearchTarget.violating(Set.of(claim.property()));
        SearchResult result;
        try {
            Protocol protocol = reference.registry().find(start.protocol()).orElseThrow();
            target.requireKnown(protocol, Params.check(protocol.parameters(), start.params(), start.seed()), start.network());
            result = new Search(reference.registry(), start, claim.bounds().capped(SearchBounds.SERVER_CAPS), target,
                    progress -> { }, () -> false).run();
        } catch (IllegalArgumentException e) {
            return new Line(field + ".property", e.getMessage(), true);
        }
        if (result.outcome() != SearchResult.Outcome.FOUND) {
            return new Line(field, claim.property() + " holds: " + outcome(result), false);
        }
        return new Line(field + ".property", "does not hold: " + result.violation().explanation() + "; the counterexample ("
                + result.steps() + " steps):\n      " + String.join("\n      ", steps(result.counterexample(), reference)), true);
    }

    /** The counterexample's trace up to the end of the run, one event a line, with the faults it injected. */
    private static List<String> steps(Recipe counterexample, Reference reference) {
        List<String> steps = new ArrayList<>();
        for (Fault fault : counterexample.faults()) {
            steps.add("fault: " + fault.kind() + (fault.target() == null ? "" : " P" + (fault.target() + 1)) + " before event "
                    + fault.atEvent() + (fault.params().isEmpty() ? "" : " " + fault.params()));
        }
        steps.add("schedule: " + counterexample.schedule());
        Simulation run = Simulation.start(counterexample, reference.registry());
        run.runToEnd();
        for (TraceEvent event : run.trace().events()) {
            steps.add("#" + event.seq() + " t=" + event.time() + " " + event.kind() + (event.node() < 0 ? "" : " P" + (event.node() + 1))
                    + (event.peer() < 0 ? "" : " peer P" + (event.peer() + 1)) + (event.payload() == null ? "" : " " + event.payload()));
        }
        return steps;
    }

    private static String outcome(SearchResult result) {
        return switch (result.outcome()) {
            case EXHAUSTED -> "every state seen, " + result.progress().distinct() + " distinct";
            case BOUNDED -> "no violation before a bound stopped the search, " + result.progress().explored() + " states explored to depth "
                    + result.progress().depth();
            default -> result.outcome().name().toLowerCase(Locale.ROOT);
        };
    }
}

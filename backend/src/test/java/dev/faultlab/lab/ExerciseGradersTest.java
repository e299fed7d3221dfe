package dev.faultlab.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each exercise type's grader, through the shipped labs: partial credit, feedback, and answers refused without cost. */
class ExerciseGradersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ReferenceGrading GRADING = new ReferenceGrading(Protocols.registry());
    private static final LabCatalog CATALOG = new LabCatalog(Path.of("..", "labs"), GRADING, Clock.systemUTC());
    private static final VariantKey STUDENT = new VariantKey(1, 42, "");

    private static Lab lab(String id) {
        return CATALOG.lab(id).orElseThrow();
    }

    private static VariantKey key(Lab lab) {
        return new VariantKey(STUDENT.courseId(), STUDENT.userId(), lab.id());
    }

    private static Grade grade(String labId, String exercise, Object answer) throws InvalidAnswer {
        Lab lab = lab(labId);
        return GRADING.grade(lab, key(lab), exercise, 0, JSON.valueToTree(answer), Map.of());
    }

    private static JsonNode expected(String labId, String exercise) {
        Lab lab = lab(labId);
        return GRADING.expected(lab, key(lab), exercise, 0);
    }

    @Test
    void aTableCellIsGradedOnItsOwnIgnoringCaseAndSpaces() throws InvalidAnswer {
        JsonNode table = expected("two-phase-commit", "recovery").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) table.get("cells")).put("COMMIT/action", "  commit ");
        ((com.fasterxml.jackson.databind.node.ObjectNode) table.get("cells")).put("READY/action", "ABORT");

        Grade grade = GRADING.grade(lab("two-phase-commit"), key(lab("two-phase-commit")), "recovery", 0, table, Map.of());

        assertThat(grade.score()).isEqualTo(0.75);
        assertThat(grade.cells()).filteredOn(c -> !c.correct()).singleElement()
                .satisfies(c -> {
                    assertThat(c.cell()).isEqualTo("READY/action");
                    assertThat(c.feedback()).contains("Q is in READY").doesNotContain("CONTACT_ANOTHER");
                });
        assertThat(grade.feedback()).isEqualTo("3 of 4 cells right.");
    }

    @Test
    void aGridWithEmptyUnknownOrUnreadableCellsIsRefused() {
        assertThatThrownBy(() -> grade("two-phase-commit", "recovery", Map.of("cells", Map.of("COMMIT/action", "COMMIT"))))
                .isInstanceOf(InvalidAnswer.class).hasMessageContaining("3 cells are empty");
        assertThatThrownBy(() -> grade("two-phase-commit", "recovery", Map.of("cells", Map.of("WAIT/action", "COMMIT"))))
                .isInstanceOf(InvalidAnswer.class).hasMessageContaining("no cell 'WAIT/action'");
        assertThatThrownBy(() -> grade("two-phase-commit", "recovery", Map.of("cells", Map.of("INIT/action", "MAYBE"))))
                .isInstanceOf(InvalidAnswer.class).hasMessageContaining("'MAYBE' is not one of");
        assertThatThrownBy(() -> grade("two-phase-commit", "recovery", List.of("COMMIT")))
                .isInstanceOf(InvalidAnswer.class).hasMessageContaining("'cells'");
    }

    @Test
    void setsMayBeWrittenInAnyOrderWithOrWithoutBraces() throws InvalidAnswer {
        JsonNode known = expected("flooding-consensus", "known").deepCopy();
        var cells = (com.fasterxml.jackson.databind.node.ObjectNode) known.get("cells");
        cells.fieldNames().forEachRemaining(cell -> { });
        String someSet = null;
        for (var it = cells.fields(); it.hasNext(); ) {
            var cell = it.next();
            if (cell.getValue().asText().startsWith("{") && cell.getValue().asText().contains(",")) {
                someSet = cell.getKey();
            }
        }
        assertThat(someSet).isNotNull();
        String members = cells.get(someSet).asText().replaceAll("[{}]", "");
        List<String> reversed = new java.util.ArrayList<>(List.of(members.split(", ")));
        java.util.Collections.reverse(reversed);
        cells.put(someSet, String.join(" ", reversed));

        assertThat(GRADING.grade(lab("flooding-consensus"), key(lab("flooding-consensus")), "known", 0, known, Map.of()).score())
                .isEqualTo(1.0);
        cells.put(someSet, "{" + members.split(", ")[0] + "}");
        assertThat(GRADING.grade(lab("flooding-consensus"), key(lab("flooding-consensus")), "known", 0, known, Map.of()).score())
                .as("a subset is not the set").isLessThan(1.0);
    }

    @Test
    void aChoiceIsAllOrNothing() throws InvalidAnswer {
        assertThat(grade("byzantine-generals", "agree", Map.of("choices", List.of("agree"))).score()).isEqualTo(1.0);
        assertThat(grade("byzantine-generals", "agree", Map.of("choices", List.of("disagree"))).score()).isZero();
        assertThatThrownBy(() -> grade("byzantine-generals", "agree", Map.of("choices", List.of("agree", "disagree"))))
                .isInstanceOf(InvalidAnswer.class).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> grade("byzantine-generals", "agree", Map.of("choices", List.of("perhaps"))))
                .isInstanceOf(InvalidAnswer.class).hasMessageContaining("no option 'perhaps'");
    }

    @Test
    void aNumberIsRightWithinItsToleranceAndSaysWhichWayItIsOff() throws InvalidAnswer {
        double mttf = expected("dependability", "mttf").get("value").asDouble();

        assertThat(grade("dependability", "mttf", Map.of("value", mttf + 0.04)).score()).isEqualTo(1.0);
        assertThat(grade("dependability", "mttf", Map.of("value", String.valueOf(mttf))).score()).isEqualTo(1.0);
        assertThat(grade("dependability", "mttf", Map.of("value", mttf + 1)).feedback()).isEqualTo("Too high.");
        assertThat(grade("dependability", "mttf", Map.of("value", mttf - 1)).feedback()).isEqualTo("Too low.");
        assertThatThrownBy(() -> grade("dependability", "mttf", Map.of("value", "forty")))
                .isInstanceOf(InvalidAnswer.class).hasMessageContaining("not a number");
    }

    @Test
    void dependabilityNumbersFollowFromTheLogTheStudentIsGiven() {
        Lab lab = lab("dependability");
        List<Given.Row> log = GRADING.sheet(lab, key(lab), Map.of()).given().get(0).rows();
        double c1 = Double.parseDouble(log.get(0).cells().get(0));
        double r1 = Double.parseDouble(log.get(0).cells().get(1));
        double c2 = Double.parseDouble(log.get(1).cells().get(0));
        double r2 = Double.parseDouble(log.get(1).cells().get(1));
        double mttf = (c1 + (c2 - r1)) / 2;
        double mttr = ((r1 - c1) + (r2 - c2)) / 2;

        assertThat(expected("dependability", "mttf").get("value").asDouble()).isEqualTo(mttf);
        assertThat(expected("dependability", "mttr").get("value").asDouble()).isEqualTo(mttr);
        assertThat(expected("dependability", "mtbf").get("value").asDouble()).isEqualTo(mttf + mttr);
        assertThat(expected("dependability", "availability").get("value").asDouble()).isEqualTo(mttf / (mttf + mttr));
    }

    @Test
    void aFaultPlanIsGradedByRunningIt() throws InvalidAnswer {
        Grade blocks = grade("two-phase-commit", "block",
                Map.of("faults", List.of(Map.of("at", 1, "kind", "CRASH", "target", 0, "params", Map.of()))));
        Grade commits = grade("two-phase-commit", "block",
                Map.of("faults", List.of(Map.of("at", 60, "kind", "CRASH", "target", 2, "params", Map.of()))));

        assertThat(blocks.score()).isEqualTo(1.0);
        assertThat(blocks.feedback()).contains("READY");
        assertThat(commits.score()).isZero();
        assertThat(commits.feedback()).startsWith("The protocol did not block");
    }

    @Test
    void aFaultPlanBreakingTheChallengesRulesIsRefused() {
        var crash = Map.of("at", 1, "kind", "CRASH", "target", 0);
        assertThatThrownBy(() -> grade("two-phase-commit", "block", Map.of("faults", List.of(crash, crash))))
                .isInstanceOf(InvalidAnswer.class).hasMessageContaining("between 1 and 1 fault");
        assertThatThrownBy(() -> grade("two-phase-commit", "block",
                Map.of("faults", List.of(Map.of("at", 1, "kind", "PARTITION", "params", Map.of())))))
                .isInstanceOf(InvalidAnswer.class).hasMessageContaining("kind must be one of [CRASH]");
        assertThatThrownBy(() -> grade("two-phase-commit", "block",
                Map.of("faults", List.of(Map.of("at", 1, "kind", "CRASH", "target", 9)))))
                .isInstanceOf(InvalidAnswer.class).hasMessageContaining("fault 0");
    }

    @Test
    void aTraceQuestionCountsWrongAndMissedPicks() throws InvalidAnswer {
        List<Integer> decisions = new java.util.ArrayList<>();
        expected("two-phase-commit", "decisions").get("events").forEach(e -> decisions.add(e.asInt()));
        List<Integer> oneMissed = decisions.subList(1, decisions.size());

        assertThat(grade("two-phase-commit", "decisions", Map.of("events", decisions)).score()).isEqualTo(1.0);
        Grade partial = grade("two-phase-commit", "decisions", Map.of("events", oneMissed));
        assertThat(partial.score()).isEqualTo((double) oneMissed.size() / decisions.size());
        assertThat(partial.feedback()).contains("1 event is missing");
        Lab lab = lab("two-phase-commit");
        Simulation run = Simulation.start(GRADING.recipe(lab, key(lab)), Protocols.registry());
        run.runToEnd();
        int send = java.util.stream.IntStream.range(0, run.trace().size())
                .filter(seq -> run.trace().kind(seq) == EventKind.SEND).findFirst().orElseThrow();
        assertThatThrownBy(() -> grade("two-phase-commit", "decisions", Map.of("events", List.of(send))))
                .isInstanceOf(InvalidAnswer.class).hasMessageContaining("is a SEND event; pick among");
        assertThatThrownBy(() -> grade("two-phase-commit", "decisions", Map.of("events", List.of(1_000_000))))
                .isInstanceOf(InvalidAnswer.class).hasMessageContaining("no event 1000000");
    }

    @Test
    void theSameStudentAlwaysGetsTheSameVariantAndOthersOtherOnes() {
        Lab lab = lab("byzantine-generals");
        var first = GRADING.recipe(lab, new VariantKey(1, 10, lab.id()));
        var again = GRADING.recipe(lab, new VariantKey(1, 10, lab.id()));
        long distinct = java.util.stream.IntStream.range(0, 20)
                .mapToObj(u -> GRADING.recipe(lab, new VariantKey(1, u, lab.id()))).distinct().count();

        assertThat(again).isEqualTo(first);
        assertThat(distinct).isGreaterThan(15);
    }

    @Test
    void aSheetNeverHoldsAnExpectedAnswer() throws Exception {
        Lab lab = lab("two-phase-commit");
        String sheet = JSON.writeValueAsString(GRADING.sheet(lab, key(lab), Map.of()));

        assertThat(sheet).doesNotContain("CONTACT_ANOTHER\"}").contains("\"vocabulary\"");
        assertThat(sheet).doesNotContain("\"faults\":[{");
    }
}

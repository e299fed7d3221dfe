package dev.faultlab.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.Recipe;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Byzantine lab graded with answers worked out here, independently of the platform's protocol and
 * graders: from the variant's recipe (values, traitors, lies), by the rules the lab's instructions
 * state. Every student variant must give full marks for these answers and lose exactly one cell's share
 * for one wrong cell.
 */
class ByzantineLabGradingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ReferenceGrading GRADING = new ReferenceGrading(Protocols.registry());
    private static final Lab LAB = new LabCatalog(Path.of("..", "labs"), GRADING, Clock.systemUTC())
            .lab("byzantine-generals").orElseThrow();
    private static final int N = 7;
    private static final int ROUNDS = 3;
    /** The lab asks about P3 and P5, ids 2 and 4, as the lecture's Exercise 7 does. */
    private static final int ASKED = 2;
    private static final int OTHER = 4;

    /** A variant as the instructions describe it: values, and each traitor's value per receiver. */
    private record World(List<String> values, Map<Integer, List<String>> lies) {
        boolean traitor(int node) {
            return lies.containsKey(node);
        }

        /** What {@code receiver} hears for the chain {@code path} (nearest speaker first). */
        String heard(int receiver, List<Integer> path) {
            int speaker = path.get(0);
            if (traitor(speaker)) {
                return lies.get(speaker).get(receiver);
            }
            return path.size() == 1 ? values.get(speaker) : heard(speaker, path.subList(1, path.size()));
        }
    }

    @Property(tries = 60)
    void independentAnswersScoreFullMarksForEveryVariant(@ForAll @IntRange(min = 1, max = 1_000_000) int student)
            throws InvalidAnswer {
        VariantKey key = new VariantKey(7, student, LAB.id());
        World world = world(GRADING.recipe(LAB, key));
        Map<String, JsonNode> answers = new HashMap<>();
        for (int round = 1; round <= ROUNDS; round++) {
            answers.put("round" + round, roundAnswer(world, ASKED, round));
        }
        answers.put("vector", vectorAnswer(world, ASKED));
        answers.put("others", vectorAnswer(world, OTHER));
        answers.put("agree", JSON.valueToTree(Map.of("choices", List.of("agree"))));

        for (Exercise exercise : LAB.exercises()) {
            Grade grade = GRADING.grade(LAB, key, exercise.id(), 0, answers.get(exercise.id()), answers);
            assertThat(grade.score()).as("%s for student %d", exercise.id(), student).isEqualTo(1.0);
        }
    }

    @Property(tries = 20)
    void oneWrongCellCostsOneCellAndIsNamed(@ForAll @IntRange(min = 1, max = 1_000_000) int student,
                                             @ForAll @IntRange(min = 0, max = 29) int cellIndex) throws InvalidAnswer {
        VariantKey key = new VariantKey(7, student, LAB.id());
        World world = world(GRADING.recipe(LAB, key));
        JsonNode answer = roundAnswer(world, ASKED, 2);
        ObjectNode cells = (ObjectNode) answer.get("cells");
        String cell = new ArrayList<>(iterable(cells)).get(cellIndex);
        cells.put(cell, "ATTACK".equals(cells.get(cell).asText()) ? "RETREAT" : "ATTACK");
        Map<String, JsonNode> others = Map.of("round1", roundAnswer(world, ASKED, 1));

        Grade grade = GRADING.grade(LAB, key, "round2", 0, answer, others);

        assertThat(grade.score()).isEqualTo(29.0 / 30);
        assertThat(grade.cells()).filteredOn(c -> !c.correct()).extracting(Grade.CellGrade::cell).containsExactly(cell);
    }

    @Property(tries = 20)
    void aSlipInRoundOneIsCarriedForwardNotChargedAgain(@ForAll @IntRange(min = 1, max = 1_000_000) int student)
            throws InvalidAnswer {
        VariantKey key = new VariantKey(7, student, LAB.id());
        World world = world(GRADING.recipe(LAB, key));
        int loyalOrigin = firstLoyalOtherThan(world, ASKED);
        ObjectNode round1 = (ObjectNode) roundAnswer(world, ASKED, 1);
        String slipped = flip(((ObjectNode) round1.get("cells")).get("-/" + ProcessLabel.of(loyalOrigin)).asText());
        ((ObjectNode) round1.get("cells")).put("-/" + ProcessLabel.of(loyalOrigin), slipped);
        ObjectNode round2 = (ObjectNode) roundAnswer(world, ASKED, 2);
        for (int relay = 0; relay < N; relay++) {
            if (relay != ASKED && relay != loyalOrigin && !world.traitor(relay)) {
                ((ObjectNode) round2.get("cells")).put(ProcessLabel.of(relay) + "/" + ProcessLabel.of(loyalOrigin), slipped);
            }
        }

        Grade strict = GRADING.grade(LAB, key, "round2", 0, round2, Map.of());
        Grade carried = GRADING.grade(LAB, key, "round2", 0, round2, Map.of("round1", round1));

        assertThat(strict.score()).isLessThan(1.0);
        assertThat(carried.score()).isEqualTo(1.0);
        assertThat(carried.feedback()).contains("error carried forward");
    }

    private static World world(Recipe recipe) {
        @SuppressWarnings("unchecked")
        List<String> values = ((List<Object>) recipe.params().get("values")).stream().map(String::valueOf).toList();
        Map<Integer, List<String>> lies = new HashMap<>();
        for (Fault fault : recipe.faults()) {
            List<String> perReceiver = new ArrayList<>(List.of("", "", "", "", "", "", ""));
            for (Object row : (List<?>) fault.params().get("lies")) {
                Map<?, ?> lie = (Map<?, ?>) row;
                perReceiver.set(((Number) lie.get("to")).intValue(), (String) lie.get("value"));
            }
            lies.put(fault.target(), perReceiver);
        }
        return new World(values, lies);
    }

    private static JsonNode roundAnswer(World world, int self, int round) {
        Map<String, String> cells = new java.util.LinkedHashMap<>();
        for (List<Integer> path : chains(self, round)) {
            cells.put(rowId(path.subList(0, path.size() - 1)) + "/" + ProcessLabel.of(path.get(path.size() - 1)), world.heard(self, path));
        }
        return JSON.valueToTree(Map.of("cells", cells));
    }

    /** OM(m) by recursion over chains, as the instructions state it. */
    private static JsonNode vectorAnswer(World world, int self) {
        Map<String, String> cells = new java.util.LinkedHashMap<>();
        for (int origin = 0; origin < N; origin++) {
            cells.put("vector/" + ProcessLabel.of(origin), origin == self ? world.values().get(self) : resolve(world, self, List.of(origin)));
        }
        return JSON.valueToTree(Map.of("cells", cells));
    }

    private static String resolve(World world, int self, List<Integer> path) {
        String direct = world.heard(self, path);
        if (path.size() == ROUNDS) {
            return direct;
        }
        List<String> votes = new ArrayList<>(List.of(direct));
        for (int relay = 0; relay < N; relay++) {
            if (relay != self && !path.contains(relay)) {
                List<Integer> longer = new ArrayList<>(List.of(relay));
                longer.addAll(path);
                votes.add(resolve(world, self, longer));
            }
        }
        long attack = votes.stream().filter("ATTACK"::equals).count();
        return 2 * attack > votes.size() ? "ATTACK" : "RETREAT";
    }

    private static List<List<Integer>> chains(int self, int length) {
        List<List<Integer>> chains = new ArrayList<>();
        extend(new ArrayList<>(), self, length, chains);
        return chains;
    }

    private static void extend(List<Integer> prefix, int self, int length, List<List<Integer>> chains) {
        if (prefix.size() == length) {
            chains.add(List.copyOf(prefix));
            return;
        }
        for (int id = 0; id < N; id++) {
            if (id != self && !prefix.contains(id)) {
                prefix.add(id);
                extend(prefix, self, length, chains);
                prefix.remove(prefix.size() - 1);
            }
        }
    }

    private static String rowId(List<Integer> speakers) {
        return speakers.isEmpty() ? "-" : String.join(":", speakers.stream().map(ProcessLabel::of).toList());
    }

    private static int firstLoyalOtherThan(World world, int self) {
        for (int node = 0; node < N; node++) {
            if (node != self && !world.traitor(node)) {
                return node;
            }
        }
        throw new AssertionError("no loyal process");
    }

    private static String flip(String value) {
        return "ATTACK".equals(value) ? "RETREAT" : "ATTACK";
    }

    private static List<String> iterable(ObjectNode cells) {
        List<String> names = new ArrayList<>();
        cells.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

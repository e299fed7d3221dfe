package dev.faultlab.protocols;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.run.RunCodec;
import dev.faultlab.web.Json;
import dev.faultlab.sim.Budgets;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.MonitorSource;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.Params;
import dev.faultlab.sim.ProcessStatus;
import dev.faultlab.sim.Protocol;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Setup;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.StateDisplay;
import dev.faultlab.sim.TraceEvent;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What every registered protocol must do on the kernel, checked on each with its default parameters. */
class ProtocolConformanceTest {
    private static final ProtocolRegistry REGISTRY = Protocols.registry();
    private static final Budgets SMALL = new Budgets(3_000, 2_000, 60_000, 64, 64L << 20);

    private static Recipe recipeOf(Protocol protocol) {
        return new Recipe(protocol.id(), Map.of(), 5, List.of(), null, SMALL);
    }

    private static Simulation run(Recipe recipe) {
        Simulation sim = Simulation.start(recipe, REGISTRY);
        sim.runToEnd();
        return sim;
    }

    private static Stream<DynamicTest> forEveryProtocol(String what, java.util.function.Consumer<Protocol> check) {
        return REGISTRY.all().stream().map(p -> DynamicTest.dynamicTest(p.id() + ": " + what, () -> check.accept(p)));
    }

    @TestFactory
    Stream<DynamicTest> theSameRecipeGivesTheSameTraceAlsoAfterJson() {
        return forEveryProtocol("same recipe, same trace", p -> {
            Recipe recipe = recipeOf(p);
            List<TraceEvent> first = run(recipe).trace().events();
            assertThat(first).isNotEmpty();
            assertThat(run(recipe).trace().events()).isEqualTo(first);
            assertThat(run(RunCodec.recipe(RunCodec.recipeJson(recipe))).trace().events()).isEqualTo(first);
        });
    }

    @TestFactory
    Stream<DynamicTest> liveInterventionsReplayExactlyAndSeekingEqualsTheLiveRun() {
        return forEveryProtocol("live = replay, seek = live, views never throw", p -> {
            Recipe recipe = recipeOf(p);
            Simulation live = Simulation.start(recipe, REGISTRY);
            List<List<ProcessStatus>> seen = new ArrayList<>();
            List<Integer> at = new ArrayList<>();
            int step = 0;
            while (live.step() && live.trace().size() < 400) {
                step++;
                if (step == 5) {
                    live.inject(new Fault(null, null, FaultKind.CRASH, 1, Map.of()));
                } else if (step == 40) {
                    live.inject(new Fault(null, null, FaultKind.RECOVER, 1, Map.of()));
                }
                seen.add(live.processes());
                at.add(live.trace().size() - 1);
            }
            live.runToEnd();
            assertThat(run(live.recipe()).trace().events()).isEqualTo(live.trace().events());
            for (int i = 0; i < seen.size(); i += 9) {
                assertThat(Simulation.processesAt(live.recipe(), REGISTRY, at.get(i))).as("event %d", at.get(i)).isEqualTo(seen.get(i));
            }
            assertThat(seen).allSatisfy(all -> assertThat(all).allSatisfy(s -> assertThat(s.state()).doesNotContainKey("viewError")));
        });
    }

    @TestFactory
    Stream<DynamicTest> monitorsAreFreshAndALiveRunsSayWhatItsReplaySays() {
        return forEveryProtocol("fresh monitors, live = replay", p -> {
            Params params = Params.check(p.parameters(), Map.of(), 5);
            List<Monitor> first = p.monitors(params, NetworkSpec.reliable());
            List<Monitor> second = p.monitors(params, NetworkSpec.reliable());
            for (int i = 0; i < first.size(); i++) {
                assertThat(first.get(i)).isNotSameAs(second.get(i));
                assertThat(first.get(i).property()).isEqualTo(second.get(i).property());
            }
            Simulation live = Simulation.start(recipeOf(p), REGISTRY, MonitorSource.PROTOCOL);
            int step = 0;
            while (live.step() && live.trace().size() < 400) {
                if (++step == 7) {
                    live.inject(new Fault(null, null, FaultKind.CRASH, 1, Map.of()));
                }
            }
            live.runToEnd();
            Simulation replay = Simulation.start(live.recipe(), REGISTRY, MonitorSource.PROTOCOL);
            replay.runToEnd();
            assertThat(live.properties()).hasSize(first.size()).isEqualTo(replay.properties());
        });
    }

    @TestFactory
    Stream<DynamicTest> theFactoryReturnsFreshObjectsAndEveryOutputIsTyped() {
        return forEveryProtocol("fresh processes, typed outputs", p -> {
            Setup setup = p.setup(Params.check(p.parameters(), Map.of(), 5));
            assertThat(setup.factory().apply(0)).isNotSameAs(setup.factory().apply(0));
            for (TraceEvent e : run(recipeOf(p)).trace().events()) {
                if (e.kind() == EventKind.OUTPUT) {
                    assertThat(e.payload()).isInstanceOf(Output.class);
                    assertThat(e.detail()).isEqualTo(((Output) e.payload()).kind());
                }
                if (e.kind() == EventKind.DECIDE) {
                    assertThat(Output.of(e)).isEqualTo(new Output.Decide(e.payload()));
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> everyProcessHasAWellFormedStateDisplayAtEveryEvent() {
        return forEveryProtocol("state display well-formed at every event", p -> {
            List<Fault> crashAndRecover = List.of(new Fault(null, 6L, FaultKind.CRASH, 1, Map.of()),
                    new Fault(null, 30L, FaultKind.RECOVER, 1, Map.of()));
            List<Recipe> runs = List.of(recipeOf(p), new Recipe(p.id(), Map.of(), 11, crashAndRecover, null, SMALL));
            for (Recipe recipe : runs) {
                Simulation sim = Simulation.start(recipe, REGISTRY);
                boolean sawOwnDisplay = false;
                do {
                    for (ProcessStatus status : sim.processes()) {
                        assertWellFormed(status, sim.trace().size());
                        sawOwnDisplay |= status.up() && !status.display().sections().isEmpty();
                    }
                } while (sim.step() && sim.trace().size() < 300);
                assertThat(sawOwnDisplay).as("some process shows its state").isTrue();
            }
        });
    }

    /** What the browser relies on: every section has a known kind and a title, every cell is a scalar. */
    private static void assertWellFormed(ProcessStatus status, int events) {
        String where = "P" + status.node() + " after " + events + " events";
        StateDisplay display = status.display();
        assertThat(display).as(where).isNotNull();
        assertThat(display.sections()).as(where).noneMatch(section -> section.title().equals(StateDisplay.ERROR_TITLE));
        JsonNode json = Json.mapper().valueToTree(display);
        for (JsonNode section : json.path("sections")) {
            assertThat(section.path("title").asText()).as(where).isNotBlank();
            List<JsonNode> cells = new ArrayList<>();
            switch (section.path("kind").asText()) {
                case "fields" -> section.path("values").forEach(cells::add);
                case "set" -> section.path("members").forEach(cells::add);
                case "vector" -> {
                    assertThat(section.path("values").size()).as(where).isEqualTo(section.path("labels").size());
                    section.path("values").forEach(cells::add);
                }
                case "table" -> section.path("rows").forEach(row -> {
                    assertThat(row.size()).as(where).isEqualTo(section.path("columns").size());
                    row.forEach(cells::add);
                });
                default -> throw new AssertionError(where + ": a section of unknown kind " + section);
            }
            assertThat(cells).as(where + ", " + section.path("title")).allMatch(JsonNode::isValueNode);
        }
    }
}

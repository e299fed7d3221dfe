package dev.faultlab.protocols.rpc;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lecture's table of reissue strategies against server crash orderings comes out of the runs, cell by cell:
 * each cell is a run of one call whose server crashes at that point and recovers.
 */
class RpcCrashTableTest {
    private static final ProtocolRegistry REGISTRY = Protocols.registry();

    /** The slide's table, row by row (always, never, only when acked, only when not acked), columns MPC to C(PM). */
    private static final List<String> LECTURE = List.of(
            "DUP OK OK DUP DUP OK",
            "OK ZERO ZERO OK OK ZERO",
            "DUP OK ZERO DUP OK ZERO",
            "OK ZERO OK OK DUP OK");

    @Test
    void everyCellOfTheLecturesTableComesOutOfItsRun() {
        for (String operation : List.of("print", "transfer")) {
            Recipe scenario = Recipe.of(Rpc.ID, Map.of("operation", operation), 1);
            List<String> rows = new ArrayList<>();
            for (Strategy strategy : Strategy.values()) {
                List<String> cells = new ArrayList<>();
                for (ServerCrash crash : ServerCrash.values()) {
                    cells.add(CrashRuns.run(REGISTRY, scenario, strategy, crash).outcome().name());
                }
                rows.add(String.join(" ", cells));
            }
            assertThat(rows).as(operation).containsExactlyElementsOf(LECTURE);
        }
    }

    @Test
    void withoutWorkTimeTheCrashFallsInsideOneHandlerAndTheTableIsTheSame() {
        Recipe scenario = Recipe.of(Rpc.ID, Map.of("work", 0), 3);
        for (Strategy strategy : Strategy.values()) {
            List<String> cells = new ArrayList<>();
            for (ServerCrash crash : ServerCrash.values()) {
                cells.add(CrashRuns.run(REGISTRY, scenario, strategy, crash).outcome().name());
            }
            assertThat(String.join(" ", cells)).isEqualTo(LECTURE.get(strategy.ordinal()));
        }
    }

    @Test
    void theCrashFallsWhereTheOrderingSays() {
        CrashRuns.CrashRun run = CrashRuns.run(REGISTRY, Recipe.of(Rpc.ID, Map.of(), 1), Strategy.NEVER, ServerCrash.PC_M);
        // P happened (the commit), M never did before the crash: the client never got a completion message.
        assertThat(CrashRuns.executions(run.run())).isEqualTo(1);
        assertThat(run.run().trace().events()).noneMatch(e -> e.payload() instanceof Done && e.node() == RpcConfig.SERVER
                && e.kind() == dev.faultlab.sim.EventKind.SEND);
    }

    @Test
    void withSequenceNumbersAlwaysReissuingCarriesTheCallOutExactlyOnceWhereverTheServerCrashes() {
        Recipe scenario = Recipe.of(Rpc.ID, Map.of("dedup", true), 1);
        for (ServerCrash crash : ServerCrash.values()) {
            assertThat(CrashRuns.run(REGISTRY, scenario, Strategy.ALWAYS, crash).outcome()).as(crash.label()).isEqualTo(Outcome.OK);
        }
        assertThat(CrashRuns.run(REGISTRY, scenario, Strategy.NEVER, ServerCrash.C_PM).outcome()).isEqualTo(Outcome.ZERO);
    }
}

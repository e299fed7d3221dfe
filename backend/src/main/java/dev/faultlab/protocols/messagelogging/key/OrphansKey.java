package dev.faultlab.protocols.messagelogging.key;

import dev.faultlab.key.Grid;
import dev.faultlab.key.GridKey;
import dev.faultlab.key.GridReasons;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.messagelogging.LoggingReading;
import dev.faultlab.protocols.messagelogging.MessageLogging;
import dev.faultlab.protocols.messagelogging.OrphanWatch;
import dev.faultlab.sim.ProcessLabel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code logging.orphans}: for each process, {@code yes} if at some moment of the reference run it was an orphan
 * (it depended on a state interval a crash lost), else {@code no}.
 */
final class OrphansKey implements GridKey {
    static final String NAME = "logging.orphans";
    static final String ROW = "orphan";
    private static final Spec SPEC = new Spec(NAME, MessageLogging.ID, Set.of());

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public Grid expected(Reference reference, Map<String, Object> args) {
        LoggingReading reading = LoggingKeys.reading(reference);
        List<Grid.Axis> columns = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (int node = 0; node < reference.run().nodeCount(); node++) {
            String label = ProcessLabel.of(node);
            columns.add(new Grid.Axis(label, label));
            values.put(Grid.cell(ROW, label), reading.orphans().contains(node) ? "yes" : "no");
        }
        return new Grid(List.of(new Grid.Axis(ROW, "an orphan after the crash")), columns, values, List.of("yes", "no"));
    }

    @Override
    public GridReasons reasons(Reference reference, Map<String, Object> args) {
        return new GridReasons() {
            @Override
            public String cell(String cell) {
                return "a process is an orphan if its state depends on a message sent in an interval the crashed process "
                        + "cannot replay: one that started with a message it never logged";
            }

            @Override
            public String row(String row) {
                return "follow what each process delivered back to the crashed process's unlogged messages";
            }
        };
    }

    @Override
    public Solution solution(Reference reference, Map<String, Object> args) {
        LoggingReading reading = LoggingKeys.reading(reference);
        if (reading.firstOrphans().isEmpty()) {
            return new Solution(List.of(new Solution.Step("No orphan", "Every interval another process depends on was "
                    + "replayed by the recovering process: everything it acted on was logged.", List.of())));
        }
        List<Solution.Step> steps = new ArrayList<>();
        for (OrphanWatch.Orphan orphan : reading.firstOrphans()) {
            steps.add(new Solution.Step(ProcessLabel.of(orphan.node()) + " is an orphan", orphan.explain() + ".",
                    List.of(orphan.dependedAt(), orphan.lostAt())));
        }
        return new Solution(steps);
    }
}

package dev.faultlab.protocols.virtualsynchrony.key;

import dev.faultlab.key.CellFormat;
import dev.faultlab.key.Grid;
import dev.faultlab.key.GridKey;
import dev.faultlab.key.GridReasons;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.virtualsynchrony.GroupRuns;
import dev.faultlab.protocols.virtualsynchrony.MessageId;
import dev.faultlab.protocols.virtualsynchrony.VirtualSynchrony;
import dev.faultlab.sim.ProcessLabel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code vsync.delivery-views}: for each message delivered in the reference run (a row, in the order of its
 * first delivery) and each process (a column), the number of the view in which that process delivered it, or
 * "-" if it never did.
 */
final class DeliveryViewsKey implements GridKey {
    static final String NAME = "vsync.delivery-views";
    static final String NEVER = "-";

    private static final Spec SPEC = new Spec(NAME, VirtualSynchrony.ID, Set.of());

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public Grid expected(Reference reference, Map<String, Object> args) {
        List<GroupRuns.Delivery> deliveries = GroupRuns.deliveries(reference.run());
        int n = GroupRuns.processes(reference.run().recipe());
        Map<MessageId, Map<Integer, Integer>> views = new LinkedHashMap<>();
        for (GroupRuns.Delivery delivery : deliveries) {
            views.computeIfAbsent(delivery.message(), m -> new LinkedHashMap<>()).put(delivery.node(), delivery.view());
        }
        List<Grid.Axis> rows = new ArrayList<>();
        List<Grid.Axis> columns = new ArrayList<>();
        for (int node = 0; node < n; node++) {
            columns.add(new Grid.Axis(ProcessLabel.of(node), ProcessLabel.of(node)));
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<MessageId, Map<Integer, Integer>> message : views.entrySet()) {
            String row = message.getKey().label();
            rows.add(new Grid.Axis(row, row));
            for (int node = 0; node < n; node++) {
                Integer view = message.getValue().get(node);
                values.put(Grid.cell(row, ProcessLabel.of(node)), view == null ? NEVER : Integer.toString(view));
            }
        }
        return new Grid(rows, columns, values, List.of());
    }

    @Override
    public CellFormat format(Grid grid, String column) {
        return CellFormat.numberOrWords(NEVER);
    }

    @Override
    public GridReasons reasons(Reference reference, Map<String, Object> args) {
        return new GridReasons() {
            @Override
            public String cell(String cell) {
                return "the view this process had installed when it delivered the message (a view change in between counts), "
                        + "or - if it never delivered it";
            }

            @Override
            public String row(String row) {
                return "every member of the view it was multicast in delivers it in that view, unless it crashed first";
            }
        };
    }

    @Override
    public Solution solution(Reference reference, Map<String, Object> args) {
        Map<MessageId, List<GroupRuns.Delivery>> byMessage = new LinkedHashMap<>();
        for (GroupRuns.Delivery delivery : GroupRuns.deliveries(reference.run())) {
            byMessage.computeIfAbsent(delivery.message(), m -> new ArrayList<>()).add(delivery);
        }
        List<Solution.Step> steps = new ArrayList<>();
        for (Map.Entry<MessageId, List<GroupRuns.Delivery>> message : byMessage.entrySet()) {
            List<GroupRuns.Delivery> all = message.getValue();
            steps.add(new Solution.Step(message.getKey().label(), message.getKey().label() + " was multicast in view "
                    + all.get(0).multicastIn() + "; delivered by " + String.join(", ", all.stream()
                    .map(d -> ProcessLabel.of(d.node()) + " in view " + d.view()).toList()) + ".",
                    all.stream().map(GroupRuns.Delivery::event).toList()));
        }
        return new Solution(steps);
    }
}

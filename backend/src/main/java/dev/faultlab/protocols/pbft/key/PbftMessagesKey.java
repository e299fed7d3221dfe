package dev.faultlab.protocols.pbft.key;

import dev.faultlab.key.Args;
import dev.faultlab.key.CellFormat;
import dev.faultlab.key.Grid;
import dev.faultlab.key.GridKey;
import dev.faultlab.key.GridReasons;
import dev.faultlab.key.Reference;
import dev.faultlab.protocols.pbft.MessageCount;
import dev.faultlab.protocols.pbft.Pbft;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code pbft.messages {ks}}: for each k listed, the number of replicas n = 3k + 1 and the messages one request
 * costs, counted in the key's own fault-free runs of {@link MessageCount#REQUESTS} requests (the reference run's
 * seed) as every SEND over the requests accepted.
 */
final class PbftMessagesKey implements GridKey {
    static final String NAME = "pbft.messages";
    private static final List<Grid.Axis> COLUMNS = List.of(new Grid.Axis("n", "replicas n"), new Grid.Axis("messages", "messages per request"));

    private static final Spec SPEC = new Spec(NAME, Pbft.ID, Set.of("ks"));

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void check(Map<String, Object> args, String field) {
        ks(args, field);
    }

    private static List<Integer> ks(Map<String, Object> args, String field) {
        return Args.integers(args, "ks", 1, 5, field);
    }

    @Override
    public CellFormat format(Grid grid, String column) {
        return CellFormat.numberOrWords();
    }

    @Override
    public GridReasons reasons(Reference reference, Map<String, Object> args) {
        return new GridReasons() {
            @Override
            public String cell(String cell) {
                return cell.endsWith("/n") ? "PBFT needs n = 3k+1 replicas" : "count one REQUEST, the primary's PRE-PREPAREs, "
                        + "every backup's PREPAREs to all other replicas, every replica's COMMITs to all others and the REPLYs";
            }

            @Override
            public String row(String row) {
                return "n = 3k+1, then every message of one fault-free request";
            }
        };
    }

    @Override
    public Grid expected(Reference reference, Map<String, Object> args) {
        Map<String, String> values = new LinkedHashMap<>();
        List<Grid.Axis> rows = new ArrayList<>();
        for (int k : ks(args, "answer")) {
            String row = "k=" + k;
            rows.add(new Grid.Axis(row, row));
            MessageCount.Count count = MessageCount.run(reference.registry(), k, MessageCount.REQUESTS, reference.run().recipe().seed());
            values.put(Grid.cell(row, "n"), Integer.toString(count.n()));
            values.put(Grid.cell(row, "messages"), Long.toString(Math.round(count.perRequest())));
        }
        return new Grid(rows, COLUMNS, values, List.of());
    }
}

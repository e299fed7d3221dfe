package dev.faultlab.protocols.primarybackup.key;

import dev.faultlab.key.Grid;
import dev.faultlab.key.GridKey;
import dev.faultlab.key.GridReasons;
import dev.faultlab.key.KeyException;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.primarybackup.ClientRequest;
import dev.faultlab.protocols.primarybackup.PbStates;
import dev.faultlab.protocols.primarybackup.PrimaryBackup;
import dev.faultlab.protocols.primarybackup.Update;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code primarybackup.survivors}: for every request a client sent before the first takeover, whether the client
 * had its answer before the takeover ({@code acknowledged}) and whether the update is in the history the new
 * primary takes over with ({@code survives}).
 */
final class SurvivorsKey implements GridKey {
    static final String NAME = "primarybackup.survivors";
    static final String YES = "yes";
    static final String NO = "no";
    private static final Spec SPEC = new Spec(NAME, PrimaryBackup.ID, Set.of());

    private record Row(String id, String label, int client, int seq, boolean acknowledged, boolean survives, int sent) {
    }

    private record Reading(int takeOver, List<Row> rows, List<Update> history) {
    }

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public Grid expected(Reference reference, Map<String, Object> args) {
        Reading reading = reference.reading(Reading.class, SurvivorsKey::read);
        Map<String, String> values = new LinkedHashMap<>();
        List<Grid.Axis> rows = new ArrayList<>();
        for (Row row : reading.rows()) {
            rows.add(new Grid.Axis(row.id(), row.label()));
            values.put(Grid.cell(row.id(), "acknowledged"), row.acknowledged() ? YES : NO);
            values.put(Grid.cell(row.id(), "survives"), row.survives() ? YES : NO);
        }
        return new Grid(rows, List.of(new Grid.Axis("acknowledged", "answered before the takeover"),
                new Grid.Axis("survives", "in the new primary's history")), values, List.of(YES, NO));
    }

    @Override
    public GridReasons reasons(Reference reference, Map<String, Object> args) {
        return new GridReasons() {
            @Override
            public String cell(String cell) {
                return cell.endsWith("/acknowledged")
                        ? "the primary answers only once every backup it syncs with has acknowledged the update (or 2 delta + 1 ticks passed)"
                        : "an update survives if its sync reached the backup before the primary crashed";
            }

            @Override
            public String row(String row) {
                return "follow the request's sync message and the primary's answer in the run, up to the takeover";
            }
        };
    }

    @Override
    public Solution solution(Reference reference, Map<String, Object> args) {
        Reading reading = reference.reading(Reading.class, SurvivorsKey::read);
        List<Solution.Step> steps = new ArrayList<>();
        for (Row row : reading.rows()) {
            steps.add(new Solution.Step(row.label(), (row.acknowledged() ? "Answered" : "Not answered") + " before the takeover; "
                    + (row.survives() ? "its update is" : "its update is not") + " in the new primary's history.", List.of(row.sent())));
        }
        steps.add(new Solution.Step("The takeover", "The new primary starts from " + (reading.history().isEmpty() ? "an empty history"
                : String.join(", ", reading.history().stream().map(Update::describe).toList())) + ".", List.of(reading.takeOver())));
        return new Solution(steps);
    }

    private static Reading read(Reference reference) {
        List<TraceEvent> events = reference.run().trace().events();
        int takeOver = events.stream().filter(PbStates::isTakeOver).mapToInt(TraceEvent::seq).findFirst()
                .orElseThrow(() -> new KeyException("answer", "no backup takes over in the reference run: crash the primary in the scenario"));
        List<Update> history = PbStates.history(reference.processesAt(takeOver).get(events.get(takeOver).node()).state());
        List<Row> rows = new ArrayList<>();
        for (TraceEvent event : events.subList(0, takeOver)) {
            if (event.kind() != EventKind.SEND || !(event.payload() instanceof ClientRequest request)) {
                continue;
            }
            int client = event.node();
            if (rows.stream().anyMatch(r -> r.client() == client && r.seq() == request.seq())) {
                continue;
            }
            boolean acknowledged = events.subList(0, takeOver).stream().map(Output::of)
                    .anyMatch(o -> o instanceof Output.Reply reply && reply.client() == client && reply.request() == request.seq());
            boolean survives = history.stream().anyMatch(u -> u.answers(client, request.seq()));
            String id = ProcessLabel.of(client) + "-" + request.seq();
            rows.add(new Row(id, ProcessLabel.of(client) + "'s request " + request.seq() + " (" + request.op() + ")", client, request.seq(),
                    acknowledged, survives, event.seq()));
        }
        return new Reading(takeOver, rows, history);
    }
}

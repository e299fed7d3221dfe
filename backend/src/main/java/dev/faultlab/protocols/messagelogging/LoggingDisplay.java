package dev.faultlab.protocols.messagelogging;

import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.StateDisplay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * How a process reads in the state inspector: its interval and work, what it depends on, its log with each entry
 * marked stable or volatile (lost in a crash), its checkpoints, the progress of its last replay and the rollbacks
 * it knows of.
 */
final class LoggingDisplay {
    /** The slides call the processes of their orphan example P, Q and R. */
    private static final String LETTERS = "PQRSTUVW";

    private LoggingDisplay() {
    }

    static StateDisplay of(MlConfig config, AppState app, boolean replaying, Set<Integer> awaiting, List<Logged> stable,
                           List<Logged> memory, List<Checkpoint> checkpoints, List<Rollback> rollbacks, Replay replay,
                           List<AppMessage> heldBack) {
        List<StateDisplay.Section> sections = new ArrayList<>();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("in the slides", String.valueOf(LETTERS.charAt(app.self())));
        fields.put("logging", (config.pessimistic() ? "pessimistic " : "optimistic ") + config.logging().name().toLowerCase() + "-based");
        fields.put("phase", replaying ? "replaying: waiting for " + ProcessLabel.listed(List.copyOf(awaiting)) : "running");
        fields.put("incarnation", app.interval().incarnation());
        fields.put("interval (messages delivered)", app.count());
        fields.put("value (work done)", app.value());
        fields.put("orphan", app.orphanedBy(rollbacks) ? "yes" : "no");
        if (!heldBack.isEmpty()) {
            fields.put("held back", String.join(", ", heldBack.stream().map(AppMessage::name).toList()));
        }
        sections.add(new StateDisplay.Fields("Process", fields));
        sections.add(new StateDisplay.Vector("Depends on (incarnation.interval)",
                IntStream.range(0, app.deps().size()).mapToObj(ProcessLabel::of).toList(),
                app.deps().stream().<Object>map(Interval::toString).toList()));
        List<List<Object>> entries = new ArrayList<>();
        stable.forEach(e -> entries.add(row(e, "stable")));
        memory.forEach(e -> entries.add(row(e, "volatile (lost in a crash)")));
        sections.add(new StateDisplay.Table(config.logging() == Logging.RECEIVER ? "Message log (received)" : "Message log (sent)",
                List.of("#", "message", "from", "to", "stored"), entries));
        List<List<Object>> saved = new ArrayList<>();
        checkpoints.forEach(c -> saved.add(StateDisplay.Table.row(c.number(), c.time(), c.state().count(), c.state().value(),
                String.join(" ", c.state().deps().stream().map(Interval::toString).toList()))));
        sections.add(new StateDisplay.Table("Checkpoints", List.of("#", "time", "delivered", "value", "depends on"), saved));
        if (replay != null) {
            Map<String, Object> progress = new LinkedHashMap<>();
            progress.put("after", replay.cause().equals(Replay.CRASH) ? "a crash" : "becoming an orphan");
            progress.put("restored checkpoint", replay.checkpoint());
            progress.put("replayed", replay.done() ? String.join(", ", replay.replayed()) : "waiting for the senders' logs");
            progress.put("skipped (sent in a lost interval)", String.join(", ", replay.skipped()));
            progress.put("kept up to interval", replay.done() ? replay.kept() : null);
            sections.add(new StateDisplay.Fields("Last replay", progress));
        }
        List<List<Object>> lost = new ArrayList<>();
        rollbacks.forEach(r -> lost.add(StateDisplay.Table.row(ProcessLabel.of(r.process()), r.incarnation(), r.kept())));
        sections.add(new StateDisplay.Table("Rollbacks known", List.of("process", "incarnation", "kept up to interval"), lost));
        return new StateDisplay(sections);
    }

    private static List<Object> row(Logged entry, String where) {
        AppMessage m = entry.message();
        return StateDisplay.Table.row(entry.number(), m.toString(), ProcessLabel.of(m.from()), ProcessLabel.of(m.to()), where);
    }
}

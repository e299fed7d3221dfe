package dev.faultlab.protocols.checkpointing;

import dev.faultlab.sim.ProcessLabel;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One step of the workload, at tick {@code time}: process {@code node} sends application message m{number} to
 * {@code to}, or ({@code to} = -1) takes a checkpoint (in coordinated mode: the coordinator starts a round).
 */
public record Step(int number, int node, int to, long time) {
    public static final String SYNTAX = "'P1 -> P2' (P1 sends P2 a message) or 'P2 checkpoint'";
    private static final Pattern SEND = Pattern.compile("\\s*P(\\d+)\\s*->\\s*P(\\d+)\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern CHECKPOINT = Pattern.compile("\\s*P(\\d+)\\s+checkpoint\\s*", Pattern.CASE_INSENSITIVE);

    public boolean isCheckpoint() {
        return to < 0;
    }

    public String messageId() {
        return "m" + number;
    }

    /** The step as the script writes it; null-safe parsing is {@link #parse}. */
    public String describe() {
        return isCheckpoint() ? ProcessLabel.of(node) + " checkpoint" : ProcessLabel.of(node) + " -> " + ProcessLabel.of(to);
    }

    /** Reads a script line, with processes named from P1; null if it is neither form. Ranges are checked by the caller. */
    static Step parse(String text, int number, long time) {
        Matcher send = SEND.matcher(text);
        if (send.matches()) {
            return new Step(number, Integer.parseInt(send.group(1)) - 1, Integer.parseInt(send.group(2)) - 1, time);
        }
        Matcher checkpoint = CHECKPOINT.matcher(text);
        if (checkpoint.matches()) {
            return new Step(number, Integer.parseInt(checkpoint.group(1)) - 1, -1, time);
        }
        return null;
    }
}

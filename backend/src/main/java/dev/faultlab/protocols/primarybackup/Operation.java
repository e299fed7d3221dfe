package dev.faultlab.protocols.primarybackup;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An operation on the replicated register x: {@code set k}, {@code add k}, or {@code random}, which sets x to a
 * number from 0 to 99 the executing replica draws: the non-deterministic event lecture 004 calls the enemy.
 */
public record Operation(String kind, int argument) {
    public static final String SYNTAX = "set k, add k (k a whole number) or random";
    private static final Pattern FORM = Pattern.compile("\\s*(set|add)\\s+(-?\\d{1,6})\\s*|\\s*(random)\\s*");
    private static final int RANDOM_VALUES = 100;

    /** The operation a command names, or null if it names none. */
    public static Operation parse(String command) {
        Matcher matcher = FORM.matcher(command.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return null;
        }
        return matcher.group(3) != null ? new Operation("random", 0) : new Operation(matcher.group(1), Integer.parseInt(matcher.group(2)));
    }

    public boolean deterministic() {
        return !kind.equals("random");
    }

    /** The value x takes from {@code value}; {@code choice} is the drawn number for a random operation. */
    public int apply(int value, int choice) {
        return switch (kind) {
            case "set" -> argument;
            case "add" -> value + argument;
            default -> choice;
        };
    }

    static int draw(java.util.SplittableRandom random) {
        return random.nextInt(RANDOM_VALUES);
    }

    @Override
    public String toString() {
        return deterministic() ? kind + " " + argument : kind;
    }
}

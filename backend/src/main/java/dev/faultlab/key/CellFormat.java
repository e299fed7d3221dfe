package dev.faultlab.key;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a grid cell may hold, so an answer that cannot be read is refused before it is graded (and before it
 * costs an attempt): a word of the grid's vocabulary, a set of whole numbers, a whole number, or free text;
 * {@code words} are further values every cell of the column accepts (such as "crashed"). The browser checks
 * the same rule as the student types (see docs/API.md).
 */
public record CellFormat(Kind kind, List<String> words) {
    public enum Kind { WORD, SET, NUMBER, TEXT }

    private static final Pattern SET = Pattern.compile("\\{?\\s*(\\d{1,9}(\\s*[,\\s]\\s*\\d{1,9})*)?\\s*}?");
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d{1,15}");

    public static final CellFormat TEXT = new CellFormat(Kind.TEXT, List.of());

    public CellFormat {
        words = List.copyOf(words);
    }

    public static CellFormat setOrWords(String... words) {
        return new CellFormat(Kind.SET, List.of(words));
    }

    public static CellFormat numberOrWords(String... words) {
        return new CellFormat(Kind.NUMBER, List.of(words));
    }

    public static CellFormat vocabulary(List<String> words) {
        return words.isEmpty() ? TEXT : new CellFormat(Kind.WORD, words);
    }

    /** Why {@code value} (not blank, not the don't-care mark) cannot be read in such a cell, or empty if it can. */
    public Optional<String> problem(String value) {
        String text = value.strip();
        if (words.stream().anyMatch(w -> w.equalsIgnoreCase(text))) {
            return Optional.empty();
        }
        String others = words.isEmpty() ? "" : " or " + String.join(" or ", words.stream().map(w -> "'" + w + "'").toList());
        return switch (kind) {
            case WORD -> Optional.of("'" + text + "' is not one of " + String.join(", ", words) + ".");
            case SET -> balanced(text) && SET.matcher(text).matches() ? Optional.empty()
                    : Optional.of("'" + text + "' is not a set of whole numbers such as {1, 4}" + others + ".");
            case NUMBER -> NUMBER.matcher(text).matches() ? Optional.empty()
                    : Optional.of("'" + text + "' is not a whole number" + others + ".");
            case TEXT -> Optional.empty();
        };
    }

    /** "{1, 4" and "1, 4}" are typing slips, not sets. */
    private static boolean balanced(String text) {
        return text.startsWith("{") == text.endsWith("}");
    }
}

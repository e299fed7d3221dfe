package dev.faultlab.protocols.cap;

import java.util.Locale;

/**
 * What a client asks of the register, read from a REQUEST's text: {@code read}, or {@code write v} with v a whole
 * number (also {@code x=v}). Null from {@link #parse} for anything else.
 */
public record Command(boolean write, int value) {
    public static final String HINT = "'read' or 'write <whole number>'";

    public static Command parse(String text) {
        String command = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (command.equals("read")) {
            return new Command(false, 0);
        }
        String number = command.startsWith("write ") ? command.substring(6).trim() : command.startsWith("x=") ? command.substring(2).trim() : null;
        if (number == null || !number.matches("-?\\d{1,9}")) {
            return null;
        }
        return new Command(true, Integer.parseInt(number));
    }

    @Override
    public String toString() {
        return write ? "write " + value : "read";
    }
}

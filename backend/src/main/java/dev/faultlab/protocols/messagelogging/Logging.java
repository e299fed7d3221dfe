package dev.faultlab.protocols.messagelogging;

/** Who logs a message: its sender before sending it, or its receiver before (or, optimistically, after) acting on it. */
public enum Logging {
    SENDER, RECEIVER;

    public static Logging of(String text) {
        return switch (text) {
            case "sender" -> SENDER;
            case "receiver" -> RECEIVER;
            default -> null;
        };
    }
}

package dev.faultlab.protocols.messagelogging;

/** A log entry: a message, and its place in its log (the delivery number at the receiver, the send number at the sender). */
public record Logged(int number, AppMessage message) {
    @Override
    public String toString() {
        return "#" + number + " " + message.name() + " P" + (message.from() + 1) + "→P" + (message.to() + 1);
    }
}

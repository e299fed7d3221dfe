package dev.faultlab.protocols.messagelogging;

/**
 * One line of the application's script, message m{@code index + 1}: {@code from} sends it to {@code to} either at
 * time {@code at} (input from outside, {@code after} = -1) or as soon as it has delivered {@code after} messages
 * (work that depends on what it received, {@code at} = -1).
 */
public record Scripted(int index, int from, int to, int at, int after) {
    public String name() {
        return "m" + (index + 1);
    }

    public boolean spontaneous() {
        return after < 0;
    }
}

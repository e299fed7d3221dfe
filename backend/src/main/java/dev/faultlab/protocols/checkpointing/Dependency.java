package dev.faultlab.protocols.checkpointing;

/**
 * INT_from(fromInterval) → INT_owner(toInterval): the owner received, in its interval {@code toInterval}, a message
 * {@code from} sent in its interval {@code fromInterval}. Saved with the owner's checkpoint CP_owner(toInterval).
 */
public record Dependency(int from, int fromInterval, int toInterval) {
    public String describe(int owner) {
        return Labels.interval(from, fromInterval) + " → " + Labels.interval(owner, toInterval);
    }
}

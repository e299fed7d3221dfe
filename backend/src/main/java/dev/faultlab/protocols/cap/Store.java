package dev.faultlab.protocols.cap;

import dev.faultlab.sim.Message;

/**
 * Consistency mode, second phase of request {@code request}: "keep this version unless you hold a newer one". A
 * write stores its new value; a read stores back what it is about to return, so no later read returns less.
 */
public record Store(int request, Version version, int value) implements Message {
}

package dev.faultlab.sim;

import java.util.Objects;

/**
 * A payload with its signer's unforgeable signature. Only the kernel makes one, through {@link Context#sign}, which
 * sets the signer to the process that signs: no constructor or factory is reachable from a protocol, so a
 * Byzantine process can sign in its own name and pass on (relay) what others signed, but never produce a payload
 * signed by a loyal process. The payload should be immutable (a record), as every message is.
 *
 * <p>Public final fields rather than accessors, so the browser's JSON shows {@code {signer, payload}} while the
 * kernel package stays free of JSON annotations.
 *
 * @param <T> what was signed: a message, or a part of one
 */
public final class Signed<T> implements Message {
    /** The process that signed, by id. */
    public final int signer;
    public final T payload;

    private Signed(int signer, T payload) {
        this.signer = signer;
        this.payload = Objects.requireNonNull(payload, "a signature needs something to sign");
    }

    /** Only the kernel's contexts call this, with the id of the process they belong to. */
    static <T> Signed<T> by(int signer, T payload) {
        return new Signed<>(signer, payload);
    }

    /** Whether process {@code node} signed this: what any receiver checks before it believes who said it. */
    public boolean verify(int node) {
        return signer == node;
    }

    @Override
    public String type() {
        return "Signed " + (payload instanceof Message message ? message.type() : payload.getClass().getSimpleName());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Signed<?> signed && signed.signer == signer && signed.payload.equals(payload);
    }

    @Override
    public int hashCode() {
        return 31 * signer + payload.hashCode();
    }

    @Override
    public String toString() {
        return payload + " signed by " + ProcessLabel.of(signer);
    }
}

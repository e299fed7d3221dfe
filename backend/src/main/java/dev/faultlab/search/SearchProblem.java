package dev.faultlab.search;

/** A search the service will not start, cancel or open, with the reason in the user's words. */
public final class SearchProblem extends RuntimeException {
    public enum Kind {
        /** Something the request asked for is not usable: {@link #field()} names it. */
        INVALID,
        /** The asker has as many searches going as one person may. */
        TOO_MANY_OF_YOURS,
        /** Every search slot is busy and the queue is full. */
        SERVER_BUSY,
        /** The search is not in a state that allows this (finished already, found nothing to open). */
        CONFLICT
    }

    private final Kind kind;
    private final String field;

    public SearchProblem(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }
}

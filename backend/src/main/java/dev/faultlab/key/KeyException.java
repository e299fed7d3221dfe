package dev.faultlab.key;

/**
 * Arguments a lab gives an answer key that the key cannot use; {@code field} names their place in lab.yaml,
 * as "exercises[2].answer.round", so the lab loader can point at the line.
 */
public final class KeyException extends RuntimeException {
    private final String field;
    private final String problem;

    public KeyException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}

package dev.faultlab.lab;

/** A lab file that cannot be used; {@code field} names the place in lab.yaml, as "exercises[2].answer". */
public final class LabException extends RuntimeException {
    private final String field;

    public LabException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String problem() {
        String message = getMessage();
        return message.substring(field.length() + 2);
    }
}

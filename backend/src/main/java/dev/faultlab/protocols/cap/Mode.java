package dev.faultlab.protocols.cap;

import java.util.Arrays;
import java.util.List;

/** Which of C and A the register keeps when a partition comes. */
public enum Mode {
    /** CP: a request is served only with the help of a majority of replicas; cut off from one, a replica refuses. */
    CONSISTENCY("consistency"),
    /** AP: every replica answers at once from its own copy and passes writes on when it can. */
    AVAILABILITY("availability");

    private final String id;

    Mode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Mode::id).toList();
    }

    public static Mode of(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst().orElse(null);
    }
}

package dev.faultlab.protocols.checkpointing;

/** How checkpoints are taken: all together at a coordinator's request, or by each process on its own. */
public enum Method {
    COORDINATED("coordinated"), INDEPENDENT("independent");

    private final String id;

    Method(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    static Method of(String id) {
        for (Method method : values()) {
            if (method.id.equals(id)) {
                return method;
            }
        }
        return null;
    }
}

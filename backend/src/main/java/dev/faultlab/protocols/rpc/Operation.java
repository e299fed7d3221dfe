package dev.faultlab.protocols.rpc;

import java.util.Arrays;
import java.util.List;

/**
 * What a call asks the server to do, on its stable state (two bank accounts and a count of printed documents).
 * Printing and transferring change the state each time they run; setting a balance is idempotent: running it
 * again changes nothing.
 */
public enum Operation {
    PRINT("print", false),
    TRANSFER("transfer", false),
    SET("set", true);

    private final String id;
    private final boolean idempotent;

    Operation(String id, boolean idempotent) {
        this.id = id;
        this.idempotent = idempotent;
    }

    public String id() {
        return id;
    }

    public boolean idempotent() {
        return idempotent;
    }

    /** How a person reads the call. */
    public String describe(int amount) {
        return switch (this) {
            case PRINT -> "print the document";
            case TRANSFER -> "transfer " + amount + " from A to B";
            case SET -> "set B to " + amount;
        };
    }

    /** The accounts after running the operation once more on {@code before}. */
    public Accounts apply(Accounts before, int amount) {
        return switch (this) {
            case PRINT -> new Accounts(before.a(), before.b(), before.printed() + 1);
            case TRANSFER -> new Accounts(before.a() - amount, before.b() + amount, before.printed());
            case SET -> new Accounts(before.a(), amount, before.printed());
        };
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Operation::id).toList();
    }

    /** The operation named {@code id}, or null. */
    public static Operation of(String id) {
        return Arrays.stream(values()).filter(o -> o.id.equalsIgnoreCase(id)).findFirst().orElse(null);
    }
}

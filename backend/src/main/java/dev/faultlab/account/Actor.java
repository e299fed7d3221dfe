package dev.faultlab.account;

import java.util.Optional;

/**
 * Who asks for a change, for the audit log: a signed-in user or nobody yet (sign-up, login), and the
 * address the request came from.
 */
public record Actor(Optional<Long> userId, String address) {
    public static Actor user(long userId, String address) {
        return new Actor(Optional.of(userId), address);
    }

    public static Actor anonymous(String address) {
        return new Actor(Optional.empty(), address);
    }

    /** FaultLab itself, acting at start (first administrator, demo data). */
    public static Actor system() {
        return new Actor(Optional.empty(), "server");
    }
}

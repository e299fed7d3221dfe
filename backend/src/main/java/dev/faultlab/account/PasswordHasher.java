package dev.faultlab.account;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id password hashes (salted, memory-hard). A login for an unknown account is checked against a
 * throw-away hash, so the answer takes as long as for a real one and does not reveal who has an account.
 */
public class PasswordHasher {
    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private final String decoy = encoder.encode(Tokens.newToken());

    public String hash(String password) {
        return encoder.encode(password);
    }

    /** True when the password matches the hash; an account without a hash never matches. */
    public boolean matches(String password, String hash) {
        if (hash == null) {
            encoder.matches(password, decoy);
            return false;
        }
        return encoder.matches(password, hash);
    }
}

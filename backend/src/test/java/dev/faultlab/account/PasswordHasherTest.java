package dev.faultlab.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashIsSaltedArgon2idAndNeverContainsThePassword() {
        String first = hasher.hash("correct horse battery");
        String second = hasher.hash("correct horse battery");

        assertThat(first).startsWith("$argon2id$").doesNotContain("correct horse battery");
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void onlyTheRightPasswordMatches() {
        String hash = hasher.hash("correct horse battery");

        assertThat(hasher.matches("correct horse battery", hash)).isTrue();
        assertThat(hasher.matches("correct horse battery ", hash)).isFalse();
        assertThat(hasher.matches("Correct horse battery", hash)).isFalse();
        assertThat(hasher.matches("", hash)).isFalse();
    }

    @Test
    void anAccountWithoutAHashNeverMatches() {
        assertThat(hasher.matches("anything at all", null)).isFalse();
    }
}

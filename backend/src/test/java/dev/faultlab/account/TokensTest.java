package dev.faultlab.account;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TokensTest {

    @Test
    void tokensAreLongUrlSafeAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = Tokens.newToken();
            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            assertThat(seen.add(token)).isTrue();
        }
    }

    @RepeatedTest(20)
    void joinCodesAvoidCharactersThatAreEasyToMisread() {
        assertThat(Tokens.newJoinCode()).hasSize(Tokens.JOIN_CODE_LENGTH).matches("[A-HJKMNP-Z2-9]+");
    }

    @Test
    void storedHashIsStableAndRevealsNothingOfTheToken() {
        String token = Tokens.newToken();

        assertThat(Tokens.hash(token)).isEqualTo(Tokens.hash(token)).hasSize(64).doesNotContain(token);
        assertThat(Tokens.hash(token)).isNotEqualTo(Tokens.hash(token + "x"));
    }

    @Test
    void secretsMatchOnlyWhenEqualAndPresent() {
        assertThat(Tokens.sameSecret("abc123", "abc123")).isTrue();
        assertThat(Tokens.sameSecret("abc123", "abc124")).isFalse();
        assertThat(Tokens.sameSecret("abc123", "abc1234")).isFalse();
        assertThat(Tokens.sameSecret("abc123", "")).isFalse();
        assertThat(Tokens.sameSecret("abc123", null)).isFalse();
        assertThat(Tokens.sameSecret(null, "abc123")).isFalse();
        assertThat(Tokens.sameSecret("", "")).isFalse();
    }
}

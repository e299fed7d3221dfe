package dev.faultlab.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputsTest {

    @Test
    void emailsAreTrimmedAndLowerCased() {
        assertThat(Inputs.email("email", "  Ada@Example.ORG ")).isEqualTo("ada@example.org");
    }

    @Test
    void badValuesNameTheirField() {
        assertRejected(() -> Inputs.email("email", "ada"), "email", "'ada' is not an email address.");
        assertRejected(() -> Inputs.email("email", null), "email", "Please enter an email address.");
        assertRejected(() -> Inputs.password("newPassword", "short"), "newPassword",
                "A password needs at least 10 characters.");
        assertRejected(() -> Inputs.password("password", "x".repeat(201)), "password",
                "A password may have at most 200 characters.");
        assertRejected(() -> Inputs.displayName("displayName", "   "), "displayName", "Please enter a name.");
        assertRejected(() -> Inputs.courseCode("code", "CS 101"), "code", null);
    }

    @Test
    void passwordsAreKeptExactlyAndCountedInCharacters() {
        assertThat(Inputs.password("password", " spaces count ")).isEqualTo(" spaces count ");
        assertThat(Inputs.password("password", "ключ-от-дома")).hasSize(12);
    }

    @Test
    void commonlyUsedPasswordsAreRefusedWhateverTheirCase() {
        assertThat(CommonPasswords.size()).isGreaterThan(29_000);
        for (String common : new String[] {"1234567890", "qwertyuiop", "Password123", "1q2w3e4r5t", "MANCHESTER"}) {
            assertRejected(() -> Inputs.password("password", common), "password",
                    "This password is one of the most commonly used ones, which are guessed first. Please choose another.");
        }
        assertThat(Inputs.password("password", "violet tractor upstream")).isEqualTo("violet tractor upstream");
    }

    @Test
    void joinCodesForgiveCaseSpacesAndDashes() {
        assertThat(Inputs.joinCode("joinCode", " abcde-fgh23 ")).isEqualTo("ABCDEFGH23");
    }

    private static void assertRejected(Runnable check, String field, String message) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(AccountException.class, e -> {
            assertThat(e.problem()).isEqualTo(AccountException.Problem.INVALID);
            assertThat(e.details()).containsEntry("field", field);
            if (message != null) {
                assertThat(e.getMessage()).isEqualTo(message);
            }
        });
    }
}

package dev.faultlab.web.auth;

import dev.faultlab.web.ApiException;
import io.javalin.http.HandlerType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsrfTest {

    @Test
    void onlyReadingMethodsAreExempt() {
        assertThat(Csrf.changesState(HandlerType.GET)).isFalse();
        assertThat(Csrf.changesState(HandlerType.HEAD)).isFalse();
        assertThat(Csrf.changesState(HandlerType.OPTIONS)).isFalse();
        assertThat(Csrf.changesState(HandlerType.POST)).isTrue();
        assertThat(Csrf.changesState(HandlerType.PUT)).isTrue();
        assertThat(Csrf.changesState(HandlerType.PATCH)).isTrue();
        assertThat(Csrf.changesState(HandlerType.DELETE)).isTrue();
    }

    @Test
    void theMatchingTokenPasses() {
        assertThatCode(() -> Csrf.verify("token-1", "token-1")).doesNotThrowAnyException();
    }

    @Test
    void aMissingOrWrongTokenIsRefusedWith403() {
        assertRefused(() -> Csrf.verify("token-1", null), "lacks");
        assertRefused(() -> Csrf.verify("token-1", ""), "lacks");
        assertRefused(() -> Csrf.verify("token-1", "token-2"), "does not match");
        assertRefused(() -> Csrf.verify(null, "token-1"), "does not match");
    }

    private static void assertRefused(Runnable check, String words) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.code()).isEqualTo("csrf_failed");
            assertThat(e.getMessage()).contains(words).contains("X-CSRF-Token");
        });
    }
}

package dev.faultlab.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigTest {

    @Test
    void defaultsWhenNothingIsSet() {
        Config config = Config.fromEnvironment(Map.of());

        assertThat(config.port()).isEqualTo(7070);
        assertThat(config.usesEmbeddedDatabase()).isTrue();
        assertThat(config.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(config.postgresDataDir()).isEqualTo(Path.of("data", "postgres").toAbsolutePath());
        assertThat(config.embeddedDbPort()).isEqualTo(54329);
        assertThat(config.devMode()).isFalse();
        assertThat(config.maxRequestBytes()).isEqualTo(1024 * 1024);
        assertThat(config.labsDir()).isEqualTo(Path.of("labs").toAbsolutePath());
        assertThat(config.adminEmail()).isEqualTo("admin@faultlab.local");
        assertThat(config.adminPassword()).isEmpty();
        assertThat(config.demo()).isFalse();
        assertThat(config.sessionLifetime()).isEqualTo(Duration.ofHours(12));
        assertThat(config.secureCookies()).isFalse();
        assertThat(config.trustProxy()).isFalse();
        assertThat(config.maxRunsPerUser()).isEqualTo(5);
        assertThat(config.runIdleTimeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.maxSearches()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(config.maxSearchesPerUser()).isEqualTo(2);
        assertThat(config.searchQueue()).isEqualTo(20);
    }

    @Test
    void readsEveryVariable() {
        Config config = Config.fromEnvironment(Map.ofEntries(
                Map.entry("PORT", "8080"),
                Map.entry("DATABASE_URL", "postgres://u:p@db:5432/faultlab"),
                Map.entry("DATABASE_USER", "alice"),
                Map.entry("DATABASE_PASSWORD", "secret"),
                Map.entry("FAULTLAB_DATA", "/var/lib/faultlab"),
                Map.entry("FAULTLAB_DB_PORT", "0"),
                Map.entry("FAULTLAB_DEV", "yes"),
                Map.entry("FAULTLAB_FRONTEND_DIR", "/src/frontend"),
                Map.entry("FAULTLAB_MAX_REQUEST_BYTES", "4096"),
                Map.entry("FAULTLAB_LABS", "/srv/labs"),
                Map.entry("FAULTLAB_ADMIN_EMAIL", " Root@Example.ORG "),
                Map.entry("FAULTLAB_ADMIN_PASSWORD", " secret with spaces "),
                Map.entry("FAULTLAB_DEMO", "true"),
                Map.entry("FAULTLAB_SESSION_HOURS", "48"),
                Map.entry("FAULTLAB_SECURE_COOKIES", "on"),
                Map.entry("FAULTLAB_TRUST_PROXY", "1"),
                Map.entry("FAULTLAB_MAX_RUNS_PER_USER", "12"),
                Map.entry("FAULTLAB_RUN_IDLE_MINUTES", "3"),
                Map.entry("FAULTLAB_SEARCHES", "6"),
                Map.entry("FAULTLAB_SEARCHES_PER_USER", "1"),
                Map.entry("FAULTLAB_SEARCH_QUEUE", "50")));

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.usesEmbeddedDatabase()).isFalse();
        assertThat(config.databaseUrl()).contains("postgres://u:p@db:5432/faultlab");
        assertThat(config.databaseUser()).contains("alice");
        assertThat(config.databasePassword()).contains("secret");
        assertThat(config.postgresDataDir()).isEqualTo(Path.of("/var/lib/faultlab/postgres"));
        assertThat(config.embeddedDbPort()).isZero();
        assertThat(config.devMode()).isTrue();
        assertThat(config.frontendDir()).isEqualTo(Path.of("/src/frontend"));
        assertThat(config.maxRequestBytes()).isEqualTo(4096);
        assertThat(config.labsDir()).isEqualTo(Path.of("/srv/labs"));
        assertThat(config.adminEmail()).isEqualTo("root@example.org");
        assertThat(config.adminPassword()).contains(" secret with spaces ");
        assertThat(config.demo()).isTrue();
        assertThat(config.sessionLifetime()).isEqualTo(Duration.ofHours(48));
        assertThat(config.secureCookies()).isTrue();
        assertThat(config.trustProxy()).isTrue();
        assertThat(config.maxRunsPerUser()).isEqualTo(12);
        assertThat(config.runIdleTimeout()).isEqualTo(Duration.ofMinutes(3));
        assertThat(config.maxSearches()).isEqualTo(6);
        assertThat(config.maxSearchesPerUser()).isEqualTo(1);
        assertThat(config.searchQueue()).isEqualTo(50);
    }

    @Test
    void blankValuesCountAsUnset() {
        Config config = Config.fromEnvironment(Map.of("DATABASE_URL", "  ", "PORT", ""));

        assertThat(config.usesEmbeddedDatabase()).isTrue();
        assertThat(config.port()).isEqualTo(7070);
    }

    @Test
    void badValuesNameTheVariable() {
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("PORT", "seventy")))
                .isInstanceOf(ConfigException.class).hasMessage("PORT must be a port number, got 'seventy'");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("PORT", "70000")))
                .hasMessage("PORT must be a port number between 0 and 65535, got '70000'");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("FAULTLAB_DEV", "maybe")))
                .hasMessage("FAULTLAB_DEV must be true or false, got 'maybe'");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("FAULTLAB_MAX_REQUEST_BYTES", "0")))
                .hasMessage("FAULTLAB_MAX_REQUEST_BYTES must be a positive whole number, got '0'");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("FAULTLAB_ADMIN_EMAIL", "admin")))
                .hasMessage("FAULTLAB_ADMIN_EMAIL must be an email address, got 'admin'");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("FAULTLAB_SESSION_HOURS", "0")))
                .hasMessage("FAULTLAB_SESSION_HOURS must be a positive whole number, got '0'");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("FAULTLAB_SESSION_HOURS", "745")))
                .hasMessage("FAULTLAB_SESSION_HOURS must be at most 744, got '745'");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("FAULTLAB_DEMO", "sure")))
                .hasMessage("FAULTLAB_DEMO must be true or false, got 'sure'");
    }

    @Test
    void aBlankAdminPasswordIsUnsetAndOtherwiseKeptWithItsSpaces() {
        assertThat(Config.fromEnvironment(Map.of("FAULTLAB_ADMIN_PASSWORD", "  ")).adminPassword()).isEmpty();
        assertThat(Config.fromEnvironment(Map.of("FAULTLAB_ADMIN_PASSWORD", " pass word ")).adminPassword())
                .contains(" pass word ");
    }
}

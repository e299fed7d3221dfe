package dev.faultlab.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
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
    }

    @Test
    void readsEveryVariable() {
        Config config = Config.fromEnvironment(Map.of(
                "PORT", "8080",
                "DATABASE_URL", "postgres://u:p@db:5432/faultlab",
                "DATABASE_USER", "alice",
                "DATABASE_PASSWORD", "secret",
                "FAULTLAB_DATA", "/var/lib/faultlab",
                "FAULTLAB_DB_PORT", "0",
                "FAULTLAB_DEV", "yes",
                "FAULTLAB_FRONTEND_DIR", "/src/frontend",
                "FAULTLAB_MAX_REQUEST_BYTES", "4096",
                "FAULTLAB_LABS", "/srv/labs"));

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
    }
}

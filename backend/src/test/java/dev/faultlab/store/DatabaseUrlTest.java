package dev.faultlab.store;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseUrlTest {

    @Test
    void jdbcUrlIsKeptAsItIs() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://db:5432/faultlab?ssl=true", Optional.of("u"), Optional.empty());

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/faultlab?ssl=true");
        assertThat(url.user()).contains("u");
        assertThat(url.password()).isEmpty();
    }

    @Test
    void postgresUrlBecomesJdbcWithCredentialsTakenOut() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://fl%40user:p%3Ass@db.example:6543/labs?sslmode=require",
                Optional.empty(), Optional.empty());

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/labs?sslmode=require");
        assertThat(url.user()).contains("fl@user");
        assertThat(url.password()).contains("p:ss");
    }

    @Test
    void separateCredentialsWinOverTheUrl() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://a:b@db/labs", Optional.of("c"), Optional.of("d"));

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db/labs");
        assertThat(url.user()).contains("c");
        assertThat(url.password()).contains("d");
    }

    @Test
    void missingDatabaseNameMeansPostgres() {
        assertThat(DatabaseUrl.parse("postgres://db:5432", Optional.empty(), Optional.empty()).jdbcUrl())
                .isEqualTo("jdbc:postgresql://db:5432/postgres");
    }

    @Test
    void otherSchemesAreRefusedWithoutLeakingThePassword() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root:hunter2@db/x", Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must start with jdbc:postgresql:")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void printedFormNeverShowsThePassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://a:topsecret@db/labs", Optional.empty(), Optional.empty());

        assertThat(url.toString()).doesNotContain("topsecret");
        assertThat(DatabaseUrl.redact("postgres://a:topsecret@db/labs")).isEqualTo("postgres://***@db/labs");
    }
}

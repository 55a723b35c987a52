package dev.starterkit.db.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

    private static final String ORIGIN = "DATABASE_URL (from .env.local)";

    @Test
    void parse_shouldDecodeEveryPart_whenThePasswordHasSpecialCharacters() {
        // GIVEN a password with @ : / ? # % + and a space, percent-encoded as a URL requires
        String url = "postgresql://app%40user:p%40ss%3Aw%2Fo%3Frd%23%25+x%20y@db.example.com:6543/my_db"
            + "?sslmode=require&application_name=ignored";

        // WHEN
        DatabaseUrl parsed = DatabaseUrl.parse(url, ORIGIN);

        // THEN
        assertThat(parsed.user()).isEqualTo("app@user");
        assertThat(parsed.password()).isEqualTo("p@ss:w/o?rd#%+x y");
        assertThat(parsed.host()).isEqualTo("db.example.com");
        assertThat(parsed.port()).isEqualTo(6543);
        assertThat(parsed.database()).isEqualTo("my_db");
        assertThat(parsed.jdbcUrl("postgresql")).isEqualTo("jdbc:postgresql://db.example.com:6543/my_db");
        assertThat(parsed.jdbcProperties()).containsEntry("sslmode", "require");
    }

    @Test
    void parse_shouldDefaultThePortAndAcceptIpv6_whenOmittedOrBracketed() {
        assertThat(DatabaseUrl.parse("postgres://u@localhost/db", ORIGIN).port()).isEqualTo(5432);
        DatabaseUrl v6 = DatabaseUrl.parse("postgres://u@[::1]:5433/db", ORIGIN);
        assertThat(v6.host()).isEqualTo("::1");
        assertThat(v6.jdbcUrl("postgresql")).isEqualTo("jdbc:postgresql://[::1]:5433/db");
        assertThat(DatabaseUrl.parse("postgres://localhost/db", ORIGIN).user()).isNull();
    }

    @Test
    void jdbcProperties_shouldUsePgjdbcNames_whenTheUrlUsesLibpqOptions() {
        DatabaseUrl parsed = DatabaseUrl.parse("postgres://u:p@h/db?sslmode=verify-full&sslrootcert=/ca.pem"
            + "&connect_timeout=5&channel_binding=require&options=-c%20search_path%3Dapp", ORIGIN);

        assertThat(parsed.jdbcProperties()).isEqualTo(Map.of("sslmode", "verify-full", "sslrootcert", "/ca.pem",
            "connectTimeout", "5", "channelBinding", "require", "options", "-c search_path=app"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql://root:s3cret@h/db", "jdbc:postgresql://h/db?password=s3cret",
        "s3cret", "", "http://u:s3cret@h/db"})
    void parse_shouldNameTheVariableAndHideThePassword_whenTheSchemeIsWrong(String bad) {
        assertThatThrownBy(() -> DatabaseUrl.parse(bad, ORIGIN))
            .isInstanceOf(DatabaseConfigException.class)
            .hasMessageStartingWith("DATABASE_URL (from .env.local) must be a postgres:// or postgresql:// URL")
            .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres://u:s3cret@h:99999/db", "postgres://u:s3cret@h:abc/db",
        "postgres://u:s3cret@h", "postgres://u:s3cret@h/", "postgres://u:s3cret@h1,h2/db",
        "postgres://u:s3cret@h/db?unknown=1", "postgres://u:s3cret@[::1/db", "postgres://u:s3%ZZret@h/db"})
    void parse_shouldExplainWithoutThePassword_whenAPartIsMalformed(String bad) {
        assertThatThrownBy(() -> DatabaseUrl.parse(bad, ORIGIN))
            .isInstanceOf(DatabaseConfigException.class)
            .hasMessageStartingWith("DATABASE_URL (from .env.local)")
            .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret").doesNotContain("s3%ZZret"));
    }

    @Test
    void redacted_shouldShowHostPortDatabaseAndUserButNotThePassword_whenPrinted() {
        DatabaseUrl parsed = DatabaseUrl.parse("postgres://admin:hunter2@db:5432/app?sslmode=require", ORIGIN);

        assertThat(parsed.redacted()).isEqualTo("postgres://admin:***@db:5432/app?sslmode=require");
        assertThat(parsed.toString()).doesNotContain("hunter2");
        assertThat(DatabaseUrl.redact("postgres://admin:hunter2@db/app")).isEqualTo("postgres://admin:***@db/app");
        assertThat(DatabaseUrl.redact("mysql://a:b:c@d@host/x")).isEqualTo("mysql://a:***@host/x");
    }
}

package dev.starterkit.db.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.starterkit.db.env.EnvironmentLoader;
import dev.starterkit.db.env.ResolvedEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionSettingsFactoryTest {

    @TempDir
    Path dir;

    @Test
    void fromEnvironment_shouldConnectWithPgjdbc_whenDatabaseUrlIsSet() {
        ResolvedEnvironment env = env(Map.of("DATABASE_URL", "postgres://app:pw@127.0.0.1:5432/app",
            "DB_PROXY_ENDPOINT", "proxy.example.com"));

        ConnectionSettings settings = ConnectionSettingsFactory.fromEnvironment(env, "UsersFunction");

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/app");
        assertThat(settings.properties()).containsEntry("ApplicationName", "UsersFunction")
            .containsEntry("user", "app").containsEntry("password", "pw")
            .containsEntry("options", "-c statement_timeout=30000")
            .containsKeys("connectTimeout", "socketTimeout");
        assertThat(settings.toString()).doesNotContain("pw,").doesNotContain("=pw");
    }

    @Test
    void fromEnvironment_shouldUseTheWrapperWithSecretsManager_whenDeployedBehindTheProxy() {
        ResolvedEnvironment env = env(Map.of("DB_PROXY_ENDPOINT", "proxy.example.com", "DB_NAME", "app",
            "DB_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-abc"));

        ConnectionSettings settings = ConnectionSettingsFactory.fromEnvironment(env, "MigrateFunction");

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:aws-wrapper:postgresql://proxy.example.com:5432/app");
        assertThat(settings.viaWrapper()).isTrue();
        assertThat(settings.properties())
            .containsEntry("wrapperPlugins", "awsSecretsManager")
            .containsEntry("secretsManagerSecretId", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-abc")
            .containsEntry("sslmode", "require")
            .containsEntry("wrapperDialect", "pg")
            .doesNotContainKey("password")
            .doesNotContainKey("secretsManagerEndpoint");
    }

    @Test
    void fromEnvironment_shouldPointTheSecretsManagerPluginAtTheEndpoint_whenTheSdkVariableIsSet() {
        // GIVEN the SDK's standard endpoint variables, service-specific and general
        Map<String, String> proxy = Map.of("DB_PROXY_ENDPOINT", "proxy", "DB_NAME", "app",
            "DB_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-abc");
        Map<String, String> both = new HashMap<>(proxy);
        both.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", "http://127.0.0.1:4566");
        both.put("AWS_ENDPOINT_URL", "http://127.0.0.1:9999");
        Map<String, String> general = new HashMap<>(proxy);
        general.put("AWS_ENDPOINT_URL", "http://127.0.0.1:9999");

        // WHEN settings are built
        ConnectionSettings specific = ConnectionSettingsFactory.fromEnvironment(env(both), "UsersFunction");
        ConnectionSettings fallback = ConnectionSettingsFactory.fromEnvironment(env(general), "UsersFunction");

        // THEN the service-specific one wins, the general one applies otherwise; TLS stays required
        assertThat(specific.properties()).containsEntry("secretsManagerEndpoint", "http://127.0.0.1:4566")
            .containsEntry("sslmode", "require");
        assertThat(fallback.properties()).containsEntry("secretsManagerEndpoint", "http://127.0.0.1:9999");
    }

    @Test
    void fromEnvironment_shouldAvoidWhatPinsProxySessions_whenDeployedBehindTheProxy() {
        ResolvedEnvironment env = env(Map.of("DB_PROXY_ENDPOINT", "proxy.example.com", "DB_NAME", "app",
            "DB_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-abc"));

        ConnectionSettings settings = ConnectionSettingsFactory.fromEnvironment(env, "UsersFunction");

        // no SET at connect (application_name goes in the startup packet) and no named server-side statements
        assertThat(settings.properties())
            .containsEntry("assumeMinServerVersion", "12")
            .containsEntry("prepareThreshold", "0");
    }

    @Test
    void fromEnvironment_shouldUseIamAuth_whenNoSecretIsGiven() {
        ResolvedEnvironment env = env(Map.of("DB_PROXY_ENDPOINT", "proxy", "DB_NAME", "app", "DB_USER", "api"));

        ConnectionSettings settings = ConnectionSettingsFactory.fromEnvironment(env, "AuthFunction");

        assertThat(settings.properties()).containsEntry("wrapperPlugins", "iam").containsEntry("user", "api");
    }

    @Test
    void fromEnvironment_shouldNameTheVariableAndTheFile_whenDatabaseUrlIsInvalid() throws Exception {
        Files.writeString(dir.resolve(".env.local"), "DATABASE_URL=mysql://root:topsecret@db/app\n");

        ResolvedEnvironment env = EnvironmentLoader.load(Optional.empty(), Map.of(), dir);

        assertThatThrownBy(() -> ConnectionSettingsFactory.fromEnvironment(env, "x"))
            .isInstanceOf(DatabaseConfigException.class)
            .hasMessageContaining("DATABASE_URL (from .env.local)")
            .satisfies(e -> assertThat(e.getMessage()).doesNotContain("topsecret"));
    }

    @Test
    void fromEnvironment_shouldSayWhatToSet_whenNothingIsConfigured() {
        assertThatThrownBy(() -> ConnectionSettingsFactory.fromEnvironment(env(Map.of()), "x"))
            .isInstanceOf(DatabaseConfigException.class)
            .hasMessageStartingWith("DATABASE_URL is not set (looked in: process environment)");
        assertThatThrownBy(() -> ConnectionSettingsFactory.fromEnvironment(
            env(Map.of("DB_PROXY_ENDPOINT", "proxy")), "x"))
            .hasMessageStartingWith("DB_NAME is not set");
    }

    @Test
    void fromEnvironment_shouldRejectANonPositiveStatementTimeout_whenConfigured() {
        assertThatThrownBy(() -> ConnectionSettingsFactory.fromEnvironment(env(Map.of(
            "DATABASE_URL", "postgres://u@h/db", "DB_STATEMENT_TIMEOUT_MS", "soon")), "x"))
            .hasMessageContaining("DB_STATEMENT_TIMEOUT_MS (from process environment)");
    }

    private ResolvedEnvironment env(Map<String, String> process) {
        return EnvironmentLoader.load(Optional.empty(), process, dir);
    }
}

package dev.starterkit.db.export.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.starterkit.db.env.EnvironmentConfigException;
import dev.starterkit.db.env.EnvironmentLoader;
import dev.starterkit.db.env.ResolvedEnvironment;
import dev.starterkit.db.env.Stage;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExportConfigTest {

    @Test
    void fromEnvironment_shouldReadBucketStageAndEndpoint_whenAllAreSet() {
        ExportConfig config = ExportConfig.fromEnvironment(env(Map.of("STAGE", "prod", "EXPORT_BUCKET",
            "my-exports", "AWS_ENDPOINT_URL", "http://127.0.0.1:4566", "AWS_ENDPOINT_URL_S3",
            "http://127.0.0.1:9090")));

        assertThat(config.bucket()).isEqualTo("my-exports");
        assertThat(config.stage()).isEqualTo(Stage.PROD);
        assertThat(config.s3().endpoint()).contains(URI.create("http://127.0.0.1:9090"));
        assertThat(config.s3().credentials()).isEmpty();
    }

    @Test
    void fromEnvironment_shouldNameTheVariable_whenTheBucketIsMissing() {
        assertThatThrownBy(() -> ExportConfig.fromEnvironment(env(Map.of("STAGE", "dev"))))
            .isInstanceOf(EnvironmentConfigException.class).hasMessageStartingWith("EXPORT_BUCKET is not set");
    }

    @Test
    void fromEnvironment_shouldNameTheVariable_whenTheBucketOrEndpointIsMalformed() {
        assertThatThrownBy(() -> ExportConfig.fromEnvironment(env(Map.of("EXPORT_BUCKET", "My_Bucket"))))
            .hasMessageContaining("EXPORT_BUCKET (from process environment) must be an S3 bucket name");
        assertThatThrownBy(() -> ExportConfig.fromEnvironment(env(Map.of("EXPORT_BUCKET", "ok-bucket",
            "AWS_ENDPOINT_URL_S3", "localhost:9090"))))
            .hasMessageContaining("AWS_ENDPOINT_URL_S3 (from process environment) must be an http:// or https:// URL");
    }

    @Test
    void fromEnvironment_shouldUseStaticKeys_whenAnEnvFileSetsThem() {
        ExportConfig config = ExportConfig.fromEnvironment(env(Map.of("EXPORT_BUCKET", "ok-bucket",
            "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "secret")));

        assertThat(config.s3().credentials()).hasValueSatisfying(c -> assertThat(c.accessKeyId())
            .isEqualTo("AKIDEXAMPLE"));
    }

    private static ResolvedEnvironment env(Map<String, String> variables) {
        return EnvironmentLoader.load(Optional.empty(), variables, Path.of("does-not-exist"));
    }
}

package dev.starterkit.api.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.starterkit.db.testing.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.jdbc.plugin.iam.IamTokenUtility;
import software.amazon.jdbc.plugin.iam.LightRdsUtility;
import software.amazon.jdbc.util.IamAuthUtils;

/**
 * The API artifact leaves out Flyway, S3, the {@code rds} SDK module and the SDK's Apache and Netty HTTP clients
 * (see functions/api/pom.xml). These are the paths that must keep working on what is left.
 */
class ArtifactDependenciesIT {

    private static final StaticCredentialsProvider CREDENTIALS =
        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));

    @Test
    void iamPlugin_shouldSignRdsTokens_whenTheRdsModuleIsAbsent() {
        // GIVEN the JDBC wrapper's iam plugin on the artifact's class path
        IamTokenUtility tokens = IamAuthUtils.getTokenUtility();

        // WHEN it signs a token for the proxy
        String token = tokens.generateAuthenticationToken(CREDENTIALS, Region.EU_WEST_1,
            "proxy.example.eu-west-1.rds.amazonaws.com", 5432, "api");

        // THEN the light utility (auth + http-auth-aws) presigned a connect request for that user
        assertThat(tokens).isInstanceOf(LightRdsUtility.class);
        assertThat(token).startsWith("proxy.example.eu-west-1.rds.amazonaws.com:5432/?")
            .contains("Action=connect", "DBUser=api", "X-Amz-Credential=AKIDEXAMPLE", "X-Amz-Signature=");
    }

    @Test
    void secretsManagerClient_shouldUseUrlConnectionClient_whenOtherHttpClientsAreAbsent() {
        // GIVEN only url-connection-client among the SDK's HTTP clients
        assertThatThrownBy(() -> Class.forName("software.amazon.awssdk.http.apache5.Apache5HttpClient"))
            .isInstanceOf(ClassNotFoundException.class);

        // WHEN the wrapper's awsSecretsManager plugin would build its client THEN it builds
        try (SecretsManagerClient client = SecretsManagerClient.builder().region(Region.EU_WEST_1)
            .credentialsProvider(CREDENTIALS).build()) {
            assertThat(client.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
        }
    }

    @Test
    void lettuce_shouldConnect_whenTheSdkNettyClientIsAbsent() {
        // GIVEN Lettuce over the Netty modules it needs itself, without those netty-nio-client brought
        RedisClient client = RedisClient.create(TestRedis.url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            // WHEN it talks to Redis THEN it gets answers
            assertThat(connection.sync().ping()).isEqualTo("PONG");
        } finally {
            client.shutdown();
        }
    }
}

package dev.starterkit.db.cache.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starterkit.db.testing.MutableClock;
import io.lettuce.core.RedisCredentials;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class ElastiCacheIamAuthTest {

    private final MutableClock clock = new MutableClock();
    private final ElastiCacheIamAuth auth = new ElastiCacheIamAuth("my-cache", "app-user", "eu-west-1",
        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")), clock);

    @Test
    void resolveCredentials_shouldGiveAPresignedConnectToken_forTheCacheAndUser() {
        // GIVEN / WHEN
        RedisCredentials credentials = auth.resolveCredentials().block();
        String token = new String(credentials.getPassword());
        // THEN
        assertThat(credentials.getUsername()).isEqualTo("app-user");
        assertThat(token).startsWith("my-cache/?").contains("Action=connect", "User=app-user",
            "ResourceType=ServerlessCache", "X-Amz-Algorithm=AWS4-HMAC-SHA256", "X-Amz-Expires=900",
            "X-Amz-Credential=AKIDEXAMPLE%2F20250101%2Feu-west-1%2Felasticache%2Faws4_request", "X-Amz-Signature=");
    }

    @Test
    void token_shouldBeReMinted_onlyOnceTenMinutesOld() {
        // GIVEN a first token
        String first = auth.token();
        // WHEN used again 9 minutes later, then 11 minutes later
        clock.advance(Duration.ofMinutes(9));
        String stillSame = auth.token();
        clock.advance(Duration.ofMinutes(2));
        String renewed = auth.token();
        // THEN it is reused while young and replaced before its 15-minute expiry
        assertThat(stillSame).isEqualTo(first);
        assertThat(renewed).isNotEqualTo(first).contains("X-Amz-Date=20250101T001100Z");
        assertThat(auth.mintedCount()).isEqualTo(2);
    }

    @Test
    void token_shouldBeMintedAfresh_whenForgottenBeforeASnapshot() {
        // GIVEN a token minted a minute ago
        String before = auth.token();
        clock.advance(java.time.Duration.ofMinutes(1));

        // WHEN the cache closes for a SnapStart snapshot and is used again after the restore
        auth.forget();
        String after = auth.token();

        // THEN a new token was minted rather than the one from before the snapshot reused
        assertThat(auth.mintedCount()).isEqualTo(2);
        assertThat(after).isNotEqualTo(before);
    }
}

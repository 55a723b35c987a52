package dev.starterkit.db.cache.iam;

import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisCredentialsProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * IAM authentication for ElastiCache Serverless: the password is a SigV4-presigned {@code connect} request for the
 * cache name and user id, valid 15 minutes. Lettuce asks for credentials on every connect and reconnect; a token is
 * re-minted, with freshly resolved AWS credentials, once it is 10 minutes old, well before it expires.
 */
public final class ElastiCacheIamAuth implements RedisCredentialsProvider {

    /** How long a token is accepted for new connections. */
    public static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);
    /** A token older than this is replaced before it is used again. */
    public static final Duration REFRESH_AFTER = Duration.ofMinutes(10);

    private final String cacheName;
    private final String userId;
    private final String region;
    private final AwsCredentialsProvider credentials;
    private final InstantSource clock;
    private String token;
    private Instant mintedAt;
    private long minted;

    public ElastiCacheIamAuth(String cacheName, String userId, String region, AwsCredentialsProvider credentials,
                              InstantSource clock) {
        this.cacheName = cacheName;
        this.userId = userId;
        this.region = region;
        this.credentials = credentials;
        this.clock = clock;
    }

    @Override
    public Mono<RedisCredentials> resolveCredentials() {
        return Mono.fromSupplier(() -> RedisCredentials.just(userId, token()));
    }

    /** The current token, minting a new one when there is none or it is {@link #REFRESH_AFTER} old. */
    public synchronized String token() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(mintedAt.plus(REFRESH_AFTER))) {
            token = presign(now);
            mintedAt = now;
            minted++;
        }
        return token;
    }

    /** Drops the current token (before a SnapStart snapshot): no token is carried across a restore. */
    public synchronized void forget() {
        token = null;
        mintedAt = null;
    }

    /** How many tokens were minted so far. */
    public synchronized long mintedCount() {
        return minted;
    }

    private String presign(Instant now) {
        SdkHttpRequest request = SdkHttpRequest.builder()
            .method(SdkHttpMethod.GET)
            .protocol("http")
            .host(cacheName)
            .encodedPath("/")
            .putRawQueryParameter("Action", "connect")
            .putRawQueryParameter("User", userId)
            .putRawQueryParameter("ResourceType", "ServerlessCache")
            .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
            .identity(credentials.resolveCredentials())
            .request(request)
            .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "elasticache")
            .putProperty(AwsV4HttpSigner.REGION_NAME, region)
            .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
            .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, TOKEN_LIFETIME)
            .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(now, ZoneOffset.UTC)));
        return signed.request().getUri().toString().replaceFirst("^http://", "");
    }
}

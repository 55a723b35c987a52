package dev.starterkit.db.export.s3;

import dev.starterkit.db.env.EnvironmentConfigException;
import dev.starterkit.db.env.ResolvedEnvironment;
import dev.starterkit.db.env.Variable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * How to reach S3, read once from the environment: the SDK's standard {@code AWS_ENDPOINT_URL_S3} (else
 * {@code AWS_ENDPOINT_URL}) for LocalStack or any local S3 (path-style addressing then), {@code AWS_REGION}, and
 * static keys when {@code AWS_ACCESS_KEY_ID} is set in an env file; otherwise the SDK's default chains.
 *
 * @param endpoint the endpoint override, if any
 * @param region the region, if set
 * @param credentials static credentials from the environment, if set
 */
public record S3Settings(Optional<URI> endpoint, Optional<String> region, Optional<AwsCredentials> credentials) {

    /** Local S3 servers sign with any region; this one is used when none is set and an endpoint is overridden. */
    private static final String LOCAL_REGION = "us-east-1";

    /** Reads the settings; a malformed endpoint stops with an error that names its variable. */
    public static S3Settings fromEnvironment(ResolvedEnvironment env) {
        Optional<Variable> endpoint = env.find("AWS_ENDPOINT_URL_S3").or(() -> env.find("AWS_ENDPOINT_URL"));
        Optional<String> region = env.value("AWS_REGION").or(() -> env.value("AWS_DEFAULT_REGION"));
        Optional<AwsCredentials> credentials = env.value("AWS_ACCESS_KEY_ID").map(id -> {
            String secret = env.require("AWS_SECRET_ACCESS_KEY").value();
            return env.value("AWS_SESSION_TOKEN")
                .<AwsCredentials>map(token -> AwsSessionCredentials.create(id, secret, token))
                .orElse(AwsBasicCredentials.create(id, secret));
        });
        return new S3Settings(endpoint.map(S3Settings::uri), region, credentials);
    }

    /** A synchronous client over the URL-connection HTTP client. */
    public S3Client client() {
        S3ClientBuilder builder = S3Client.builder().httpClient(UrlConnectionHttpClient.create());
        endpoint.ifPresent(uri -> builder.endpointOverride(uri).forcePathStyle(true));
        region.or(() -> endpoint.map(uri -> LOCAL_REGION)).map(Region::of).ifPresent(builder::region);
        credentials.map(StaticCredentialsProvider::create).ifPresent(builder::credentialsProvider);
        return builder.build();
    }

    private static URI uri(Variable variable) {
        try {
            URI uri = new URI(variable.value().strip());
            if (uri.getScheme() == null || uri.getHost() == null
                || !uri.getScheme().equals("http") && !uri.getScheme().equals("https")) {
                throw new EnvironmentConfigException(variable + " must be an http:// or https:// URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new EnvironmentConfigException(variable + " must be an http:// or https:// URL", e);
        }
    }
}

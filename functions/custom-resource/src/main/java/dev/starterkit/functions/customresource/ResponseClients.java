package dev.starterkit.functions.customresource;

import dev.starterkit.functions.customresource.internal.RetryingHttpClient;
import java.time.Duration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/** HTTP clients that send custom resource responses to the pre-signed {@code ResponseURL}. */
public final class ResponseClients {

    /** Attempts to send one response. */
    public static final int ATTEMPTS = 3;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);
    static final Duration PAUSE = Duration.ofMillis(500);

    private ResponseClients() {
    }

    /**
     * The JDK URL connection client with short timeouts, retrying network errors and 5xx answers: at most
     * {@value #ATTEMPTS} attempts, all within {@link CustomResourceRunner#DEFAULT_MARGIN}.
     */
    public static SdkHttpClient retrying() {
        return retrying(ATTEMPTS, PAUSE);
    }

    /** The same with another number of attempts and pause (tests). */
    public static SdkHttpClient retrying(int attempts, Duration pause) {
        SdkHttpClient jdk = UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT)
            .socketTimeout(SOCKET_TIMEOUT).build();
        return new RetryingHttpClient(jdk, attempts, pause);
    }
}

package dev.starterkit.functions.customresource.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * Sends the custom resource response with retries: a network error or a 5xx answer is tried again, up to a fixed
 * number of attempts with a growing pause; a 4xx answer (an expired pre-signed URL) is final. The body is buffered
 * once, because Powertools hands over a stream that can be read only once.
 */
public final class RetryingHttpClient implements SdkHttpClient {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingHttpClient.class);

    private final SdkHttpClient delegate;
    private final int attempts;
    private final Duration pause;

    public RetryingHttpClient(SdkHttpClient delegate, int attempts, Duration pause) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
        this.delegate = delegate;
        this.attempts = attempts;
        this.pause = pause;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        byte[] body = read(request.contentStreamProvider());
        if (body.length > ResponseSizer.MAX_BYTES) {
            LOG.error("The custom resource response is {} bytes, over CloudFormation's {}", body.length,
                ResponseSizer.MAX_BYTES);
        }
        HttpExecuteRequest replayable = HttpExecuteRequest.builder().request(request.httpRequest())
            .contentStreamProvider(ContentStreamProvider.fromByteArray(body)).build();
        return new ExecutableHttpRequest() {
            private volatile ExecutableHttpRequest current;

            @Override
            public HttpExecuteResponse call() throws IOException {
                return send(replayable, prepared -> current = prepared);
            }

            @Override
            public void abort() {
                ExecutableHttpRequest inFlight = current;
                if (inFlight != null) {
                    inFlight.abort();
                }
            }
        };
    }

    private HttpExecuteResponse send(HttpExecuteRequest request, java.util.function.Consumer<ExecutableHttpRequest>
        inFlight) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                ExecutableHttpRequest prepared = delegate.prepareRequest(request);
                inFlight.accept(prepared);
                HttpExecuteResponse response = prepared.call();
                int status = response.httpResponse().statusCode();
                drain(response);
                if (status < 500 || attempt == attempts) {
                    if (status >= 300) {
                        LOG.error("CloudFormation's response URL answered HTTP {} on attempt {}", status, attempt);
                    }
                    return response;
                }
                LOG.warn("CloudFormation's response URL answered HTTP {} on attempt {} of {}; retrying", status,
                    attempt, attempts);
            } catch (IOException e) {
                if (attempt == attempts) {
                    throw e;
                }
                LOG.warn("Sending the custom resource response failed on attempt {} of {} ({}); retrying", attempt,
                    attempts, e.toString());
            }
            sleep(pause.multipliedBy(attempt));
        }
    }

    private static void drain(HttpExecuteResponse response) throws IOException {
        Optional<? extends InputStream> body = response.responseBody();
        if (body.isPresent()) {
            try (InputStream in = body.get()) {
                in.readAllBytes();
            }
        }
    }

    private static byte[] read(Optional<ContentStreamProvider> provider) {
        if (provider.isEmpty()) {
            return new byte[0];
        }
        try (InputStream in = provider.get().newStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the custom resource response body failed", e);
        }
    }

    private static void sleep(Duration duration) throws IOException {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted between attempts to send the custom resource response", e);
        }
    }

    @Override
    public String clientName() {
        return "retrying-" + delegate.clientName();
    }

    @Override
    public void close() {
        delegate.close();
    }
}

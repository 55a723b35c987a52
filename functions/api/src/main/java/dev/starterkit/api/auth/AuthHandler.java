package dev.starterkit.api.auth;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.starterkit.api.ApiRuntime;
import dev.starterkit.api.http.ApiPipeline;

/** {@code AuthFunction}: sign-up, sign-in, sign-out and the signed-in user's profile. */
public final class AuthHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, AutoCloseable {

    private final ApiRuntime runtime;
    private final ApiPipeline pipeline;

    public AuthHandler() {
        this(ApiRuntime.fromProcessEnvironment("AuthFunction"));
    }

    public AuthHandler(ApiRuntime runtime) {
        this.runtime = runtime;
        this.pipeline = runtime.pipeline(AuthRoutes.router(runtime));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return pipeline.handle(event);
    }

    @Override
    public void close() {
        runtime.close();
    }
}

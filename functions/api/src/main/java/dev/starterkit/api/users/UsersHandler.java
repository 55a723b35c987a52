package dev.starterkit.api.users;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.starterkit.api.ApiRuntime;
import dev.starterkit.api.http.ApiPipeline;

/** {@code UsersFunction}: public profiles, the user list and the health check. */
public final class UsersHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, AutoCloseable {

    private final ApiRuntime runtime;
    private final ApiPipeline pipeline;

    public UsersHandler() {
        this(ApiRuntime.fromProcessEnvironment("UsersFunction"));
    }

    public UsersHandler(ApiRuntime runtime) {
        this.runtime = runtime;
        this.pipeline = runtime.pipeline(UsersRoutes.router(runtime));
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

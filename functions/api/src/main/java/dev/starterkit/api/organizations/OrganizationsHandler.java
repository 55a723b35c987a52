package dev.starterkit.api.organizations;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.starterkit.api.ApiRuntime;
import dev.starterkit.api.http.ApiPipeline;

/** {@code OrganizationsFunction}: organizations, members and invitations. */
public final class OrganizationsHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, AutoCloseable {

    private final ApiRuntime runtime;
    private final ApiPipeline pipeline;

    public OrganizationsHandler() {
        this(ApiRuntime.fromProcessEnvironment("OrganizationsFunction"));
    }

    public OrganizationsHandler(ApiRuntime runtime) {
        this.runtime = runtime;
        this.pipeline = runtime.pipeline(OrganizationsRoutes.router(runtime));
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

package dev.starterkit.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.starterkit.api.http.ApiPipeline;
import java.util.Map;

/**
 * Warms a function's request path before its SnapStart snapshot: event parsing, routing, a repository query,
 * error mapping and JSON writing, through requests that change nothing (an unknown user, a malformed body).
 */
final class ApiPrimer {

    private static final int ROUNDS = 20;

    private ApiPrimer() {
    }

    static void prime(ApiPipeline pipeline) {
        for (int i = 0; i < ROUNDS; i++) {
            pipeline.handle(event("GET", "/users/usr_0000000000000000", null));
            pipeline.handle(event("POST", "/auth/sign-in", "{\"email\": 1}"));
            pipeline.handle(event("GET", "/primer/unknown", null));
        }
    }

    private static APIGatewayV2HTTPEvent event(String method, String path, String body) {
        return APIGatewayV2HTTPEvent.builder().withRawPath(path).withBody(body)
            .withHeaders(body == null ? Map.of() : Map.of("content-type", "application/json"))
            .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("snapstart-primer")
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
                    .build()).build()).build();
    }
}

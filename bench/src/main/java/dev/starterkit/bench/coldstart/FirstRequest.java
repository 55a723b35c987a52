package dev.starterkit.bench.coldstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.starterkit.api.users.UsersHandler;
import java.util.Map;

/**
 * What Lambda does in a new execution environment, minus the runtime client: create the handler with the no-arg
 * constructor (configured from the process environment), then answer {@code GET /users/{id}}. Prints a line at
 * each step so that the parent can time them; with {@code warm} as second argument, then measures the warm
 * overhead (see {@link WarmOverhead}).
 */
public final class FirstRequest {

    private FirstRequest() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("main");
        try (UsersHandler handler = new UsersHandler()) {
            System.out.println("ready");
            APIGatewayV2HTTPResponse response = handler.handleRequest(getUser(args[0]), null);
            System.out.println("response " + response.getStatusCode() + " " + response.getBody());
            if (args.length > 1 && "warm".equals(args[1])) {
                WarmOverhead.run(handler, args[0]);
            }
        }
    }

    static APIGatewayV2HTTPEvent getUser(String id) {
        String path = "/users/" + id;
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("ANY /users/{proxy+}")
            .withRawPath(path).withRawQueryString("")
            .withHeaders(Map.of("accept", "application/json", "host", "api.example.com"))
            .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("req-cold-start")
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath(path)
                    .withSourceIp("203.0.113.10").build())
                .build())
            .build();
    }
}

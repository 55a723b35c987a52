package dev.starterkit.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiPipelineTest {

    private static final ApiPipeline.RequestHooks NO_CACHE = new ApiPipeline.RequestHooks() {
        @Override
        public void begin(ApiRequest request) {
        }

        @Override
        public Optional<String> end() {
            return Optional.of("HIT");
        }

        @Override
        public double databaseMillis() {
            return 1.5;
        }
    };

    @Test
    void handle_shouldAnswerABare500_whenARouteFailsUnexpectedly() {
        // GIVEN a route whose failure message carries SQL and a secret
        Router router = new Router().add("GET", "/boom", (request, params) -> {
            throw new IllegalStateException("SELECT password FROM identity -- password=hunter2",
                new SQLException("relation missing", "42P01"));
        });

        // WHEN
        APIGatewayV2HTTPResponse response = pipeline(router).handle(event("GET", "/boom"));

        // THEN the client sees a generic error with the request id, nothing else
        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getBody()).contains("\"code\":\"internal\"").contains("req-1")
            .doesNotContain("SELECT").doesNotContain("hunter2").doesNotContain("Exception").doesNotContain("at ");
    }

    @Test
    void handle_shouldMapConstraintViolations_whenTheDatabaseRefusesAWrite() {
        Router router = new Router()
            .add("POST", "/dup", (request, params) -> {
                throw new RuntimeException(new SQLException("duplicate key", "23505"));
            })
            .add("POST", "/fk", (request, params) -> {
                throw new RuntimeException(new SQLException("fk", "23503"));
            });

        assertThat(pipeline(router).handle(event("POST", "/dup")).getStatusCode()).isEqualTo(409);
        assertThat(pipeline(router).handle(event("POST", "/fk")).getStatusCode()).isEqualTo(409);
    }

    @Test
    void handle_shouldAddTheStandardHeaders_whenARouteAnswers() {
        Router router = new Router().add("GET", "/ok", (request, params) -> ApiResponse.ok(Map.of("a", 1)));

        APIGatewayV2HTTPResponse response = pipeline(router).handle(event("GET", "/ok"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("x-request-id", "req-1").containsEntry("x-cache", "HIT")
            .containsEntry("content-type", "application/json; charset=utf-8");
        assertThat(response.getHeaders().get("server-timing")).matches("db;dur=1\\.5, total;dur=[0-9.]+");
        assertThat(response.getBody()).isEqualTo("{\"a\":1}");
    }

    private static ApiPipeline pipeline(Router router) {
        return new ApiPipeline(router, new ErrorMapper(Map.of()), NO_CACHE);
    }

    private static APIGatewayV2HTTPEvent event(String method, String path) {
        return APIGatewayV2HTTPEvent.builder().withRawPath(path).withHeaders(Map.of())
            .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("req-1")
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
                    .build()).build()).build();
    }
}

package dev.starterkit.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.starterkit.api.auth.AuthHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Loads the sample events of {@code src/test/resources/events/} (a mirror of {@code events/}) for handler tests. */
final class Events {

    private static final JsonMapper MAPPER = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private Events() {
    }

    /** The event {@code events/<function>/<name>.json} with {@code ${KEY}} placeholders replaced. */
    static APIGatewayV2HTTPEvent load(String function, String name, Map<String, String> vars) {
        String path = "/events/" + function + "/" + name + ".json";
        try (InputStream in = Events.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No sample event " + path);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> var : vars.entrySet()) {
                text = text.replace("${" + var.getKey() + "}", var.getValue());
            }
            return MAPPER.readValue(text, APIGatewayV2HTTPEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event with its body replaced. */
    static APIGatewayV2HTTPEvent withBody(APIGatewayV2HTTPEvent event, String body) {
        event.setBody(body);
        return event;
    }

    /** The event with one header set (or removed when {@code value} is null). */
    static APIGatewayV2HTTPEvent withHeader(APIGatewayV2HTTPEvent event, String name, String value) {
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        event.setHeaders(headers);
        return event;
    }

    /** Signs a seeded user in (password {@code password123}) through {@code auth}; returns the bearer token. */
    static String signIn(AuthHandler auth, String email) {
        APIGatewayV2HTTPEvent event = withBody(load("AuthFunction", "sign-in", Map.of()),
            "{\"email\":\"" + email + "\",\"password\":\"password123\"}");
        APIGatewayV2HTTPResponse response = auth.handleRequest(event, null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return json(response.getBody()).get("token").asString();
    }

    /** The response body as a JSON tree. */
    static ObjectNode json(String body) {
        return (ObjectNode) MAPPER.readTree(body);
    }
}

package dev.starterkit.tools.dev;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns an HTTP exchange into the API Gateway HTTP API (payload 2.0) event AWS would send, and the handler's
 * response back into HTTP: lower-cased headers joined by commas, cookies apart, query parameters, path
 * parameters of the matched route, base64 bodies for anything that is not UTF-8 text.
 */
public final class EventTranslator {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z",
        Locale.ENGLISH);

    private EventTranslator() {
    }

    /** The event for a request that matched {@code routeKey} with {@code pathParameters}. */
    public static APIGatewayV2HTTPEvent toEvent(HttpExchange exchange, byte[] body, String routeKey,
                                                Map<String, String> pathParameters, String requestId) {
        String rawPath = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                values.forEach(v -> cookies.addAll(List.of(v.split(";\\s*"))));
            } else {
                headers.put(lower, String.join(",", values));
            }
        });
        long now = System.currentTimeMillis();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String sourceIp = exchange.getRemoteAddress().getAddress().getHostAddress();
        APIGatewayV2HTTPEvent.RequestContext context = APIGatewayV2HTTPEvent.RequestContext.builder()
            .withAccountId("000000000000").withApiId("local").withDomainName(headers.getOrDefault("host", "local"))
            .withDomainPrefix("local").withStage("$default").withRouteKey(routeKey).withRequestId(requestId)
            .withTime(ZonedDateTime.now(ZoneOffset.UTC).format(TIME)).withTimeEpoch(now)
            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method)
                .withPath(rawPath).withProtocol(exchange.getProtocol()).withSourceIp(sourceIp)
                .withUserAgent(headers.getOrDefault("user-agent", "")).build())
            .build();
        String text = body.length == 0 ? null : utf8(body);
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(routeKey).withRawPath(rawPath)
            .withRawQueryString(rawQuery == null ? "" : rawQuery).withCookies(cookies.isEmpty() ? null : cookies)
            .withHeaders(headers).withQueryStringParameters(query(rawQuery))
            .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
            .withRequestContext(context)
            .withBody(body.length == 0 ? null : text != null ? text : Base64.getEncoder().encodeToString(body))
            .withIsBase64Encoded(body.length > 0 && text == null).build();
    }

    /** Writes the handler's response. */
    public static void writeResponse(HttpExchange exchange, APIGatewayV2HTTPResponse response) throws IOException {
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders()
                .forEach((k, vs) -> vs.forEach(v -> exchange.getResponseHeaders().add(k, v)));
        }
        if (response.getCookies() != null) {
            response.getCookies().forEach(c -> exchange.getResponseHeaders().add("set-cookie", c));
        }
        byte[] bytes = response.getBody() == null ? new byte[0] : response.getIsBase64Encoded()
            ? Base64.getDecoder().decode(response.getBody()) : response.getBody().getBytes(StandardCharsets.UTF_8);
        int status = response.getStatusCode() == 0 ? 200 : response.getStatusCode();
        // A response to HEAD has no body, whatever the handler returned (API Gateway drops it too)
        boolean head = isHead(exchange);
        exchange.sendResponseHeaders(status, bytes.length == 0 || head ? -1 : bytes.length);
        if (bytes.length > 0 && !head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Whether the request is a HEAD, whose response carries no body. */
    static boolean isHead(HttpExchange exchange) {
        return "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
    }

    private static Map<String, String> query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.merge(key, value, (a, b) -> a + "," + b);
        }
        return params;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}

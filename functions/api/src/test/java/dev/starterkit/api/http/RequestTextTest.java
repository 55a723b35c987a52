package dev.starterkit.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestTextTest {

    @Test
    void logLine_shouldBeTheJsonTheMapperWrites_whenThePathHasQuotesControlCharactersAndUnicode() {
        // GIVEN a path a client chose, with characters JSON must escape
        String path = "/users/\"x\\y\"\n\t\u0001/é/\u2028";

        // WHEN the line is written
        String line = RequestText.logLine("req-1", "GET", path, 404, 12.34, null);

        // THEN it is exactly what Jackson writes for the same fields, so log queries keep working
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("message", "request");
        fields.put("requestId", "req-1");
        fields.put("method", "GET");
        fields.put("path", path);
        fields.put("status", 404);
        fields.put("durationMs", 12.3);
        fields.put("cache", null);
        assertThat(line).isEqualTo(Json.MAPPER.writeValueAsString(fields));
        assertThat(Json.MAPPER.readTree(line).get("path").asString()).isEqualTo(path);
    }

    @Test
    void serverTiming_shouldRoundToOneDecimal_whenDurationsHaveMore() {
        assertThat(RequestText.serverTiming(0.04, 1234.56)).isEqualTo("db;dur=0.0, total;dur=1234.6");
        assertThat(RequestText.serverTiming(1.25, 0.95)).isEqualTo("db;dur=1.3, total;dur=1.0");
    }
}

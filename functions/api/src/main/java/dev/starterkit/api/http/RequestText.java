package dev.starterkit.api.http;

import java.util.Locale;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * The pipeline's text on every request, the {@code server-timing} value and the log line, written directly: a
 * {@code Formatter} or a map through the mapper cost more than the rest of a cache hit's response.
 */
final class RequestText {

    /** Above this, {@link #appendTenths} leaves the digits to {@code %.1f}: no request lasts 27 hours. */
    private static final double LARGEST_FAST = 1e8;

    private RequestText() {
    }

    /** {@code db;dur=<db>, total;dur=<total>}, milliseconds with one decimal. */
    static String serverTiming(double dbMillis, double totalMillis) {
        StringBuilder out = new StringBuilder(40).append("db;dur=");
        appendTenths(out, dbMillis);
        out.append(", total;dur=");
        appendTenths(out, totalMillis);
        return out.toString();
    }

    /** The request's JSON log line: message, requestId, method, path, status, durationMs, cache. */
    static String logLine(String requestId, String method, String path, int status, double millis, String cache) {
        StringBuilder out = new StringBuilder(160).append("{\"message\":\"request\",\"requestId\":");
        appendString(out, requestId);
        out.append(",\"method\":");
        appendString(out, method);
        out.append(",\"path\":");
        appendString(out, path);
        out.append(",\"status\":").append(status).append(",\"durationMs\":");
        appendTenths(out, millis);
        out.append(",\"cache\":");
        appendString(out, cache);
        return out.append('}').toString();
    }

    /** {@code millis} rounded half up to one decimal, as {@code %.1f} writes a duration. */
    static void appendTenths(StringBuilder out, double millis) {
        if (!(millis >= 0 && millis < LARGEST_FAST)) {
            out.append(String.format(Locale.ROOT, "%.1f", millis));
            return;
        }
        long tenths = Math.round(millis * 10);
        out.append(tenths / 10).append('.').append(tenths % 10);
    }

    /** A JSON string (quoted and escaped as Jackson escapes it), or {@code null}. */
    private static void appendString(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, out);
        out.append('"');
    }
}

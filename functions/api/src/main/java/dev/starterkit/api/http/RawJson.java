package dev.starterkit.api.http;

/**
 * A response body that is already JSON text, such as a replayed response: written as it is.
 *
 * @param json the JSON text
 */
public record RawJson(String json) {
}

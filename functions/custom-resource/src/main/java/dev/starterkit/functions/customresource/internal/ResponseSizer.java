package dev.starterkit.functions.customresource.internal;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.lambda.powertools.cloudformation.Response;

/**
 * Builds the response so that its JSON body, as Powertools serializes it, stays within CloudFormation's 4096 bytes:
 * the longest {@code Data} values are shortened first (marked with {@code "Truncated": "true"}), then the reason.
 */
public final class ResponseSizer {

    /** CloudFormation rejects response objects larger than this. */
    public static final int MAX_BYTES = 4096;
    /** Kept free below the limit, for differences between this estimate and the body Powertools writes. */
    static final int SLACK_BYTES = 96;
    private static final int MIN_REASON = 120;
    private static final String ELLIPSIS = "...";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResponseSizer() {
    }

    /** A response of {@code status} that fits, with as much of {@code data} and {@code reason} as fits. */
    public static Response fit(CloudFormationCustomResourceEvent event, Response.Status status, String physicalId,
                               Map<String, String> data, String reason) {
        Map<String, String> shown = new LinkedHashMap<>(data);
        String text = reason;
        int budget = MAX_BYTES - SLACK_BYTES;
        while (size(event, status, physicalId, shown, text) > budget) {
            String longest = longestValue(shown);
            if (longest != null && shown.get(longest).length() > MIN_REASON / 4) {
                String value = shown.get(longest);
                shown.put(longest, value.substring(0, value.length() / 2) + ELLIPSIS);
                shown.put("Truncated", "true");
            } else if (text.length() > MIN_REASON) {
                text = text.substring(0, Math.max(MIN_REASON, text.length() * 3 / 4)) + ELLIPSIS;
            } else if (!shown.isEmpty()) {
                shown.clear();
            } else {
                break;
            }
        }
        Response.Builder builder = Response.builder().status(status).physicalResourceId(physicalId).reason(text);
        if (!shown.isEmpty()) {
            builder.value(shown);
        }
        return builder.build();
    }

    /** The size in bytes of the body Powertools will send for these values. */
    static int size(CloudFormationCustomResourceEvent event, Response.Status status, String physicalId,
                    Map<String, String> data, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Status", status.name());
        body.put("Reason", reason);
        body.put("PhysicalResourceId", physicalId);
        body.put("StackId", event.getStackId());
        body.put("RequestId", event.getRequestId());
        body.put("LogicalResourceId", event.getLogicalResourceId());
        body.put("NoEcho", false);
        body.put("Data", data.isEmpty() ? null : data);
        try {
            return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings could not be written as JSON", e);
        }
    }

    private static String longestValue(Map<String, String> data) {
        String longest = null;
        for (Map.Entry<String, String> entry : data.entrySet()) {
            if (longest == null || entry.getValue().length() > data.get(longest).length()) {
                longest = entry.getKey();
            }
        }
        return longest;
    }
}

package dev.starterkit.functions.customresource.testing;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** Reads CloudFormation custom resource events from test resources, as CloudFormation sends them. */
public final class CustomResourceEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CustomResourceEvents() {
    }

    /**
     * The event in class-path resource {@code path} (e.g. {@code events/MigrateFunction/create.json}), with its
     * {@code ResponseURL} pointed at {@code responseUrl}.
     */
    public static CloudFormationCustomResourceEvent read(String path, String responseUrl) {
        Map<String, Object> raw;
        try (InputStream in = CustomResourceEvents.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No test event " + path);
            }
            raw = JSON.readValue(in, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read test event " + path, e);
        }
        CloudFormationCustomResourceEvent event = new CloudFormationCustomResourceEvent();
        event.setRequestType((String) raw.get("RequestType"));
        event.setServiceToken((String) raw.get("ServiceToken"));
        event.setResponseUrl(responseUrl);
        event.setStackId((String) raw.get("StackId"));
        event.setRequestId((String) raw.get("RequestId"));
        event.setLogicalResourceId((String) raw.get("LogicalResourceId"));
        event.setPhysicalResourceId((String) raw.get("PhysicalResourceId"));
        event.setResourceType((String) raw.get("ResourceType"));
        event.setResourceProperties(properties(raw.get("ResourceProperties")));
        event.setOldResourceProperties(properties(raw.get("OldResourceProperties")));
        return event;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Object value) {
        return (Map<String, Object>) value;
    }
}

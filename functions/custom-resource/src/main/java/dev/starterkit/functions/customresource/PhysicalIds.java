package dev.starterkit.functions.customresource;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import java.util.Locale;
import java.util.Map;

/**
 * Stable physical resource ids, {@code <prefix>-<stage>}: the stage comes from the resource's {@code Stage}
 * property, so that the id is the same for every Create and Update of the stack and an Update never replaces it.
 */
public final class PhysicalIds {

    /** The resource property naming the stage. */
    public static final String STAGE_PROPERTY = "Stage";

    private PhysicalIds() {
    }

    /** The id for {@code event}; {@code <prefix>-unknown} when the template gives no stage. */
    public static String of(String prefix, CloudFormationCustomResourceEvent event) {
        Map<String, Object> properties = event.getResourceProperties();
        Object stage = properties == null ? null : properties.get(STAGE_PROPERTY);
        String name = stage == null || stage.toString().isBlank() ? "unknown"
            : stage.toString().strip().toLowerCase(Locale.ROOT);
        return prefix + "-" + name;
    }
}

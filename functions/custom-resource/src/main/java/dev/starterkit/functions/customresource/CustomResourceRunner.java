package dev.starterkit.functions.customresource;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import dev.starterkit.functions.customresource.internal.Reasons;
import dev.starterkit.functions.customresource.internal.ResponseSizer;
import dev.starterkit.functions.customresource.internal.TimeoutGuard;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.lambda.powertools.cloudformation.AbstractCustomResourceHandler;
import software.amazon.lambda.powertools.cloudformation.Response;

/**
 * The custom resource protocol around one deploy step, on top of Powertools' handler (which sends the response):
 * Create and Update run the step under a timeout guard and always answer, SUCCESS with the step's data or FAILED
 * with a sanitized reason; Delete answers SUCCESS without touching anything, also after a failed Create. The
 * physical resource id is stable ({@code <prefix>-<stage>}), so an Update never turns into a replacement.
 */
public final class CustomResourceRunner extends AbstractCustomResourceHandler {

    /** Time kept for answering CloudFormation: three PUT attempts with their timeouts and pauses. */
    public static final Duration DEFAULT_MARGIN = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(CustomResourceRunner.class);

    private final DeployStep step;
    private final String physicalIdPrefix;
    private final TimeoutGuard guard;

    /**
     * A runner for {@code step}.
     *
     * @param step the work of Create and Update
     * @param physicalIdPrefix e.g. {@code database-migrations}; the stage is appended
     * @param http sends the response; see {@link ResponseClients#retrying()}
     * @param margin how long before the Lambda timeout the step is given up
     */
    public CustomResourceRunner(DeployStep step, String physicalIdPrefix, SdkHttpClient http, Duration margin) {
        super(http);
        this.step = step;
        this.physicalIdPrefix = physicalIdPrefix;
        this.guard = new TimeoutGuard(margin);
    }

    @Override
    protected Response create(CloudFormationCustomResourceEvent event, Context context) {
        return perform(event, context);
    }

    @Override
    protected Response update(CloudFormationCustomResourceEvent event, Context context) {
        return perform(event, context);
    }

    @Override
    protected Response delete(CloudFormationCustomResourceEvent event, Context context) {
        String id = event.getPhysicalResourceId() == null ? PhysicalIds.of(physicalIdPrefix, event)
            : event.getPhysicalResourceId();
        LOG.info("{} {} {}: Delete leaves the database as it is", event.getLogicalResourceId(), id,
            event.getRequestId());
        return Response.builder().status(Response.Status.SUCCESS).physicalResourceId(id)
            .reason("Delete leaves the database unchanged").build();
    }

    @Override
    protected void onSendFailure(CloudFormationCustomResourceEvent event, Context context, Response response,
                                 Exception exception) {
        LOG.error("{} {}: the response could not be sent to CloudFormation: {}", event.getLogicalResourceId(),
            event.getRequestType(), exception.toString());
    }

    private Response perform(CloudFormationCustomResourceEvent event, Context context) {
        String id = PhysicalIds.of(physicalIdPrefix, event);
        LOG.info("{} {} {}: {} starting with {} ms left", event.getLogicalResourceId(), event.getRequestType(), id,
            step.name(), context.getRemainingTimeInMillis());
        TimeoutGuard.Result result = guard.run(step, context.getRemainingTimeInMillis());
        if (result.succeeded()) {
            LOG.info("{} {} {}: {} succeeded: {}", event.getLogicalResourceId(), event.getRequestType(), id,
                step.name(), result.data());
            return ResponseSizer.fit(event, Response.Status.SUCCESS, id, result.data(),
                step.name() + " succeeded: " + summary(result.data()));
        }
        String reason = Reasons.sanitize(result.failure()) + " (log stream " + context.getLogStreamName() + ")";
        LOG.error("{} {} {}: answering FAILED: {}", event.getLogicalResourceId(), event.getRequestType(), id, reason);
        return ResponseSizer.fit(event, Response.Status.FAILED, id, Map.of(), reason);
    }

    private static String summary(Map<String, String> data) {
        StringBuilder text = new StringBuilder();
        data.forEach((key, value) -> text.append(text.length() == 0 ? "" : ", ").append(key).append('=')
            .append(value));
        return text.toString();
    }
}

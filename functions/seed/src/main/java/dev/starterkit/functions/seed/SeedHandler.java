package dev.starterkit.functions.seed;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import dev.starterkit.functions.customresource.CustomResourceRunner;
import dev.starterkit.functions.customresource.ResponseClients;
import java.time.Duration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.lambda.powertools.cloudformation.Response;

/**
 * {@code Custom::DatabaseSeed}, run after the migration: Create and Update load the stage's seeds and answer
 * CloudFormation with what was loaded; Delete answers SUCCESS and leaves the data as it is. The answer always goes
 * out, FAILED with the reason when anything goes wrong, before the function's timeout.
 */
public final class SeedHandler implements RequestHandler<CloudFormationCustomResourceEvent, Response> {

    /** The physical resource id is {@code database-seed-<stage>}. */
    static final String PHYSICAL_ID_PREFIX = "database-seed";
    /** The function's logical id, also the JDBC {@code ApplicationName} of its connections. */
    static final String FUNCTION_NAME = "SeedFunction";

    private final CustomResourceRunner runner;

    /** Used by Lambda: stage and database from the environment, read when a request runs. */
    public SeedHandler() {
        this(new SeedStep(SeedStep.fromEnvironment(FUNCTION_NAME)), ResponseClients.retrying(),
            CustomResourceRunner.DEFAULT_MARGIN);
    }

    /**
     * A handler with its collaborators.
     *
     * @param step the seeding
     * @param http sends the answer to the event's {@code ResponseURL}
     * @param margin the step is given up this long before the Lambda timeout
     */
    public SeedHandler(SeedStep step, SdkHttpClient http, Duration margin) {
        this.runner = new CustomResourceRunner(step, PHYSICAL_ID_PREFIX, http, margin);
    }

    @Override
    public Response handleRequest(CloudFormationCustomResourceEvent event, Context context) {
        return runner.handleRequest(event, context);
    }
}

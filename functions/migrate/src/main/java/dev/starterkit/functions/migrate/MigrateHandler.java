package dev.starterkit.functions.migrate;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import dev.starterkit.functions.customresource.CustomResourceRunner;
import dev.starterkit.functions.customresource.ResponseClients;
import java.time.Duration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.lambda.powertools.cloudformation.Response;

/**
 * {@code Custom::DatabaseMigration}: Create and Update apply the packaged migrations and answer CloudFormation with
 * the schema version; Delete answers SUCCESS and leaves the database as it is. The answer always goes out, FAILED
 * with the reason when anything goes wrong, before the function's timeout.
 */
public final class MigrateHandler implements RequestHandler<CloudFormationCustomResourceEvent, Response> {

    /** The physical resource id is {@code database-migrations-<stage>}. */
    static final String PHYSICAL_ID_PREFIX = "database-migrations";
    /** The function's logical id, also the JDBC {@code ApplicationName} of its connections. */
    static final String FUNCTION_NAME = "MigrateFunction";

    private final CustomResourceRunner runner;

    /** Used by Lambda: settings from the environment, read when a request runs so errors reach CloudFormation. */
    public MigrateHandler() {
        this(new MigrationStep(MigrationStep.fromEnvironment(FUNCTION_NAME)), ResponseClients.retrying(),
            CustomResourceRunner.DEFAULT_MARGIN);
    }

    /**
     * A handler with its collaborators.
     *
     * @param step the migration
     * @param http sends the answer to the event's {@code ResponseURL}
     * @param margin the step is given up this long before the Lambda timeout
     */
    public MigrateHandler(MigrationStep step, SdkHttpClient http, Duration margin) {
        this.runner = new CustomResourceRunner(step, PHYSICAL_ID_PREFIX, http, margin);
    }

    @Override
    public Response handleRequest(CloudFormationCustomResourceEvent event, Context context) {
        return runner.handleRequest(event, context);
    }
}

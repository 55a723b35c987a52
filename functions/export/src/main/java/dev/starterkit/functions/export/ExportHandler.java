package dev.starterkit.functions.export;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.starterkit.db.connect.ConnectionSettingsFactory;
import dev.starterkit.db.connect.Connector;
import dev.starterkit.db.env.EnvironmentLoader;
import dev.starterkit.db.env.ResolvedEnvironment;
import dev.starterkit.db.export.s3.ExportConfig;
import dev.starterkit.db.export.s3.S3DumpExporter;
import dev.starterkit.db.export.s3.S3ExportResult;
import dev.starterkit.db.export.s3.ScheduledExport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ExportFunction}, run by its EventBridge schedule: dumps the stage's database to the export bucket. A failure
 * is thrown, so that Lambda retries the event and the failure alarm sees it; the upload is aborted first, and given
 * up {@link #MARGIN} before the function's timeout so that the abort still runs.
 */
public final class ExportHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    /** The function's logical id, also the JDBC {@code ApplicationName} of its connection. */
    static final String FUNCTION_NAME = "ExportFunction";
    /** Time kept back from the Lambda timeout to abort the upload and report. */
    static final Duration MARGIN = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(ExportHandler.class);

    private final ScheduledExport export;
    private final Clock clock;

    /** Used by Lambda: {@code STAGE}, {@code EXPORT_BUCKET} and the database variables, read at start-up. */
    public ExportHandler() {
        this(fromEnvironment(EnvironmentLoader.load(Optional.empty())), Clock.systemUTC());
    }

    /** A handler with its collaborators. */
    public ExportHandler(ScheduledExport export, Clock clock) {
        this.export = export;
        this.clock = clock;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Map<String, Object> event = input == null ? Map.of() : input;
        Instant deadline = clock.instant().plusMillis(context.getRemainingTimeInMillis()).minus(MARGIN);
        LOG.info("Export triggered by {} event {} at {}", event.getOrDefault("source", "a direct invocation"),
            event.getOrDefault("id", context.getAwsRequestId()), event.getOrDefault("time", clock.instant()));
        S3ExportResult result = export.run(deadline);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("bucket", result.bucket());
        response.put("key", result.key());
        response.put("schemaVersion", result.dump().schemaVersion());
        response.put("tables", result.dump().tableRows().size());
        response.put("rows", result.dump().totalRows());
        response.put("sqlBytes", result.dump().bytes());
        response.put("objectBytes", result.objectBytes());
        response.put("sqlSha256", result.dump().sha256());
        return response;
    }

    private static ScheduledExport fromEnvironment(ResolvedEnvironment env) {
        ExportConfig config = ExportConfig.fromEnvironment(env);
        return new ScheduledExport(config, ConnectionSettingsFactory.fromEnvironment(env, FUNCTION_NAME),
            Connector.jdbc(), config.s3().client(), S3DumpExporter.DEFAULT_PART_SIZE, Clock.systemUTC());
    }
}

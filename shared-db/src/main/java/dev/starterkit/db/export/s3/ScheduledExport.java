package dev.starterkit.db.export.s3;

import dev.starterkit.db.connect.ConnectionSettings;
import dev.starterkit.db.connect.Connector;
import dev.starterkit.db.export.DumpListener;
import dev.starterkit.db.export.DumpNames;
import dev.starterkit.db.export.DumpSnapshot;
import dev.starterkit.db.export.ExportException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The export function's work: a full dump of the stage's database on a connection of its own, streamed to
 * {@code s3://<bucket>/<stage>/dump-<stage>-full-<UTC timestamp>.sql.gz}. Each table is logged as it is written, so
 * the log says how far a failed export got.
 */
public final class ScheduledExport {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledExport.class);

    private final ExportConfig config;
    private final ConnectionSettings database;
    private final Connector connector;
    private final S3Client s3;
    private final int partSize;
    private final Clock clock;

    public ScheduledExport(ExportConfig config, ConnectionSettings database, Connector connector, S3Client s3,
                           int partSize, Clock clock) {
        this.config = config;
        this.database = database;
        this.connector = connector;
        this.s3 = s3;
        this.partSize = partSize;
        this.clock = clock;
    }

    /** Exports now; gives up (aborting the upload) at {@code deadline}. */
    public S3ExportResult run(Instant deadline) {
        String key = DumpNames.objectKey(config.stage().id(), clock.instant());
        AtomicReference<String> lastTable = new AtomicReference<>("none");
        DumpListener progress = p -> {
            lastTable.set(p.table());
            LOG.info("Exported table {} ({} of {}): {} rows, {} bytes of SQL", p.table(), p.index(), p.tables(),
                p.rows(), p.bytes());
        };
        LOG.info("Export of {} to s3://{}/{} started; deadline {}", database.redactedTarget(), config.bucket(), key,
            deadline);
        try (Connection connection = connector.connect(database);
             DumpSnapshot snapshot = DumpSnapshot.open(connection)) {
            Map<String, String> extra = Map.of("stage", config.stage().id(), "snapshot-at",
                snapshot.takenAt().toString());
            S3ExportResult result = new S3DumpExporter(s3, config.bucket(), partSize, clock).export(snapshot, key,
                extra, deadline, progress);
            LOG.info("Export complete: s3://{}/{}: {} tables, {} rows, {} bytes of SQL, {} bytes stored in {} parts,"
                + " schema version {}", result.bucket(), result.key(), result.dump().tableRows().size(),
                result.dump().totalRows(), result.dump().bytes(), result.objectBytes(), result.parts(),
                result.dump().schemaVersion());
            return result;
        } catch (SQLException e) {
            throw failed(key, lastTable.get(), new ExportException("Database error: " + e.getMessage(), e));
        } catch (ExportException e) {
            throw failed(key, lastTable.get(), e);
        }
    }

    private ExportException failed(String key, String lastTable, ExportException e) {
        LOG.error("Export to s3://{}/{} failed after table {}; nothing was stored: {}", config.bucket(), key,
            lastTable, e.getMessage());
        return e;
    }
}

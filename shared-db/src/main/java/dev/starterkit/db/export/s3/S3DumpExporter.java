package dev.starterkit.db.export.s3;

import dev.starterkit.db.export.DumpKind;
import dev.starterkit.db.export.DumpListener;
import dev.starterkit.db.export.DumpOptions;
import dev.starterkit.db.export.DumpResult;
import dev.starterkit.db.export.DumpSnapshot;
import dev.starterkit.db.export.ExportException;
import dev.starterkit.db.export.ExportTimeoutException;
import dev.starterkit.db.export.ParallelGzipOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Streams a full dump, gzip-compressed on a few threads ({@link ParallelGzipOutputStream}), into an S3 object with a
 * multipart upload. S3 takes user metadata only when an upload starts, so the snapshot is dumped twice: a first pass
 * that writes nowhere counts the rows and hashes the SQL, the second streams to S3 and must hash the same (the hash
 * is of the SQL before compression). Any failure, or reaching the deadline, aborts the upload: the object either
 * appears whole, with its metadata, or not at all.
 */
public final class S3DumpExporter {

    /** Bytes per part: memory stays near this whatever the database's size (10,000 parts: 80 GiB). */
    public static final int DEFAULT_PART_SIZE = 8 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(S3DumpExporter.class);

    private final S3Client s3;
    private final String bucket;
    private final int partSize;
    private final Clock clock;

    public S3DumpExporter(S3Client s3, String bucket, int partSize, Clock clock) {
        this.s3 = s3;
        this.bucket = bucket;
        this.partSize = partSize;
        this.clock = clock;
    }

    /**
     * Exports the snapshot to {@code key}.
     *
     * @param extraMetadata entries added to the object's metadata (e.g. the stage)
     * @param deadline when to give up (and abort) so that the abort itself still has time to run
     * @param listener hears about each table of the upload pass
     */
    public S3ExportResult export(DumpSnapshot snapshot, String key, Map<String, String> extraMetadata,
                                 Instant deadline, DumpListener listener) {
        DumpOptions full = DumpOptions.of(DumpKind.FULL);
        Runnable checkDeadline = () -> checkDeadline(deadline, key);
        DumpResult measured = snapshot.write(OutputStream.nullOutputStream(), full, p -> checkDeadline.run());
        LOG.info("Pass 1 of 2 measured the dump: {} tables, {} rows, {} bytes of SQL, sha256 {}",
            measured.tableRows().size(), measured.totalRows(), measured.bytes(), measured.sha256());
        MultipartUploadStream upload = new MultipartUploadStream(s3, bucket, key,
            ExportMetadata.of(measured, extraMetadata), partSize, checkDeadline);
        // Closing the gzip stream without finishing it (a failure) stops its threads before the upload is aborted.
        try (ParallelGzipOutputStream gzip = new ParallelGzipOutputStream(upload)) {
            DumpResult written = snapshot.write(gzip, full, p -> {
                checkDeadline.run();
                listener.tableDumped(p);
            });
            gzip.finish();
            if (!written.sha256().equals(measured.sha256()) || written.bytes() != measured.bytes()) {
                throw new ExportException("The dump changed between its two passes (sha256 " + measured.sha256()
                    + " then " + written.sha256() + "); the upload is aborted");
            }
            upload.complete();
            return new S3ExportResult(bucket, key, written, upload.bytes(), upload.parts());
        } catch (IOException | RuntimeException e) {
            abort(upload, e);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ExportException("Uploading s3://" + bucket + "/" + key + " failed: " + e.getMessage(), e);
        }
    }

    private void checkDeadline(Instant deadline, String key) {
        if (!clock.instant().isBefore(deadline)) {
            throw new ExportTimeoutException("The export to s3://" + bucket + "/" + key + " reached its deadline "
                + deadline + " before finishing; nothing is stored");
        }
    }

    private static void abort(MultipartUploadStream upload, Exception cause) {
        try {
            upload.abort();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}

package dev.starterkit.db.export.s3;

import dev.starterkit.db.export.ExportException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * An S3 object written as a multipart upload, one part buffered at a time: memory stays at one part whatever the
 * object's size. The object appears only on {@link #complete()}; {@link #close()} without it, or any failure,
 * aborts the upload so that no partial object ever becomes visible.
 */
public final class MultipartUploadStream extends OutputStream {

    /** S3's smallest part (but the last). */
    public static final int MIN_PART_SIZE = 5 * 1024 * 1024;
    /** S3's largest number of parts. */
    static final int MAX_PARTS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(MultipartUploadStream.class);

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final String uploadId;
    private final byte[] part;
    private final Runnable beforePart;
    private final List<CompletedPart> parts = new ArrayList<>();
    private int size;
    private long bytes;
    private boolean finished;

    /**
     * Starts the upload.
     *
     * @param metadata the object's user metadata (set now: S3 takes it only when an upload starts)
     * @param partSize bytes per part, at least {@link #MIN_PART_SIZE}
     * @param beforePart runs before each part is sent; throws to stop the upload (a deadline)
     */
    public MultipartUploadStream(S3Client s3, String bucket, String key, Map<String, String> metadata, int partSize,
                                 Runnable beforePart) {
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException("Parts must be at least 5 MiB; got " + partSize);
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.part = new byte[partSize];
        this.beforePart = beforePart;
        this.uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).metadata(metadata)
            .contentType("application/gzip")).uploadId();
        LOG.info("Started multipart upload to s3://{}/{}", bucket, key);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        ensureOpen();
        while (length > 0) {
            int chunk = Math.min(length, part.length - size);
            System.arraycopy(buffer, offset, part, size, chunk);
            size += chunk;
            offset += chunk;
            length -= chunk;
            if (size == part.length) {
                sendPart();
            }
        }
    }

    /** Sends the last part and completes the upload: the object becomes visible, whole. */
    public void complete() throws IOException {
        ensureOpen();
        if (size > 0 || parts.isEmpty()) {
            sendPart();
        }
        s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
            .multipartUpload(m -> m.parts(parts)));
        finished = true;
        LOG.info("Completed s3://{}/{}: {} bytes in {} parts", bucket, key, bytes, parts.size());
    }

    /** Aborts the upload, discarding every part sent; does nothing once completed or aborted. */
    public void abort() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
            LOG.warn("Aborted the multipart upload to s3://{}/{} after {} parts", bucket, key, parts.size());
        } catch (RuntimeException e) {
            throw new ExportException("Aborting the upload to s3://" + bucket + "/" + key + " failed; the bucket's"
                + " lifecycle rule removes incomplete uploads", e);
        }
    }

    /** Bytes written so far. */
    public long bytes() {
        return bytes;
    }

    /** Parts sent so far. */
    public int parts() {
        return parts.size();
    }

    /** Aborts unless {@link #complete()} ran. */
    @Override
    public void close() {
        abort();
    }

    private void sendPart() throws IOException {
        if (parts.size() == MAX_PARTS) {
            throw new IOException("The dump needs more than " + MAX_PARTS + " parts of " + part.length + " bytes");
        }
        beforePart.run();
        int number = parts.size() + 1;
        int length = size;
        UploadPartResponse response = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId)
            .partNumber(number).contentLength((long) length),
            RequestBody.fromContentProvider(() -> new ByteArrayInputStream(part, 0, length), length,
                "application/octet-stream"));
        parts.add(CompletedPart.builder().partNumber(number).eTag(response.eTag()).build());
        bytes += length;
        size = 0;
    }

    private void ensureOpen() throws IOException {
        if (finished) {
            throw new IOException("The upload to s3://" + bucket + "/" + key + " is already finished");
        }
    }
}

package dev.starterkit.db.export.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The stream a dump is written to: counts the bytes and hashes them (SHA-256) on their way to the caller's stream,
 * which a second thread writes to ({@link PipelinedOutputStream}). {@link #finish()} waits for everything to be
 * written; {@link #close()} stops the second thread after a failure. The caller's stream stays open.
 */
public final class DumpOutput extends OutputStream {

    private final PipelinedOutputStream target;
    private final MessageDigest sha256;
    private long bytes;

    public DumpOutput(OutputStream target) {
        this.target = new PipelinedOutputStream(target);
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no SHA-256", e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        sha256.update((byte) b);
        bytes++;
        target.write(b);
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        sha256.update(buffer, offset, length);
        bytes += length;
        target.write(buffer, offset, length);
    }

    /** Writes SQL text as UTF-8. */
    public void text(String sql) throws IOException {
        write(sql.getBytes(StandardCharsets.UTF_8));
    }

    /** Bytes written so far. */
    public long bytes() {
        return bytes;
    }

    /** The hex SHA-256 of everything written; call once, at the end. */
    public String sha256() {
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** Waits until the caller's stream has everything, and flushes it. */
    public void finish() throws IOException {
        target.finish();
    }

    /** Stops writing (after a failure) without waiting for what is queued. */
    @Override
    public void close() throws IOException {
        target.close();
    }
}

package dev.starterkit.db.export.s3;

import dev.starterkit.db.export.RestoreException;
import java.io.InputStream;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An object named {@code s3://bucket/key}, for restoring an export.
 *
 * @param bucket the bucket
 * @param key the object key
 */
public record S3Location(String bucket, String key) {

    /** Whether {@code text} names an S3 object rather than a file. */
    public static boolean isS3(String text) {
        return text.startsWith("s3://");
    }

    /** Parses {@code s3://bucket/key}. */
    public static S3Location parse(String text) {
        String rest = isS3(text) ? text.substring("s3://".length()) : "";
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            throw new RestoreException("'" + text + "' is not an s3://bucket/key location");
        }
        return new S3Location(rest.substring(0, slash), rest.substring(slash + 1));
    }

    /** Streams the object's content; the caller closes the stream. */
    public InputStream open(S3Client s3) {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key));
        } catch (RuntimeException e) {
            throw new RestoreException("Reading " + this + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + key;
    }
}

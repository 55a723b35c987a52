package dev.starterkit.db.export.s3;

import dev.starterkit.db.export.DumpResult;

/**
 * An export that completed: where the object is and what it holds.
 *
 * @param bucket the bucket
 * @param key the object key
 * @param dump what was dumped (row counts, SHA-256 of the SQL, schema version)
 * @param objectBytes the object's (compressed) size
 * @param parts the number of parts uploaded
 */
public record S3ExportResult(String bucket, String key, DumpResult dump, long objectBytes, int parts) {
}

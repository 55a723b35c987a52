package dev.starterkit.db.export.s3;

import dev.starterkit.db.env.EnvironmentConfigException;
import dev.starterkit.db.env.ResolvedEnvironment;
import dev.starterkit.db.env.Stage;
import dev.starterkit.db.env.Variable;

/**
 * The scheduled export's configuration, read once: the bucket ({@code EXPORT_BUCKET}), the stage whose prefix it
 * writes under ({@code STAGE}) and how to reach S3. A missing or malformed value stops start-up with a message that
 * names the variable.
 *
 * @param bucket the export bucket
 * @param stage the stage: objects go to {@code <stage>/}
 * @param s3 endpoint, region and credentials
 */
public record ExportConfig(String bucket, Stage stage, S3Settings s3) {

    private static final String BUCKET_NAME = "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]";

    /** Reads and checks the configuration. */
    public static ExportConfig fromEnvironment(ResolvedEnvironment env) {
        Variable bucket = env.require("EXPORT_BUCKET");
        if (!bucket.value().strip().matches(BUCKET_NAME)) {
            throw new EnvironmentConfigException(bucket + " must be an S3 bucket name (3-63 lowercase letters,"
                + " digits, dots and hyphens); got '" + bucket.value() + "'");
        }
        return new ExportConfig(bucket.value().strip(), env.stage(), S3Settings.fromEnvironment(env));
    }
}

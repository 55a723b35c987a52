package dev.starterkit.db.snapstart;

import java.lang.reflect.Field;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.jdbc.plugin.AwsSecretsManagerConnectionPlugin;
import software.amazon.jdbc.plugin.TokenInfo;
import software.amazon.jdbc.util.CoreServicesContainer;
import software.amazon.jdbc.util.storage.StorageService;

/**
 * Drops the credentials the AWS Advanced JDBC Wrapper (4.3) caches statically: Secrets Manager secrets, pending
 * secret refreshes and the IAM and federated plugins' RDS auth tokens.
 */
public final class CredentialCaches {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialCaches.class);
    private static final String SECRETS_PLUGIN_2 = "software.amazon.jdbc.plugin.AwsSecretsManagerConnectionPlugin2";

    private CredentialCaches() {
    }

    /** Clears every cache; returns how many entries held credentials. */
    public static int clear() {
        StorageService storage = CoreServicesContainer.getInstance().getStorageService();
        int dropped = storage.size(TokenInfo.class) + secretCount(storage);
        // The plugin's own clearCache() clears the Secret entries of the shared storage service.
        AwsSecretsManagerConnectionPlugin.clearCache();
        // IamAuthConnectionPlugin.clearCache() clears topology, not tokens (4.3.0): clear the token class itself.
        storage.clear(TokenInfo.class);
        dropped += clearPendingRefreshes();
        return dropped;
    }

    private static int secretCount(StorageService storage) {
        try {
            return storage.size(Class.forName(AwsSecretsManagerConnectionPlugin.class.getName() + "$Secret"));
        } catch (ClassNotFoundException e) {
            LOG.debug("The wrapper has no Secret class to count: {}", e.getMessage());
            return 0;
        }
    }

    private static int clearPendingRefreshes() {
        try {
            Field field = Class.forName(SECRETS_PLUGIN_2).getDeclaredField("pendingRefreshes");
            field.setAccessible(true);
            Map<?, ?> pending = (Map<?, ?>) field.get(null);
            int size = pending.size();
            pending.clear();
            return size;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // A wrapper version without this field has nothing of the kind to clear.
            LOG.debug("No pending Secrets Manager refreshes to clear: {}", e.toString());
            return 0;
        }
    }
}

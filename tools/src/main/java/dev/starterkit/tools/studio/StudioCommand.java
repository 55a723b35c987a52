package dev.starterkit.tools.studio;

import dev.starterkit.db.connect.ConnectionSettings;
import dev.starterkit.db.connect.Connector;
import dev.starterkit.db.connect.SharedConnection;
import dev.starterkit.db.connect.SharedConnectionDataSource;
import dev.starterkit.db.env.Stage;
import dev.starterkit.tools.db.CliContext;
import dev.starterkit.tools.db.CliUsageException;
import dev.starterkit.tools.db.Subcommand;
import java.util.List;
import java.util.Set;

/**
 * {@code bin/db studio [--port N] [--write]}: a browser UI for the database on loopback, until Ctrl-C. Read-only on
 * prod unless {@code --write} (which asks first there).
 */
public final class StudioCommand implements Subcommand {

    /** The port Drizzle Studio uses, kept for muscle memory. */
    public static final int DEFAULT_PORT = 4983;

    @Override
    public String name() {
        return "studio";
    }

    @Override
    public String summary() {
        return "browse and edit rows in a local web UI [--port N] [--write] (read-only on prod without --write)";
    }

    @Override
    public int run(CliContext context) throws Exception {
        context.args().requireOnly(Set.of("port", "write"));
        int port = port(context.args().values("port"));
        boolean write = context.args().options().containsKey("write");
        boolean writable = context.stage() != Stage.PROD || write;
        if (write) {
            context.confirmChange("Open the studio with writes");
        }
        ConnectionSettings settings = context.connectionSettings();
        StudioSettings studio = new StudioSettings(port, writable, context.stage().toString(),
            settings.redactedTarget());
        try (SharedConnection connection = new SharedConnection(settings, Connector.jdbc());
             StudioServer server = StudioServer.start(new SharedConnectionDataSource(connection), studio)) {
            Thread stop = new Thread(server::close, "studio-stop");
            Runtime.getRuntime().addShutdownHook(stop);
            context.out().printf("Studio for %s (%s)%s%n  %s%nCtrl-C stops it.%n", context.stage(),
                context.databaseDescription(), writable ? "" : ", read-only (--write to change rows)", server.url());
            server.awaitClose();
        }
        return 0;
    }

    private static int port(List<String> values) {
        if (values.isEmpty()) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(values.get(values.size() - 1));
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below, like a number out of range
        }
        throw new CliUsageException("--port must be a number from 0 to 65535");
    }
}

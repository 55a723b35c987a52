package dev.starterkit.tools.db;

import dev.starterkit.db.connect.ConnectionSettings;
import dev.starterkit.db.connect.ConnectionSettingsFactory;
import dev.starterkit.db.env.ResolvedEnvironment;
import dev.starterkit.db.env.Stage;
import dev.starterkit.db.env.Variable;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What a command works with: its arguments, the resolved environment, output streams, the confirmation prompt,
 * and the database to connect to (the local embedded one for dev and test when {@code DATABASE_URL} is unset).
 */
public final class CliContext implements AutoCloseable {

    /** The JDBC {@code ApplicationName} of the command line's connections. */
    public static final String APPLICATION_NAME = "db-cli";

    private final CliArgs args;
    private final Path projectDir;
    private final PrintStream out;
    private final Confirmer confirmer;
    private ResolvedEnvironment env;
    private LocalPostgres local;

    public CliContext(CliArgs args, ResolvedEnvironment env, Path projectDir, PrintStream out, Confirmer confirmer) {
        this.args = args;
        this.env = env;
        this.projectDir = projectDir;
        this.out = out;
        this.confirmer = args.yes() ? Confirmer.yes() : confirmer;
    }

    public CliArgs args() {
        return args;
    }

    public ResolvedEnvironment env() {
        return env;
    }

    public Stage stage() {
        return env.stage();
    }

    public PrintStream out() {
        return out;
    }

    /** The project's root directory (where {@code backups/} and the env files live). */
    public Path projectDir() {
        return projectDir;
    }

    /** Asks when the stage is protected; returns normally when the change may go ahead. */
    public void confirmChange(String what) {
        if (stage().isProtected()) {
            confirmer.confirm(what + " on " + stage() + " (" + databaseDescription() + ")?");
        }
    }

    /** Asks whatever the stage: for destructive statements. */
    public void confirmDestructive(String what) {
        confirmer.confirm(what);
    }

    /** The environment's {@code DATABASE_URL}, or the local database for dev and test when it is unset. */
    public ConnectionSettings connectionSettings() {
        if (env.find("DATABASE_URL").isEmpty() && env.find("DB_PROXY_ENDPOINT").isEmpty()
            && (stage() == Stage.DEV || stage() == Stage.TEST)) {
            if (local == null) {
                local = LocalPostgres.start(projectDir, localPort());
            }
            env = env.with(new Variable("DATABASE_URL", local.url(), LocalPostgres.description()));
        }
        return ConnectionSettingsFactory.fromEnvironment(env, APPLICATION_NAME);
    }

    /** The redacted target and where its setting came from. */
    public String databaseDescription() {
        ConnectionSettings settings = connectionSettings();
        String source = env.find("DATABASE_URL").map(Variable::source).orElse("DB_PROXY_ENDPOINT");
        return settings.redactedTarget() + " (from " + source + ")";
    }

    private int localPort() {
        return env.value("LOCAL_PG_PORT").map(Integer::parseInt).orElse(LocalPostgres.DEFAULT_PORT);
    }

    @Override
    public void close() {
        if (local != null) {
            local.close();
        }
    }
}

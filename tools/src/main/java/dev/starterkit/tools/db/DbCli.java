package dev.starterkit.tools.db;

import dev.starterkit.db.env.EnvironmentConfigException;
import dev.starterkit.db.env.EnvironmentLoader;
import dev.starterkit.db.env.ResolvedEnvironment;
import dev.starterkit.tools.studio.StudioCommand;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/db <command>[:<env>] [--env dev|test|staging|prod] [--yes]}: the database command line for local
 * work. Exit codes: 0 done, 1 failed, 2 bad usage or configuration, 3 aborted at a confirmation.
 */
public final class DbCli {

    private final Map<String, Subcommand> commands = new LinkedHashMap<>();
    private final PrintStream out;
    private final PrintStream err;
    private final Confirmer confirmer;

    public DbCli(PrintStream out, PrintStream err, Confirmer confirmer) {
        this.out = out;
        this.err = err;
        this.confirmer = confirmer;
        for (Subcommand command : List.of(new MigrateCommand(), new SeedCommand(), new InfoCommand(),
            new GenerateCommand(),
            new CheckCommand(),
            new IntrospectCommand(),
            new PushCommand(),
            new ExportCommand(),
            new RestoreCommand(),
            new StudioCommand())) {
            commands.put(command.name(), command);
        }
    }

    /** This command line with {@code command} registered, replacing one of the same name (tests pass fixtures). */
    public DbCli with(Subcommand command) {
        commands.put(command.name(), command);
        return this;
    }

    public static void main(String[] args) {
        BufferedReader terminal = System.console() == null ? null
            : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int code = new DbCli(System.out, System.err, Confirmer.ask(terminal, System.out))
            .run(args, System.getenv(), projectDir());
        System.exit(code);
    }

    /** Runs one command line against the given process environment and project directory. */
    public int run(String[] argv, Map<String, String> processEnv, Path projectDir) {
        CliArgs args;
        try {
            args = CliArgs.parse(argv);
        } catch (CliUsageException e) {
            return usage(e.getMessage());
        }
        Subcommand command = commands.get(args.command());
        if (command == null) {
            return usage(args.command().equals("help") ? null : "unknown command '" + args.command() + "'");
        }
        try {
            ResolvedEnvironment env = EnvironmentLoader.load(args.env(), processEnv, projectDir);
            try (CliContext context = new CliContext(args, env, projectDir, out, confirmer)) {
                return command.run(context);
            }
        } catch (CliUsageException e) {
            return usage(e.getMessage());
        } catch (EnvironmentConfigException e) {
            err.println("Configuration error: " + e.getMessage());
            return 2;
        } catch (CliAbortedException e) {
            err.println(e.getMessage());
            return 3;
        } catch (Exception e) {
            err.println(args.command() + " failed: " + Messages.rootCause(e));
            return 1;
        }
    }

    private int usage(String problem) {
        if (problem != null) {
            err.println("bin/db: " + problem);
        }
        PrintStream target = problem == null ? out : err;
        target.println("Usage: bin/db <command>[:<env>] [--env dev|test|staging|prod] [--yes]");
        commands.values().forEach(c -> target.printf("  %-10s %s%n", c.name(), c.summary()));
        return problem == null ? 0 : 2;
    }

    private static Path projectDir() {
        String root = System.getenv("PROJECT_ROOT");
        return Path.of(root != null ? root : System.getProperty("user.dir")).toAbsolutePath();
    }
}

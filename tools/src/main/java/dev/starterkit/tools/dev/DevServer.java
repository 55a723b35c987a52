package dev.starterkit.tools.dev;

import dev.starterkit.api.ApiRuntime;
import dev.starterkit.db.connect.ConnectionSettingsFactory;
import dev.starterkit.db.connect.Connector;
import dev.starterkit.db.connect.UnpooledDataSource;
import dev.starterkit.db.env.EnvironmentConfigException;
import dev.starterkit.db.env.EnvironmentLoader;
import dev.starterkit.db.env.ResolvedEnvironment;
import dev.starterkit.db.env.Variable;
import dev.starterkit.db.migrate.Migrator;
import dev.starterkit.db.seed.Seeder;
import dev.starterkit.tools.db.LocalPostgres;
import dev.starterkit.tools.template.FunctionSpec;
import dev.starterkit.tools.template.SamTemplate;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code bin/dev}: serves every HTTP API function of {@code template.yaml} on {@code http://127.0.0.1:3000} with
 * the dev stage's database (the embedded one in {@code .local/} when {@code DATABASE_URL} is unset), after applying
 * migrations and the dev seeds. Options: {@code --port N} (0 picks a free port), {@code --envs N} execution
 * environments per function (default 2).
 */
public final class DevServer {

    private DevServer() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(Optional.ofNullable(System.getenv("PROJECT_ROOT")).orElse(".")).toAbsolutePath();
        int port = intOption(args, "--port", 3000);
        int envs = intOption(args, "--envs", 2);
        ResolvedEnvironment env;
        try {
            env = EnvironmentLoader.load(Optional.of(stageOption(args)), System.getenv(), root);
        } catch (EnvironmentConfigException e) {
            System.err.println("Configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        LocalPostgres local = null;
        if (env.find("DATABASE_URL").isEmpty()) {
            local = LocalPostgres.start(root, env.value("LOCAL_PG_PORT").map(Integer::parseInt)
                .orElse(LocalPostgres.DEFAULT_PORT));
            env = env.with(new Variable("DATABASE_URL", local.url(), LocalPostgres.description()));
        }
        prepareDatabase(env);
        Path template = stringOption(args, "--template").map(Path::of).orElse(root.resolve("template.yaml"));
        List<FunctionSpec> functions = SamTemplate.read(template).functions();
        ResolvedEnvironment base = env;
        LocalApiServer server = new LocalApiServer(functions, envs, f -> ApiRuntime.newHandler(f.handlerClass(),
            base.withDefaults(f.literalEnvironment(), "template.yaml"), f.logicalId()), port);
        CountDownLatch stopped = new CountDownLatch(1);
        LocalPostgres database = local;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            if (database != null) {
                database.close();
            }
            stopped.countDown();
        }));
        System.out.printf("API on http://127.0.0.1:%d (%s, %d environments per function)%n", server.port(),
            env.stage(), envs);
        functions.forEach(f -> f.routes().forEach(r -> System.out.printf("  %-45s %s%n", r.routeKey(),
            f.logicalId())));
        stopped.await();
    }

    private static void prepareDatabase(ResolvedEnvironment env) {
        UnpooledDataSource ds = new UnpooledDataSource(
            ConnectionSettingsFactory.fromEnvironment(env, "bin-dev"), Connector.jdbc());
        new Migrator(ds).migrate();
        new Seeder(ds).seed(env.stage());
    }

    private static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    private static String stageOption(String[] args) {
        return stringOption(args, "--env").orElse("dev");
    }

    private static Optional<String> stringOption(String[] args, String name) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Optional.of(args[i + 1]);
            }
        }
        return Optional.empty();
    }
}

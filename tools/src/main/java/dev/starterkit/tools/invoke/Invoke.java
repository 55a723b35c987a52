package dev.starterkit.tools.invoke;

import dev.starterkit.db.env.EnvironmentLoader;
import dev.starterkit.db.env.ResolvedEnvironment;
import dev.starterkit.tools.db.LocalPostgres;
import dev.starterkit.tools.template.FunctionSpec;
import dev.starterkit.tools.template.SamTemplate;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code bin/invoke <LogicalId> <event.json>}: starts a fresh JVM with the function's class path and environment
 * (template literals, then env files and the process environment, which win) and runs its handler once with the
 * event, the way {@code sam local invoke} does. Without {@code DATABASE_URL}, dev and test use the local database.
 */
public final class Invoke {

    private Invoke() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(Optional.ofNullable(System.getenv("PROJECT_ROOT")).orElse(".")).toAbsolutePath();
        System.exit(run(root, root.resolve("template.yaml"), args, System.getenv(), ProcessBuilder.Redirect.INHERIT));
    }

    /** Runs the invocation and returns the child's exit code; its output goes to {@code output}. */
    public static int run(Path root, Path template, String[] args, Map<String, String> processEnv,
                          ProcessBuilder.Redirect output) throws Exception {
        if (args.length != 2) {
            System.err.println("Usage: bin/invoke <LogicalId> <event.json>");
            return 2;
        }
        FunctionSpec function;
        try {
            function = SamTemplate.read(template).function(args[0]);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        Path event = Path.of(args[1]).toAbsolutePath();
        if (!Files.isRegularFile(event)) {
            System.err.println("No event file " + event);
            return 2;
        }
        ProcessBuilder child = new ProcessBuilder(command(root, function, event))
            .redirectOutput(output).redirectError(ProcessBuilder.Redirect.INHERIT).directory(root.toFile());
        child.environment().clear();
        child.environment().putAll(processEnv);
        LocalPostgres local = prepareEnvironment(root, function, child.environment());
        try {
            return child.start().waitFor();
        } finally {
            if (local != null) {
                local.close();
            }
        }
    }

    private static List<String> command(Path root, FunctionSpec function, Path event) throws IOException {
        Path module = root.resolve(function.codeUri());
        Path classpathFile = module.resolve("target/classpath.txt");
        if (!Files.isRegularFile(classpathFile)) {
            throw new IllegalStateException(function.logicalId() + ": no build output under " + module
                + "/target; run ./mvnw package -DskipTests");
        }
        String classpath = String.join(File.pathSeparator, module.resolve("target/classes").toString(),
            Files.readString(classpathFile).strip(), System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString(), "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-cp", classpath,
            InvokeRunner.class.getName(), function.logicalId(), function.handlerClass(), function.handlerMethod(),
            event.toString()));
        return command;
    }

    private static LocalPostgres prepareEnvironment(Path root, FunctionSpec function, Map<String, String> env) {
        Map<String, String> process = Map.copyOf(env);
        env.clear();
        env.putAll(function.literalEnvironment());
        env.putAll(process);
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.logicalId());
        env.putIfAbsent("AWS_REGION", "us-east-1");
        ResolvedEnvironment resolved = EnvironmentLoader.load(Optional.empty(), env, root);
        if (resolved.find("DATABASE_URL").isPresent() || resolved.find("DB_PROXY_ENDPOINT").isPresent()) {
            return null;
        }
        LocalPostgres local = LocalPostgres.start(root, resolved.value("LOCAL_PG_PORT").map(Integer::parseInt)
            .orElse(LocalPostgres.DEFAULT_PORT));
        env.put("DATABASE_URL", local.url());
        return local;
    }
}

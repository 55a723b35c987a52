package dev.starterkit.db.env;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the stage and loads configuration: {@code --env}, else {@code ENVIRONMENT}, else {@code STAGE}, else
 * {@code NODE_ENV} (production, staging, test, development), else {@code dev}; then {@code .env.{stage}.local},
 * {@code .env.local} and {@code .env} from the project directory, in that priority, under the process environment.
 */
public final class EnvironmentLoader {

    private EnvironmentLoader() {
    }

    /** Loads from the real process environment and the working directory (or {@code PROJECT_ROOT}). */
    public static ResolvedEnvironment load(Optional<String> cliEnv) {
        Map<String, String> process = System.getenv();
        Path dir = Path.of(process.getOrDefault("PROJECT_ROOT", System.getProperty("user.dir")));
        return load(cliEnv, process, dir);
    }

    /** Loads from the given process variables and project directory. */
    public static ResolvedEnvironment load(Optional<String> cliEnv, Map<String, String> process, Path projectDir) {
        String[] chosen = chooseStage(cliEnv, process);
        Stage stage = chosen[1] == null ? Stage.DEV : Stage.parse(chosen[1], chosen[0]);
        String stageSource = chosen[1] == null ? "default" : chosen[0];

        List<Path> loaded = new ArrayList<>();
        Map<String, Variable> variables = new HashMap<>();
        for (String name : List.of(".env." + stage.id() + ".local", ".env.local", ".env")) {
            Path file = projectDir.resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            loaded.add(file);
            DotenvParser.parse(file).forEach((key, value) ->
                variables.putIfAbsent(key, new Variable(key, value, name)));
        }
        process.forEach((key, value) -> variables.put(key, new Variable(key, value, "process environment")));
        return new ResolvedEnvironment(stage, stageSource, loaded, variables);
    }

    private static String[] chooseStage(Optional<String> cliEnv, Map<String, String> process) {
        if (cliEnv.isPresent()) {
            return new String[] {"--env", cliEnv.get()};
        }
        for (String name : List.of("ENVIRONMENT", "STAGE")) {
            String value = process.get(name);
            if (value != null && !value.isBlank()) {
                return new String[] {name, value};
            }
        }
        String nodeEnv = process.get("NODE_ENV");
        if (nodeEnv != null && Stage.fromNodeEnv(nodeEnv) != null) {
            return new String[] {"NODE_ENV", Stage.fromNodeEnv(nodeEnv).id()};
        }
        return new String[] {"default", null};
    }
}

package dev.starterkit.db.env;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration of one run: the stage, how it was chosen, which env files were loaded and every variable
 * with its source. A variable set in the process wins over every file.
 *
 * @param stage the stage
 * @param stageSource what chose the stage, for example {@code "--env"} or {@code "STAGE"}
 * @param loadedFiles env files that existed and were read, highest priority first
 * @param variables every variable, by name
 */
public record ResolvedEnvironment(Stage stage, String stageSource, List<Path> loadedFiles,
                                  Map<String, Variable> variables) {

    public ResolvedEnvironment {
        loadedFiles = List.copyOf(loadedFiles);
        variables = Map.copyOf(variables);
    }

    /** The variable, if set to a non-blank value. */
    public Optional<Variable> find(String name) {
        Variable variable = variables.get(name);
        return variable == null || variable.value().isBlank() ? Optional.empty() : Optional.of(variable);
    }

    /** The value, if set to a non-blank value. */
    public Optional<String> value(String name) {
        return find(name).map(Variable::value);
    }

    /** The variable; a missing one stops with an error that names it and the places looked in. */
    public Variable require(String name) {
        return find(name).orElseThrow(() -> new EnvironmentConfigException(
            name + " is not set (looked in: " + lookedIn() + ")"));
    }

    /** A copy with {@code variable} set, replacing any value it had. */
    public ResolvedEnvironment with(Variable variable) {
        Map<String, Variable> copy = new HashMap<>(variables);
        copy.put(variable.name(), variable);
        return new ResolvedEnvironment(stage, stageSource, loadedFiles, copy);
    }

    /** A copy with {@code defaults} added where no variable of that name is set; their source is {@code source}. */
    public ResolvedEnvironment withDefaults(Map<String, String> defaults, String source) {
        Map<String, Variable> copy = new HashMap<>(variables);
        defaults.forEach((name, value) -> copy.putIfAbsent(name, new Variable(name, value, source)));
        return new ResolvedEnvironment(stage, stageSource, loadedFiles, copy);
    }

    /** Where variables were looked for, for error messages. */
    public String lookedIn() {
        StringBuilder places = new StringBuilder("process environment");
        for (Path file : loadedFiles) {
            places.append(", ").append(file.getFileName());
        }
        return places.toString();
    }
}

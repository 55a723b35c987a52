package dev.starterkit.bench.coldstart;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One fresh JVM with Lambda's flags: the milliseconds from {@code ProcessBuilder.start()} to each line the child
 * prints ({@code main}, {@code ready}, {@code response ...}, {@code hello}), keyed by the line's first word.
 */
record Launch(Map<String, Double> millis, List<String> lines) {

    static final List<String> LAMBDA_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");

    static Launch run(String classPath, String mainClass, Map<String, String> env, List<String> jvmArgs,
                      List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAMBDA_FLAGS);
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(args);
        Path errors = Files.createTempFile("coldstart", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
        builder.environment().remove("REDIS_URL");
        builder.environment().remove("STAGE");
        builder.environment().remove("DATABASE_URL");
        builder.environment().putAll(env);
        Map<String, Double> millis = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        long start = System.nanoTime();
        Process process = builder.start();
        try (BufferedReader out = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                millis.putIfAbsent(line.split(" ", 2)[0], (System.nanoTime() - start) / 1e6);
                lines.add(line);
            }
        }
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(mainClass + " exited with " + exit + ": " + Files.readString(errors));
        }
        Files.delete(errors);
        return new Launch(millis, lines);
    }

    double at(String marker) {
        Double value = millis.get(marker);
        if (value == null) {
            throw new IllegalStateException("no '" + marker + "' line in " + lines);
        }
        return value;
    }
}

package dev.starterkit.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The environment variables main sources read, found by their shape in the code: a name in upper snake case passed
 * to an environment lookup ({@code System.getenv("X")}, {@code env.require("X")}, {@code env.find("X")},
 * {@code env.value("X")}, helpers such as {@code integer(env, "X", ...)} or {@code flag(env, "X")},
 * {@code process.get("X")}, {@code getOrDefault("X", ...)}, {@code List.of("X", ...)} of names to try), directly
 * or through a {@code static final String} constant of the same file.
 */
final class EnvironmentReads {

    private static final String NAME = "[A-Z][A-Z0-9_]*";
    private static final Pattern LOOKUP = Pattern.compile("\\b(?:getenv|require|value|find|flag|integer|number|"
        + "bool|string|duration|getOrDefault|containsKey)\\(\\s*(?:[a-z][\\w.]*\\s*,\\s*)?(?:\"(" + NAME
        + ")\"|(" + NAME + "))\\s*[,)]");
    private static final Pattern GET = Pattern.compile(
        "\\b(?:env|environment|process|variables|getenv\\(\\))\\s*\\.get\\(\\s*\"(" + NAME + ")\"");
    private static final Pattern NAME_LIST = Pattern.compile("\\b(?:List|Set)\\.of\\(([^)]*)\\)");
    private static final Pattern QUOTED = Pattern.compile("\"(" + NAME + ")\"");
    private static final Pattern CONSTANT = Pattern.compile(
        "static\\s+final\\s+String\\s+(" + NAME + ")\\s*=\\s*\"(" + NAME + ")\"\\s*;");
    /** Names in lists of names to try; other upper-case strings in lists are not taken for variables. */
    private static final Pattern LIKELY_VARIABLE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+|STAGE|ENVIRONMENT");

    private EnvironmentReads() {
    }

    /** Every variable read by the {@code .java} files under {@code sourceRoot}. */
    static Set<String> in(Path sourceRoot) {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> names.addAll(inFile(read(f))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    static Set<String> inFile(String source) {
        Map<String, String> constants = new HashMap<>();
        Matcher constant = CONSTANT.matcher(source);
        while (constant.find()) {
            constants.put(constant.group(1), constant.group(2));
        }
        Set<String> names = new TreeSet<>();
        Matcher lookup = LOOKUP.matcher(source);
        while (lookup.find()) {
            String name = lookup.group(1) != null ? lookup.group(1) : constants.get(lookup.group(2));
            if (name != null && LIKELY_VARIABLE.matcher(name).matches()) {
                names.add(name);
            }
        }
        Matcher list = NAME_LIST.matcher(source);
        while (list.find()) {
            Matcher quoted = QUOTED.matcher(list.group(1));
            while (quoted.find()) {
                if (LIKELY_VARIABLE.matcher(quoted.group(1)).matches()) {
                    names.add(quoted.group(1));
                }
            }
        }
        Matcher get = GET.matcher(source);
        while (get.find()) {
            names.add(get.group(1));
        }
        return names;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

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
 * The environment variables main sources read, by Java package, found by their shape in the code: a name in upper snake case passed
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

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    /** A reference to a project package: lower-case segments after {@code dev.starterkit}, up to a class name. */
    private static final Pattern PROJECT_PACKAGE = Pattern.compile("\\bdev\\.starterkit(?:\\.[a-z_][a-z0-9_]*)+");

    private final Map<String, Set<String>> readsByPackage = new HashMap<>();
    private final Map<String, Set<String>> usesByPackage = new HashMap<>();

    private EnvironmentReads() {
    }

    /** The reads and package references of every {@code .java} file under the given source roots. */
    static EnvironmentReads of(Path... sourceRoots) {
        EnvironmentReads reads = new EnvironmentReads();
        for (Path root : sourceRoots) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> reads.add(read(f)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return reads;
    }

    /** Every variable read under {@code sourceRoot}, whatever the package. */
    static Set<String> in(Path sourceRoot) {
        Set<String> names = new TreeSet<>();
        of(sourceRoot).readsByPackage.values().forEach(names::addAll);
        return names;
    }

    /** The packages declared in these sources. */
    Set<String> packages() {
        return new TreeSet<>(usesByPackage.keySet());
    }

    /**
     * The variables read by the code of {@code start} and of every package it refers to, directly or through
     * other packages (an import, or a fully qualified name): what a function built from those packages may read.
     */
    Set<String> reachableFrom(Set<String> start) {
        Set<String> seen = new TreeSet<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(start);
        while (!todo.isEmpty()) {
            String pkg = todo.pop();
            if (seen.add(pkg)) {
                todo.addAll(usesByPackage.getOrDefault(pkg, Set.of()));
            }
        }
        Set<String> names = new TreeSet<>();
        seen.forEach(pkg -> names.addAll(readsByPackage.getOrDefault(pkg, Set.of())));
        return names;
    }

    /** Adds one source file (tests of this class). */
    void addForTest(String source) {
        add(source);
    }

    private void add(String source) {
        Matcher declared = PACKAGE.matcher(source);
        String pkg = declared.find() ? declared.group(1) : "";
        readsByPackage.computeIfAbsent(pkg, k -> new TreeSet<>()).addAll(inFile(source));
        Set<String> uses = usesByPackage.computeIfAbsent(pkg, k -> new TreeSet<>());
        Matcher reference = PROJECT_PACKAGE.matcher(source);
        while (reference.find()) {
            if (!reference.group().equals(pkg)) {
                uses.add(reference.group());
            }
        }
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

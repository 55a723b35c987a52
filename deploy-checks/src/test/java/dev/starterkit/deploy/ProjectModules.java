package dev.starterkit.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The project's own modules under {@code functions/} that a module depends on (custom-resource, for one). */
final class ProjectModules {

    /** The module's artifactId: the first one after the parent block. */
    private static final Pattern ARTIFACT_ID = Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>");

    private ProjectModules() {
    }

    static List<Path> dependencies(Path module) throws IOException {
        String pom = Files.readString(module.resolve("pom.xml"));
        List<Path> found = new ArrayList<>();
        try (Stream<Path> siblings = Files.list(ProjectFiles.root().resolve("functions"))) {
            siblings.filter(dir -> !dir.equals(module) && Files.isRegularFile(dir.resolve("pom.xml")))
                .forEach(dir -> {
                    Matcher id = ARTIFACT_ID.matcher(read(dir.resolve("pom.xml")));
                    if (id.find() && pom.contains("<artifactId>" + id.group(1) + "</artifactId>")) {
                        found.add(dir);
                    }
                });
        }
        return found;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

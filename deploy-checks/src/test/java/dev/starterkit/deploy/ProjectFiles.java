package dev.starterkit.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the project's files are: the folder holding {@code template.yaml} and the root {@code pom.xml}. */
final class ProjectFiles {

    private ProjectFiles() {
    }

    static Path root() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("template.yaml")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("No template.yaml above " + dir);
    }

    static Path template() {
        return root().resolve("template.yaml");
    }
}

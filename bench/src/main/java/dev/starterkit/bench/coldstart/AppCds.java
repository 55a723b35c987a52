package dev.starterkit.bench.coldstart;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An experiment, not what is deployed: the same artifact with an application class-data sharing archive made by
 * one training run. CDS accepts jars only, so the class directories are jarred first.
 */
final class AppCds {

    private AppCds() {
    }

    /** The class path with directories replaced by jars, and the JVM flag that maps the trained archive. */
    static Map.Entry<String, String> train(String classPath, String mainClass, Map<String, String> env,
                                            List<String> args) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("coldstart-cds");
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : classPath.split(File.pathSeparator)) {
            if (Files.isDirectory(Path.of(entry))) {
                Path jar = dir.resolve("classes-" + n++ + ".jar");
                Process jarTool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jar").toString(),
                    "cf", jar.toString(), "-C", entry, ".").inheritIO().start();
                if (jarTool.waitFor() != 0) {
                    throw new IllegalStateException("jar failed for " + entry);
                }
                entries.add(jar.toString());
            } else {
                entries.add(entry);
            }
        }
        String jarred = String.join(File.pathSeparator, entries);
        Path archive = dir.resolve("app.jsa");
        Launch.run(jarred, mainClass, env, List.of("-XX:ArchiveClassesAtExit=" + archive), args);
        if (!Files.exists(archive)) {
            throw new IllegalStateException("the training run wrote no archive");
        }
        return Map.entry(jarred, "-XX:SharedArchiveFile=" + archive);
    }
}

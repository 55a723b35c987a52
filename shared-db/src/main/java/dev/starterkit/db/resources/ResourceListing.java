package dev.starterkit.db.resources;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Lists and reads the files of a class-path folder such as {@code db/migration}, whether the folder is a
 * directory (tests, an unpacked Lambda artifact) or inside a jar.
 */
public final class ResourceListing {

    private ResourceListing() {
    }

    /** The names of the files directly in {@code folder}, sorted; empty when the folder does not exist. */
    public static List<String> list(ClassLoader loader, String folder) {
        TreeSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> urls = loader.getResources(folder);
            while (urls.hasMoreElements()) {
                collect(urls.nextElement(), folder, names);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list class-path folder " + folder, e);
        }
        return new ArrayList<>(names);
    }

    /** The text of {@code folder/name}, as UTF-8. */
    public static String read(ClassLoader loader, String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No class-path resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read class-path resource " + path, e);
        }
    }

    private static void collect(URL url, String folder, TreeSet<String> names) throws IOException {
        if ("file".equals(url.getProtocol())) {
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                files.filter(Files::isRegularFile).forEach(p -> names.add(p.getFileName().toString()));
            } catch (URISyntaxException e) {
                throw new IOException("Bad class-path URL " + url, e);
            }
        } else if ("jar".equals(url.getProtocol())) {
            JarURLConnection connection = (JarURLConnection) url.openConnection();
            connection.setUseCaches(false);
            String prefix = folder.endsWith("/") ? folder : folder + "/";
            try (JarFile jar = connection.getJarFile()) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    String name = entries.nextElement().getName();
                    String rest = name.startsWith(prefix) ? name.substring(prefix.length()) : "";
                    if (!rest.isEmpty() && !rest.contains("/")) {
                        names.add(rest);
                    }
                }
            }
        }
    }
}

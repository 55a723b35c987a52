package dev.starterkit.bench.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of a shell pipeline under {@code /usr/bin/time}: its wall time, and the peak RSS of each timed process
 * (a pipeline's memory is the sum of its processes' peaks).
 *
 * @param seconds wall time of the whole pipeline
 * @param peakRssKb sum of the timed processes' peak resident set sizes, in KiB
 * @param outputBytes size of the file written
 */
record Measurement(double seconds, long peakRssKb, long outputBytes) {

    /**
     * Runs {@code pipeline} in bash. Each {@code TIME} in it is replaced by {@code /usr/bin/time} writing the
     * process's peak RSS to a file of its own.
     */
    static Measurement run(String pipeline, Path output) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("bench-time");
        List<Path> rssFiles = new ArrayList<>();
        StringBuilder command = new StringBuilder();
        String[] pieces = pipeline.split("TIME ", -1);
        command.append(pieces[0]);
        for (int i = 1; i < pieces.length; i++) {
            Path rss = dir.resolve("rss-" + i);
            rssFiles.add(rss);
            command.append("/usr/bin/time -f %M -o ").append(rss).append(' ').append(pieces[i]);
        }
        long start = System.nanoTime();
        Process process = new ProcessBuilder("bash", "-o", "pipefail", "-c", command.toString())
            .redirectErrorStream(true).redirectOutput(dir.resolve("out").toFile()).start();
        int code = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (code != 0) {
            throw new IllegalStateException("Failed (" + code + "): " + pipeline + "\n"
                + Files.readString(dir.resolve("out"), StandardCharsets.UTF_8));
        }
        long rss = 0;
        for (Path file : rssFiles) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            rss += Long.parseLong(lines.get(lines.size() - 1).strip());
        }
        return new Measurement(seconds, rss, Files.size(output));
    }
}

package dev.starterkit.db.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.starterkit.db.testing.CountingOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParallelGzipOutputStreamTest {

    private static final int BLOCK = 64 * 1024;
    private static final Supplier<Deflater> RAW = () -> new Deflater(ParallelGzipOutputStream.LEVEL, true);

    @ParameterizedTest
    @ValueSource(ints = {0, 1, BLOCK - 1, BLOCK, BLOCK + 1, 2 * BLOCK, 3 * BLOCK + 17, 20 * BLOCK - 5})
    void finish_shouldGiveBackTheInputThroughGzipInputStream_whenItEndsAroundABlockBoundary(int size)
        throws IOException {
        // GIVEN input of that size, written in odd pieces
        byte[] data = sql(size, 1);

        // WHEN
        byte[] gzip = compress(data, 2, RAW);

        // THEN one gzip member that the JDK reads back whole
        assertThat(gunzip(gzip)).isEqualTo(data);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, BLOCK - 1, BLOCK, BLOCK + 1, 5 * BLOCK, 5 * BLOCK + 1})
    void finish_shouldGiveBackTheInputThroughGzipDc_whenItEndsAroundABlockBoundary(int size, @TempDir Path dir)
        throws Exception {
        // GIVEN gzip's command line tool
        assumeTrue(onPath("gzip"), "gzip is not installed");
        byte[] data = sql(size, 2);
        Path file = dir.resolve("dump.sql.gz");
        Files.write(file, compress(data, 3, RAW));

        // WHEN gzip tests and decompresses the file
        Process test = new ProcessBuilder("gzip", "-t", file.toString()).redirectErrorStream(true).start();
        String testOutput = new String(test.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Process decompress = new ProcessBuilder("gzip", "-dc", file.toString()).start();
        byte[] out = decompress.getInputStream().readAllBytes();

        // THEN both succeed, silently, with the input back
        assertThat(test.waitFor()).as(testOutput).isZero();
        assertThat(testOutput).isEmpty();
        assertThat(decompress.waitFor()).isZero();
        assertThat(out).isEqualTo(data);
    }

    @Test
    void finish_shouldBeAboutTheSizeOfOneThreadsGzip_whenTheInputIsSqlText() throws IOException {
        // GIVEN 8 MB of COPY-like lines, and what one gzip stream at the default level 6 makes of them
        byte[] data = sql(8_000_000, 3);
        ByteArrayOutputStream single = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(single)) {
            gzip.write(data);
        }

        // WHEN compressed as the exports do: 512 KiB blocks at our level, on two threads
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        try (ParallelGzipOutputStream out = new ParallelGzipOutputStream(target)) {
            out.write(data);
            out.finish();
        }

        // THEN within 0.5 % of the single stream, thanks to each block's dictionary
        assertThat((double) target.size()).isLessThan(single.size() * 1.005);
        assertThat(gunzip(target.toByteArray())).isEqualTo(data);
    }

    @Test
    void write_shouldKeepAtMostTwiceTheThreadsPlusOneBlocks_whenCompressingIsSlowerThanWriting() throws IOException {
        // GIVEN deflaters that take 5 ms a block, counted as they are made (each block has one), and 100 blocks
        AtomicInteger deflaters = new AtomicInteger();
        Supplier<Deflater> slow = () -> {
            deflaters.incrementAndGet();
            return new Deflater(ParallelGzipOutputStream.LEVEL, true) {
                @Override
                public void reset() {
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    super.reset();
                }
            };
        };
        byte[] data = sql(100 * BLOCK, 4);

        // WHEN compressed on two threads
        byte[] gzip = compress(data, 2, slow);

        // THEN the writer waited for blocks to come back rather than making more: 5, whatever the input's size
        assertThat(deflaters.get()).isEqualTo(5);
        assertThat(gunzip(gzip)).isEqualTo(data);
    }

    @Test
    void write_shouldFailAndStopEveryThread_whenAWorkerFails() throws Exception {
        // GIVEN deflaters of which the third block's fails
        AtomicInteger blocks = new AtomicInteger();
        Supplier<Deflater> failing = () -> new Deflater(Deflater.DEFAULT_COMPRESSION, true) {
            @Override
            public void reset() {
                if (blocks.incrementAndGet() == 3) {
                    throw new IllegalStateException("simulated deflate failure");
                }
                super.reset();
            }
        };
        CountingOutputStream target = CountingOutputStream.counting();
        ParallelGzipOutputStream out = new ParallelGzipOutputStream(target, BLOCK, 2, failing);
        byte[] block = sql(BLOCK, 5);

        // WHEN / THEN the writer hears of it within the blocks in flight, and nothing more is compressed or written
        assertThatThrownBy(() -> {
            for (int i = 0; i < 100; i++) {
                out.write(block);
            }
            out.finish();
        }).isInstanceOf(IOException.class).hasMessageContaining("simulated deflate failure");
        assertThat(blocks.get()).as("the failed block and at most four after it, of 100").isLessThanOrEqualTo(3 + 4);
        assertThat(target.writes()).as("the header and the blocks before the failed one").isLessThanOrEqualTo(3);
        assertThat(compressingThreads()).isZero();
        assertThatThrownBy(() -> out.write(block)).isInstanceOf(IOException.class);
    }

    @Test
    void write_shouldFailAndStopEveryThread_whenTheTargetFails() {
        // GIVEN a target that fails on its third write (the header is the first)
        CountingOutputStream failing = CountingOutputStream.failingOnWrite(3);
        byte[] block = sql(BLOCK, 6);

        // WHEN / THEN
        assertThatThrownBy(() -> {
            ParallelGzipOutputStream out = new ParallelGzipOutputStream(failing, BLOCK, 2, RAW);
            for (int i = 0; i < 100; i++) {
                out.write(block);
            }
            out.finish();
        }).isInstanceOf(IOException.class).hasMessage("target failed");
        assertThat(failing.writes()).isEqualTo(3);
        assertThat(compressingThreads()).isZero();
    }

    @Test
    void close_shouldStopTheThreadsAndLeaveTheStreamIncomplete_whenFinishNeverRan() throws IOException {
        // GIVEN three blocks written
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        ParallelGzipOutputStream out = new ParallelGzipOutputStream(target, BLOCK, 2, RAW);
        out.write(sql(3 * BLOCK, 7));
        assertThat(compressingThreads()).isPositive();

        // WHEN
        out.close();

        // THEN no thread is left, and what was written does not read as a whole gzip file
        assertThat(compressingThreads()).isZero();
        assertThatThrownBy(() -> gunzip(target.toByteArray())).isInstanceOf(EOFException.class);
    }

    @Test
    void finish_shouldLeaveNoThreadBehind_whenTheStreamIsComplete() throws IOException {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        ParallelGzipOutputStream out = new ParallelGzipOutputStream(target, BLOCK, 3, RAW);
        out.write(sql(10 * BLOCK, 8));

        out.finish();

        assertThat(compressingThreads()).isZero();
        assertThatThrownBy(() -> out.write(1)).isInstanceOf(IOException.class);
    }

    @Test
    void defaultThreads_shouldStayBetweenOneAndTheMaximum_whateverTheMachine() {
        assertThat(ParallelGzipOutputStream.defaultThreads()).isBetween(1, ParallelGzipOutputStream.MAX_THREADS)
            .isLessThanOrEqualTo(Runtime.getRuntime().availableProcessors());
    }

    private static byte[] compress(byte[] data, int threads, Supplier<Deflater> deflaters) throws IOException {
        return compress(data, BLOCK, threads, deflaters);
    }

    private static byte[] compress(byte[] data, int blockSize, int threads, Supplier<Deflater> deflaters)
        throws IOException {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        ParallelGzipOutputStream out = new ParallelGzipOutputStream(target, blockSize, threads, deflaters);
        Random sizes = new Random(data.length);
        for (int offset = 0; offset < data.length;) {
            int n = Math.min(data.length - offset, 1 + sizes.nextInt(3 * BLOCK / 2));
            out.write(data, offset, n);
            offset += n;
        }
        out.finish();
        return target.toByteArray();
    }

    private static byte[] gunzip(byte[] gzip) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }

    /** COPY-like lines: repeated words (that the dictionary helps with) and random hex (that it cannot). */
    private static byte[] sql(int size, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(size + 200);
        for (long id = 1; text.length() < size; id++) {
            text.append(id).append("\tusr_").append(random.nextInt(50_000)).append("\tuser").append(id)
                .append("@example.com\t{\"locale\": \"en\", \"ref\": \"").append(Long.toHexString(random.nextLong()))
                .append("\"}\t2024-01-01 00:00:").append(id % 60).append("+00\n");
        }
        return text.substring(0, size).getBytes(StandardCharsets.US_ASCII);
    }

    private static long compressingThreads() {
        return Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().startsWith("dump-gzip-") && t.isAlive()).count();
    }

    private static boolean onPath(String command) throws InterruptedException {
        try {
            return new ProcessBuilder(command, "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        }
    }
}

package dev.starterkit.db.export.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.starterkit.db.testing.CountingOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PipelinedOutputStreamTest {

    @Test
    void finish_shouldDeliverEveryByteInOrder_whenWrittenInOddSizes() throws IOException {
        // GIVEN 3 MB in writes of 1 to 100,000 bytes
        byte[] data = new byte[3_000_000];
        new Random(6).nextBytes(data);
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        PipelinedOutputStream out = new PipelinedOutputStream(target);
        Random sizes = new Random(7);

        // WHEN
        for (int offset = 0; offset < data.length;) {
            int n = Math.min(data.length - offset, 1 + sizes.nextInt(100_000));
            out.write(data, offset, n);
            offset += n;
        }
        out.finish();

        // THEN
        assertThat(target.toByteArray()).isEqualTo(data);
    }

    @Test
    void write_shouldFailAndStopTakingChunks_whenTheTargetFails() {
        // GIVEN a target that fails on its third chunk
        CountingOutputStream failing = CountingOutputStream.failingOnWrite(3);
        PipelinedOutputStream out = new PipelinedOutputStream(failing);
        byte[] chunk = new byte[PipelinedOutputStream.CHUNK];

        // WHEN / THEN the writer hears of it within the queue's length, and the target sees no more chunks
        assertThatThrownBy(() -> {
            for (int i = 0; i < 100; i++) {
                out.write(chunk);
            }
            out.finish();
        }).isInstanceOf(IOException.class).hasMessage("target failed");
        assertThat(failing.writes()).isEqualTo(3);
    }

    @Test
    void close_shouldStopTheThread_whenFinishNeverRan() throws Exception {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        PipelinedOutputStream out = new PipelinedOutputStream(target);
        out.write(new byte[PipelinedOutputStream.CHUNK + 10]);
        assertThat(out.running()).isTrue();

        out.close();

        assertThat(out.running()).isFalse();
    }
}

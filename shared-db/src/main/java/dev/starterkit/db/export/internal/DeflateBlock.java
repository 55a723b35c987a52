package dev.starterkit.db.export.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * One block of a gzip stream compressed in parallel: its input, the 32 KiB that came before it (the dictionary, so
 * that the block compresses as well as it would inside one long stream), its raw deflate output and a deflater of its
 * own. A block that is not the last ends with a sync flush, so the outputs of consecutive blocks concatenate into
 * one deflate stream. Filled and written by one thread, compressed by another; reused from block to block.
 */
public final class DeflateBlock {

    /** Deflate's window: the most a block can refer back to. */
    public static final int WINDOW = 32 * 1024;

    private final byte[] input;
    private final byte[] dictionary = new byte[WINDOW];
    private final Deflater deflater;
    private byte[] output;
    private int length;
    private int dictionaryLength;
    private int outputLength;
    private boolean last;

    /** A block of {@code size} bytes (at least {@link #WINDOW}) compressed by {@code deflater} (raw, no header). */
    public DeflateBlock(int size, Deflater deflater) {
        if (size < WINDOW) {
            throw new IllegalArgumentException("A block holds at least " + WINDOW + " bytes; got " + size);
        }
        this.input = new byte[size];
        this.output = new byte[size / 2];
        this.deflater = deflater;
    }

    /** Empties the block; {@code previous} (the last bytes before it, up to {@link #WINDOW}) is its dictionary. */
    public void begin(byte[] previous, int previousLength) {
        System.arraycopy(previous, 0, dictionary, 0, previousLength);
        dictionaryLength = previousLength;
        length = 0;
        outputLength = 0;
        last = false;
    }

    /** Copies as much of {@code buffer} as fits; returns how much that was. */
    public int fill(byte[] buffer, int offset, int count) {
        int n = Math.min(count, input.length - length);
        System.arraycopy(buffer, offset, input, length, n);
        length += n;
        return n;
    }

    /** Whether the block holds its full size. */
    public boolean full() {
        return length == input.length;
    }

    /** Copies the block's last bytes (up to {@link #WINDOW}) into {@code into}: the next block's dictionary. */
    public int tail(byte[] into) {
        int n = Math.min(WINDOW, length);
        System.arraycopy(input, length - n, into, 0, n);
        return n;
    }

    /** Marks the block as the end of the stream: it is compressed with a final deflate block. */
    public void last() {
        last = true;
    }

    /** Compresses the input; runs on a thread of the pool. */
    public void compress() {
        deflater.reset();
        if (dictionaryLength > 0) {
            deflater.setDictionary(dictionary, 0, dictionaryLength);
        }
        deflater.setInput(input, 0, length);
        if (last) {
            deflater.finish();
            while (!deflater.finished()) {
                deflate(Deflater.NO_FLUSH);
            }
        } else {
            // Sync flush: all input is out, byte-aligned, once a call leaves room in the output.
            boolean more;
            do {
                more = deflate(Deflater.SYNC_FLUSH);
            } while (more);
        }
    }

    /** Writes the compressed block to {@code target}; runs after {@link #compress()} has returned. */
    public void writeTo(OutputStream target) throws IOException {
        target.write(output, 0, outputLength);
    }

    /** Frees the deflater's native memory; the block is not used again. */
    public void end() {
        deflater.end();
    }

    /** One call of deflate, growing the output first when it is full; true when the call filled the output. */
    private boolean deflate(int flush) {
        if (outputLength == output.length) {
            output = Arrays.copyOf(output, output.length + output.length / 2);
        }
        int space = output.length - outputLength;
        int n = deflater.deflate(output, outputLength, space, flush);
        outputLength += n;
        return n == space;
    }
}

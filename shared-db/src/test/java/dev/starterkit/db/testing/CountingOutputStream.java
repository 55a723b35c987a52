package dev.starterkit.db.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A target for stream tests that drops what it is given, counts the array writes, and can fail one of them with
 * {@code IOException("target failed")}. Single-byte writes are refused: the streams under test never make them.
 */
public final class CountingOutputStream extends OutputStream {

    private final AtomicInteger writes = new AtomicInteger();
    private final int failingWrite;

    private CountingOutputStream(int failingWrite) {
        this.failingWrite = failingWrite;
    }

    /** A target that never fails. */
    public static CountingOutputStream counting() {
        return new CountingOutputStream(0);
    }

    /** A target whose {@code n}-th array write fails (counting from 1). */
    public static CountingOutputStream failingOnWrite(int n) {
        return new CountingOutputStream(n);
    }

    /** Array writes so far, the failed one included. */
    public int writes() {
        return writes.get();
    }

    @Override
    public void write(int b) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (writes.incrementAndGet() == failingWrite) {
            throw new IOException("target failed");
        }
    }
}

package dev.starterkit.db.export.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands what is written, in 256 KiB chunks, to a thread of its own that writes it on (gzip, a file, an S3 upload),
 * so that reading rows from the server and compressing them overlap as they do in {@code pg_dump | gzip}. At most
 * {@link #IN_FLIGHT} chunks wait, so memory stays bounded. The thread lives only until {@link #finish()} or
 * {@link #close()} returns; a failure on either side stops both.
 */
final class PipelinedOutputStream extends OutputStream {

    static final int CHUNK = 256 * 1024;
    static final int IN_FLIGHT = 4;
    private static final Chunk END = new Chunk(new byte[0], 0);

    private final OutputStream target;
    private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(IN_FLIGHT);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(IN_FLIGHT + 2);
    private final Thread worker;
    private volatile Throwable failure;
    private byte[] chunk = new byte[CHUNK];
    private int size;
    private boolean done;

    private record Chunk(byte[] data, int length) {
    }

    PipelinedOutputStream(OutputStream target) {
        this.target = target;
        this.worker = new Thread(this::drain, "dump-writer");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        while (length > 0) {
            int n = Math.min(length, CHUNK - size);
            System.arraycopy(buffer, offset, chunk, size, n);
            size += n;
            offset += n;
            length -= n;
            if (size == CHUNK) {
                hand(new Chunk(chunk, size));
                byte[] recycled = free.poll();
                chunk = recycled != null ? recycled : new byte[CHUNK];
                size = 0;
            }
        }
    }

    /** Writes what is left, waits for the thread to write everything, and flushes the target. */
    void finish() throws IOException {
        if (size > 0) {
            hand(new Chunk(chunk, size));
            size = 0;
        }
        done = true;
        hand(END);
        join();
        rethrow();
        target.flush();
    }

    /** Stops the thread if {@link #finish()} did not run (the dump failed); the target stays open. */
    @Override
    public void close() throws IOException {
        if (!done) {
            done = true;
            worker.interrupt();
            join();
        }
    }

    /** Whether the writer thread still runs. */
    boolean running() {
        return worker.isAlive();
    }

    private void hand(Chunk next) throws IOException {
        try {
            while (!queue.offer(next, 50, TimeUnit.MILLISECONDS)) {
                rethrow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while writing the dump");
        }
        rethrow();
    }

    private void drain() {
        try {
            for (Chunk next = queue.take(); next != END; next = queue.take()) {
                target.write(next.data(), 0, next.length());
                free.offer(next.data());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
        }
    }

    private void join() throws IOException {
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while finishing the dump");
        }
    }

    private void rethrow() throws IOException {
        Throwable e = failure;
        if (e instanceof IOException io) {
            throw new IOException(io.getMessage(), io);
        }
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (e instanceof Error error) {
            throw error;
        }
        if (!worker.isAlive() && !done) {
            throw new IOException("The dump's writer thread stopped");
        }
    }
}

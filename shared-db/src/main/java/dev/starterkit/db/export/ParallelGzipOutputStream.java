package dev.starterkit.db.export;

import dev.starterkit.db.export.internal.DeflateBlock;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A gzip stream compressed on several threads, the way {@code pigz} does it: the input is cut into blocks, each
 * compressed on a small pool with the previous block's last 32 KiB as its dictionary and written in order, so the
 * result is one ordinary gzip member about the size one thread would make. At most {@code 2 x threads + 1} blocks
 * exist at once, so memory stays bounded whatever the size of the input. Used by one thread at a time.
 *
 * <p>{@link #finish()} completes the stream; {@link #close()} without it, or any failure, stops the threads and leaves
 * the stream incomplete (no gzip trailer), so a dump that failed never reads as a whole one. The pool lives only until
 * then. The target is never closed.
 */
public final class ParallelGzipOutputStream extends OutputStream {

    /** Bytes of input per block. */
    public static final int BLOCK_SIZE = 512 * 1024;
    /** Compressing threads at most: past about four, the reading thread and the server are the limit. */
    public static final int MAX_THREADS = 4;
    /**
     * gzip's default level, as in {@code pg_dump | gzip}. Level 5 costs about 14 % less CPU, for files 0.02 % larger
     * on the benchmark's dump but 1 % larger on other rows (bench/README.md): not taken.
     */
    public static final int LEVEL = 6;
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, 0};
    private static final AtomicInteger STREAMS = new AtomicInteger();

    private final OutputStream target;
    private final int blockSize;
    private final int maxBlocks;
    private final Supplier<Deflater> deflaters;
    private final ExecutorService pool;
    private final List<Thread> workers = Collections.synchronizedList(new ArrayList<>());
    private final List<DeflateBlock> blocks = new ArrayList<>();
    private final Deque<DeflateBlock> free = new ArrayDeque<>();
    private final Deque<Pending> pending = new ArrayDeque<>();
    private final byte[] tail = new byte[DeflateBlock.WINDOW];
    private final CRC32 crc = new CRC32();
    private DeflateBlock current;
    private long size;
    private boolean ended;

    private record Pending(DeflateBlock block, Future<?> compressed) {
    }

    /** A stream over {@code target} with one thread per available processor, {@link #MAX_THREADS} at most. */
    public ParallelGzipOutputStream(OutputStream target) throws IOException {
        this(target, BLOCK_SIZE, defaultThreads(), () -> new Deflater(LEVEL, true));
    }

    /** A stream with its block size, threads and deflaters (raw deflate, no zlib header) chosen. */
    ParallelGzipOutputStream(OutputStream target, int blockSize, int threads, Supplier<Deflater> deflaters)
        throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("At least one thread; got " + threads);
        }
        this.target = target;
        this.blockSize = blockSize;
        this.maxBlocks = 2 * threads + 1;
        this.deflaters = deflaters;
        int stream = STREAMS.incrementAndGet();
        AtomicInteger thread = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
            r -> {
                Thread t = new Thread(r, "dump-gzip-" + stream + "-" + thread.incrementAndGet());
                t.setDaemon(true);
                workers.add(t);
                return t;
            });
        this.current = newBlock();
        current.begin(tail, 0);
        target.write(HEADER);
    }

    /** Compressing threads for this machine: its available processors, between 1 and {@link #MAX_THREADS}. */
    public static int defaultThreads() {
        return Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        ensureOpen();
        crc.update(buffer, offset, length);
        size += length;
        int at = offset;
        int left = length;
        while (left > 0) {
            int n = current.fill(buffer, at, left);
            at += n;
            left -= n;
            if (current.full()) {
                submit(false);
            }
        }
    }

    /** Flushes the target; blocks still being compressed, and the one being filled, are written later. */
    @Override
    public void flush() throws IOException {
        if (!ended) {
            target.flush();
        }
    }

    /** Compresses what is left, writes every block and the gzip trailer, flushes the target and stops the threads. */
    public void finish() throws IOException {
        ensureOpen();
        try {
            submit(true);
            while (!pending.isEmpty()) {
                writeFirst();
            }
            byte[] trailer = new byte[8];
            littleEndian(trailer, 0, crc.getValue());
            littleEndian(trailer, 4, size);
            target.write(trailer);
            target.flush();
        } finally {
            stop();
        }
    }

    /** Stops the threads; when {@link #finish()} has not run, what is not written yet is dropped. */
    @Override
    public void close() {
        stop();
    }

    /** Hands the current block to the pool and starts the next, first writing out what the pool has done. */
    private void submit(boolean last) throws IOException {
        DeflateBlock block = current;
        if (last) {
            block.last();
        }
        pending.add(new Pending(block, pool.submit(block::compress)));
        if (last) {
            return;
        }
        int tailLength = block.tail(tail);
        failFast();
        while (!pending.isEmpty() && pending.peek().compressed().isDone()) {
            writeFirst();
        }
        current = free.isEmpty() && blocks.size() < maxBlocks ? newBlock() : takeFree();
        current.begin(tail, tailLength);
    }

    private DeflateBlock takeFree() throws IOException {
        while (free.isEmpty()) {
            writeFirst();
        }
        return free.pop();
    }

    /** Waits for the oldest block, writes it and frees it; any failure stops everything. */
    private void writeFirst() throws IOException {
        Pending first = pending.poll();
        try {
            awaitCompressed(first);
            first.block().writeTo(target);
            free.push(first.block());
        } catch (IOException | RuntimeException | Error e) {
            stop();
            throw e;
        }
    }

    /** Throws the failure of any block the pool has given up on, not only the oldest: one failure stops all. */
    private void failFast() throws IOException {
        for (Pending next : pending) {
            if (next.compressed().isDone()) {
                try {
                    awaitCompressed(next);
                } catch (IOException | RuntimeException | Error e) {
                    stop();
                    throw e;
                }
            }
        }
    }

    private static void awaitCompressed(Pending block) throws IOException {
        try {
            block.compressed().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while compressing the dump");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException("Compressing the dump failed: " + cause.getMessage(), cause);
        }
    }

    private DeflateBlock newBlock() {
        DeflateBlock block = new DeflateBlock(blockSize, deflaters.get());
        blocks.add(block);
        return block;
    }

    /**
     * Ends the pool and the deflaters. A block being deflated runs to its end (native code does not see interrupts),
     * so this waits for at most one block per thread, and joins each thread even if interrupted: none outlives it.
     */
    private void stop() {
        if (ended) {
            return;
        }
        ended = true;
        pending.clear();
        pool.shutdownNow();
        boolean interrupted = false;
        synchronized (workers) {
            for (Thread thread : workers) {
                while (thread.isAlive()) {
                    try {
                        thread.join();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        blocks.forEach(DeflateBlock::end);
    }

    private void ensureOpen() throws IOException {
        if (ended) {
            throw new IOException("The gzip stream is already finished or closed");
        }
    }

    private static void littleEndian(byte[] into, int at, long value) {
        for (int i = 0; i < 4; i++) {
            into[at + i] = (byte) (value >>> (8 * i));
        }
    }
}

package dev.starterkit.db.cache.codec;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The cache's own value format, version 2: {@code "QC"}, a version byte, the key digest, the creation time, the
 * generation tokens (in key order; version 1 also wrote each key's name), the columns, the rows of tagged values,
 * and a CRC-32 of all that. No Java serialization: a value from Redis is untrusted input, and anything that does
 * not decode exactly is rejected.
 */
public final class EntryCodec {

    /** Bytes of the key digest kept in each value. */
    public static final int DIGEST_BYTES = 16;
    private static final byte[] MAGIC = {'Q', 'C'};
    /** The format version, also part of every key digest, so that code of another version never reads these. */
    public static final byte VERSION = 2;

    private EntryCodec() {
    }

    /**
     * Encodes {@code entry}.
     *
     * @return the bytes, or null when they would exceed {@code maxBytes}
     */
    public static byte[] encode(CacheEntry entry, int maxBytes) {
        LimitedBuffer buffer = new LimitedBuffer(maxBytes);
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.write(MAGIC);
            out.writeByte(VERSION);
            out.write(entry.keyDigest(), 0, DIGEST_BYTES);
            out.writeLong(entry.createdAtMillis());
            out.writeInt(entry.generations().size());
            for (String token : entry.generations()) {
                ValueCodec.writeString(out, token);
            }
            writeRows(out, entry.rows());
            CRC32 crc = new CRC32();
            crc.update(buffer.bytes(), 0, buffer.size());
            out.writeInt((int) crc.getValue());
        } catch (LimitedBuffer.LimitExceeded e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    private static void writeRows(DataOutputStream out, CachedRows rows) throws IOException {
        out.writeInt(rows.columns().size());
        for (Column column : rows.columns()) {
            ValueCodec.writeString(out, column.label());
            out.writeInt(column.jdbcType());
            ValueCodec.writeString(out, column.typeName());
        }
        out.writeInt(rows.rows().size());
        for (Object[] row : rows.rows()) {
            for (Object value : row) {
                ValueCodec.write(out, value);
            }
        }
    }

    /**
     * Decodes a value read under the key whose digest is {@code expectedDigest}.
     *
     * @throws CacheFormatException when the value is corrupt, truncated, of another version or of another key
     */
    public static CacheEntry decode(byte[] bytes, byte[] expectedDigest) {
        checkFrame(bytes);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            in.position(3);
            byte[] digest = new byte[DIGEST_BYTES];
            in.get(digest);
            if (!Arrays.equals(digest, 0, DIGEST_BYTES, expectedDigest, 0, DIGEST_BYTES)) {
                throw new CacheFormatException("Cache entry belongs to another key");
            }
            long createdAt = in.getLong();
            int count = count(in, 4);
            List<String> generations = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                generations.add(ValueCodec.readString(in));
            }
            CachedRows rows = readRows(in);
            if (in.remaining() != 4) {
                throw new CacheFormatException("Trailing bytes after the rows");
            }
            return new CacheEntry(digest, createdAt, generations, rows);
        } catch (BufferUnderflowException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new CacheFormatException("Truncated or malformed cache entry", e);
        }
    }

    /** Checks the magic, the version and the checksum. */
    private static void checkFrame(byte[] bytes) {
        if (bytes.length < MAGIC.length + 1 + DIGEST_BYTES + 8 + 4 || bytes[0] != MAGIC[0] || bytes[1] != MAGIC[1]) {
            throw new CacheFormatException("Not a cache entry");
        }
        if (bytes[2] != VERSION) {
            throw new CacheFormatException("Cache entry format version " + bytes[2] + " is not " + VERSION);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        if (ByteBuffer.wrap(bytes).getInt(bytes.length - 4) != (int) crc.getValue()) {
            throw new CacheFormatException("Cache entry checksum mismatch");
        }
    }

    private static CachedRows readRows(ByteBuffer in) {
        List<Column> columns = new ArrayList<>();
        for (int i = count(in, 12); i > 0; i--) {
            columns.add(new Column(ValueCodec.readString(in), in.getInt(), ValueCodec.readString(in)));
        }
        int rowCount = count(in, Math.max(1, columns.size()));
        List<Object[]> rows = new ArrayList<>(rowCount);
        for (int r = 0; r < rowCount; r++) {
            Object[] row = new Object[columns.size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = ValueCodec.read(in);
            }
            rows.add(row);
        }
        return new CachedRows(columns, rows);
    }

    /** Reads a count, rejecting one that could not fit in the bytes left at {@code minBytesEach}. */
    private static int count(ByteBuffer in, int minBytesEach) {
        int count = in.getInt();
        if (count < 0 || (long) count * minBytesEach > in.remaining()) {
            throw new CacheFormatException("Count " + count + " does not fit the value");
        }
        return count;
    }

    /** A byte buffer that refuses to grow past a limit; used by one thread, so it takes no lock. */
    private static final class LimitedBuffer extends ByteArrayOutputStream {
        private final int limit;

        LimitedBuffer(int limit) {
            super(Math.min(limit, 1024));
            this.limit = limit;
        }

        @Override
        public void write(int b) {
            ensure(1);
            buf[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }

        byte[] bytes() {
            return buf;
        }

        @Override
        public byte[] toByteArray() {
            return Arrays.copyOf(buf, count);
        }

        private void ensure(int more) {
            if (count + more > limit) {
                throw new LimitExceeded();
            }
            if (count + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(count + more, (int) Math.min(limit, 2L * buf.length)));
            }
        }

        /** Thrown when the limit would be passed. */
        static final class LimitExceeded extends RuntimeException {
            private static final long serialVersionUID = 1L;

            LimitExceeded() {
                super(null, null, false, false);
            }
        }
    }
}

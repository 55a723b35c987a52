package dev.starterkit.db.cache.codec;

import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Writes and reads single values with a one-byte type tag; the building block of entries and cache keys. */
public final class ValueCodec {

    private static final int NULL = 0;
    private static final int BOOL = 1;
    private static final int INT = 2;
    private static final int LONG = 3;
    private static final int FLOAT = 4;
    private static final int DOUBLE = 5;
    private static final int DECIMAL = 6;
    private static final int STRING = 7;
    private static final int BYTES = 8;
    private static final int DATE = 9;
    private static final int TIME = 10;
    private static final int TIMESTAMP = 11;
    private static final int INSTANT = 12;
    private static final int UUID_TAG = 13;
    private static final int PG_TEXT = 14;
    private static final int SHORT = 15;

    private ValueCodec() {
    }

    /** Whether {@link #write} accepts {@code value}. */
    public static boolean supports(Object value) {
        return value == null || value instanceof Boolean || value instanceof Integer || value instanceof Long
            || value instanceof Short || value instanceof Float || value instanceof Double
            || value instanceof BigDecimal || value instanceof String || value instanceof byte[]
            || value instanceof LocalDate || value instanceof LocalTime || value instanceof LocalDateTime
            || value instanceof Instant || value instanceof UUID || value instanceof PgText;
    }

    /** Writes one value; {@link #supports} must accept it. */
    public static void write(DataOutputStream out, Object value) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof Boolean b) {
            out.writeByte(BOOL);
            out.writeBoolean(b);
        } else if (value instanceof Integer i) {
            out.writeByte(INT);
            out.writeInt(i);
        } else if (value instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (value instanceof Short s) {
            out.writeByte(SHORT);
            out.writeShort(s);
        } else if (value instanceof Float f) {
            out.writeByte(FLOAT);
            out.writeFloat(f);
        } else if (value instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (value instanceof String s) {
            out.writeByte(STRING);
            writeString(out, s);
        } else {
            writeOther(out, value);
        }
    }

    private static void writeOther(DataOutputStream out, Object value) throws IOException {
        if (value instanceof BigDecimal d) {
            out.writeByte(DECIMAL);
            out.writeInt(d.scale());
            writeBytes(out, d.unscaledValue().toByteArray());
        } else if (value instanceof byte[] bytes) {
            out.writeByte(BYTES);
            writeBytes(out, bytes);
        } else if (value instanceof LocalDate d) {
            out.writeByte(DATE);
            out.writeLong(d.toEpochDay());
        } else if (value instanceof LocalTime t) {
            out.writeByte(TIME);
            out.writeLong(t.toNanoOfDay());
        } else if (value instanceof LocalDateTime t) {
            out.writeByte(TIMESTAMP);
            out.writeLong(t.toEpochSecond(ZoneOffset.UTC));
            out.writeInt(t.getNano());
        } else if (value instanceof Instant t) {
            out.writeByte(INSTANT);
            out.writeLong(t.getEpochSecond());
            out.writeInt(t.getNano());
        } else if (value instanceof UUID u) {
            out.writeByte(UUID_TAG);
            out.writeLong(u.getMostSignificantBits());
            out.writeLong(u.getLeastSignificantBits());
        } else if (value instanceof PgText p) {
            out.writeByte(PG_TEXT);
            writeString(out, p.type());
            writeString(out, p.value());
        } else {
            throw new IllegalArgumentException("Unsupported value type " + value.getClass().getName());
        }
    }

    /** Reads one value written by {@link #write}. */
    public static Object read(ByteBuffer in) {
        int tag = in.get();
        return switch (tag) {
            case NULL -> null;
            case BOOL -> in.get() != 0;
            case INT -> in.getInt();
            case LONG -> in.getLong();
            case SHORT -> in.getShort();
            case FLOAT -> in.getFloat();
            case DOUBLE -> in.getDouble();
            case STRING -> readString(in);
            case DECIMAL -> {
                int scale = in.getInt();
                yield new BigDecimal(new BigInteger(readBytes(in)), scale);
            }
            case BYTES -> readBytes(in);
            case DATE -> LocalDate.ofEpochDay(in.getLong());
            case TIME -> LocalTime.ofNanoOfDay(in.getLong());
            case TIMESTAMP -> LocalDateTime.ofEpochSecond(in.getLong(), in.getInt(), ZoneOffset.UTC);
            case INSTANT -> Instant.ofEpochSecond(in.getLong(), in.getInt());
            case UUID_TAG -> new UUID(in.getLong(), in.getLong());
            case PG_TEXT -> new PgText(readString(in), readString(in));
            default -> throw new CacheFormatException("Unknown value tag " + tag);
        };
    }

    /** Writes a length-prefixed UTF-8 string. */
    public static void writeString(DataOutputStream out, String s) throws IOException {
        writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a string written by {@link #writeString}. */
    public static String readString(ByteBuffer in) {
        if (!in.hasArray()) {
            return new String(readBytes(in), StandardCharsets.UTF_8);
        }
        int length = length(in);
        String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }

    static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static byte[] readBytes(ByteBuffer in) {
        byte[] bytes = new byte[length(in)];
        in.get(bytes);
        return bytes;
    }

    private static int length(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new CacheFormatException("Length " + length + " exceeds the " + in.remaining() + " bytes left");
        }
        return length;
    }
}

package dev.starterkit.db.cache.jdbc;

import dev.starterkit.db.cache.codec.PgText;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.HexFormat;
import java.util.UUID;
import org.postgresql.util.PGobject;

/** Converts a cached canonical value to what a {@code ResultSet} getter returns, the way pgjdbc does. */
final class ValueConversions {

    private static final DateTimeFormatter PG_TIMESTAMP = new DateTimeFormatterBuilder()
        .appendPattern("uuuu-MM-dd HH:mm:ss").optionalStart()
        .appendFraction(ChronoField.NANO_OF_SECOND, 0, 6, true).optionalEnd().toFormatter();

    private ValueConversions() {
    }

    static String string(Object v) {
        if (v == null || v instanceof String) {
            return (String) v;
        }
        if (v instanceof Boolean b) {
            return b ? "t" : "f";
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof byte[] bytes) {
            return "\\x" + HexFormat.of().formatHex(bytes);
        }
        if (v instanceof LocalDateTime t) {
            return PG_TIMESTAMP.format(t);
        }
        if (v instanceof Instant t) {
            return PG_TIMESTAMP.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC)) + "+00";
        }
        if (v instanceof PgText p) {
            return p.value();
        }
        return v.toString();
    }

    static boolean bool(Object v) throws SQLException {
        if (v == null || v instanceof Boolean) {
            return v != null && (Boolean) v;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        String s = string(v).trim().toLowerCase(java.util.Locale.ROOT);
        return switch (s) {
            case "t", "true", "1", "yes", "on", "y" -> true;
            case "f", "false", "0", "no", "off", "n" -> false;
            default -> throw new SQLException("Cannot read '" + s + "' as a boolean", "22P02");
        };
    }

    static Number number(Object v) throws SQLException {
        if (v == null) {
            return 0;
        }
        if (v instanceof Number n) {
            return n;
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        try {
            return new BigDecimal(string(v).trim());
        } catch (NumberFormatException e) {
            throw new SQLException("Cannot read '" + v + "' as a number", "22P02", e);
        }
    }

    static BigDecimal decimal(Object v) throws SQLException {
        if (v == null || v instanceof BigDecimal) {
            return (BigDecimal) v;
        }
        Number n = number(v);
        return n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
    }

    static byte[] bytes(Object v) {
        if (v == null || v instanceof byte[]) {
            return v == null ? null : ((byte[]) v).clone();
        }
        return string(v).getBytes(StandardCharsets.UTF_8);
    }

    static Timestamp timestamp(Object v, java.util.Calendar calendar) throws SQLException {
        if (v == null) {
            return null;
        }
        if (v instanceof Instant t) {
            return Timestamp.from(t);
        }
        LocalDateTime local = v instanceof LocalDateTime t ? t : v instanceof LocalDate d ? d.atStartOfDay() : null;
        if (local == null) {
            throw new SQLException("Cannot read a " + v.getClass().getSimpleName() + " as a timestamp", "22007");
        }
        return calendar == null ? Timestamp.valueOf(local)
            : Timestamp.from(local.atZone(calendar.getTimeZone().toZoneId()).toInstant());
    }

    static Date date(Object v) throws SQLException {
        if (v == null || v instanceof LocalDate) {
            return v == null ? null : Date.valueOf((LocalDate) v);
        }
        return new Date(timestamp(v, null).getTime());
    }

    static Time time(Object v) throws SQLException {
        if (v == null || v instanceof LocalTime) {
            return v == null ? null : Time.valueOf((LocalTime) v);
        }
        return new Time(timestamp(v, null).getTime());
    }

    /** What pgjdbc's {@code getObject(int)} returns for the canonical value. */
    static Object object(Object v) throws SQLException {
        if (v instanceof LocalDate || v instanceof LocalDateTime || v instanceof Instant) {
            return v instanceof LocalDate ? date(v) : timestamp(v, null);
        }
        if (v instanceof LocalTime) {
            return time(v);
        }
        if (v instanceof byte[] bytes) {
            return bytes.clone();
        }
        if (v instanceof PgText p) {
            PGobject object = new PGobject();
            object.setType(p.type());
            object.setValue(p.value());
            return object;
        }
        return v;
    }

    /** What {@code getObject(int, type)} returns. */
    static <T> T object(Object v, Class<T> type) throws SQLException {
        if (v == null) {
            return null;
        }
        Object converted = convert(v, type);
        if (converted == null) {
            throw new SQLException("Cannot read a " + v.getClass().getSimpleName() + " as " + type.getName(), "22000");
        }
        return type.cast(converted);
    }

    private static Object convert(Object v, Class<?> type) throws SQLException {
        if (type.isInstance(v) && !(v instanceof byte[])) {
            return v;
        }
        if (type == String.class) {
            return string(v);
        }
        if (type == Integer.class || type == Long.class || type == Short.class || type == Double.class
            || type == Float.class || type == BigDecimal.class) {
            return numberAs(number(v), type);
        }
        if (type == Boolean.class) {
            return bool(v);
        }
        if (type == byte[].class) {
            return bytes(v);
        }
        if (type == UUID.class) {
            return UUID.fromString(string(v));
        }
        return temporal(v, type);
    }

    private static Object numberAs(Number n, Class<?> type) {
        if (type == Integer.class) {
            return n.intValue();
        }
        if (type == Long.class) {
            return n.longValue();
        }
        if (type == Short.class) {
            return n.shortValue();
        }
        if (type == Double.class) {
            return n.doubleValue();
        }
        if (type == Float.class) {
            return n.floatValue();
        }
        return n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
    }

    private static Object temporal(Object v, Class<?> type) throws SQLException {
        if (type == LocalTime.class && v instanceof LocalTime) {
            return v;
        }
        Timestamp ts = v instanceof LocalTime ? null : timestamp(v, null);
        if (ts == null) {
            return type == Time.class ? time(v) : null;
        }
        if (type == Timestamp.class || type == java.util.Date.class) {
            return ts;
        }
        if (type == Date.class) {
            return date(v);
        }
        if (type == Instant.class) {
            return ts.toInstant();
        }
        if (type == OffsetDateTime.class) {
            return v instanceof Instant t ? t.atOffset(ZoneOffset.UTC) : ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (type == ZonedDateTime.class) {
            return ts.toInstant().atZone(ZoneOffset.UTC);
        }
        if (type == LocalDateTime.class) {
            return v instanceof Instant t ? LocalDateTime.ofInstant(t, ZoneOffset.UTC) : ts.toLocalDateTime();
        }
        if (type == LocalDate.class) {
            return v instanceof LocalDate ? v : ts.toLocalDateTime().toLocalDate();
        }
        return null;
    }
}

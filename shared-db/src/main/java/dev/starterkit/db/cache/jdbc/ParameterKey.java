package dev.starterkit.db.cache.jdbc;

import dev.starterkit.db.cache.codec.PgText;
import dev.starterkit.db.cache.codec.ValueCodec;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.math.BigInteger;
import java.sql.SQLType;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;

/**
 * Encodes every bound parameter of a statement, with the setter used and its type arguments, into the material of
 * its cache key (which starts with the SQL text). A parameter whose value has no exact encoding makes the read
 * uncacheable.
 */
final class ParameterKey {

    /** Statement options that change the rows returned, so they are part of the key. */
    private static final Set<String> RESULT_OPTIONS = Set.of("setMaxRows", "setLargeMaxRows", "setMaxFieldSize");

    private ParameterKey() {
    }

    /** A recorded setter call. */
    record Call(Method method, Object[] args) {
        /** Whether this binds a parameter ({@code setX(index, value, ...)}) rather than a statement option. */
        boolean isParameter() {
            return args != null && args.length >= 2 && args[0] instanceof Integer;
        }
    }

    /** The parameters' key material, or null when some parameter cannot be encoded. */
    static byte[] of(Collection<Call> calls) {
        Map<Integer, Call> parameters = new TreeMap<>();
        Map<String, Call> options = new TreeMap<>();
        for (Call call : calls) {
            if (call.isParameter()) {
                parameters.put((Integer) call.args()[0], call);
            } else if (RESULT_OPTIONS.contains(call.method().getName())) {
                options.put(call.method().getName(), call);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * parameters.size() + 8);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (Call call : parameters.values()) {
                if (!write(out, call)) {
                    return null;
                }
            }
            for (Call call : options.values()) {
                write(out, call);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    private static boolean write(DataOutputStream out, Call call) throws IOException {
        ValueCodec.writeString(out, call.method().getName());
        out.writeInt(call.args().length);
        for (Object arg : call.args()) {
            Object canonical = canonical(arg);
            if (!ValueCodec.supports(canonical)) {
                return false;
            }
            ValueCodec.write(out, canonical);
        }
        return true;
    }

    /** A value {@link ValueCodec} can write that identifies {@code arg} exactly, or {@code arg} itself. */
    private static Object canonical(Object arg) {
        if (arg instanceof java.sql.Timestamp || arg instanceof java.sql.Date || arg instanceof java.sql.Time) {
            // their meaning depends on the JVM's time zone
            return new PgText(arg.getClass().getName() + "@" + TimeZone.getDefault().getID(), arg.toString());
        }
        if (arg instanceof Calendar calendar) {
            return new PgText("calendar", calendar.getTimeZone().getID());
        }
        if (arg instanceof OffsetDateTime || arg instanceof ZonedDateTime || arg instanceof OffsetTime
            || arg instanceof Character || arg instanceof Byte || arg instanceof BigInteger) {
            return new PgText(arg.getClass().getName(), arg.toString());
        }
        if (arg instanceof SQLType type) {
            return new PgText("sqltype", type.getVendor() + "." + type.getName());
        }
        if (arg instanceof org.postgresql.util.PGobject pg && pg.getType() != null) {
            return new PgText("pg:" + pg.getType(), String.valueOf(pg.getValue()));
        }
        if (arg instanceof Enum<?> e) {
            return new PgText(e.getDeclaringClass().getName(), e.name());
        }
        return arg;
    }
}

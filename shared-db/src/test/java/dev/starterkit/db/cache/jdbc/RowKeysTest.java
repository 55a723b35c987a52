package dev.starterkit.db.cache.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starterkit.db.cache.catalog.PrimaryKey;
import dev.starterkit.db.cache.sql.RowTarget;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RowKeysTest {

    private static final RowTarget INTEGER_KEY = new RowTarget("item", 2, PrimaryKey.Type.INTEGER);
    private static final RowTarget TEXT_KEY = new RowTarget("user", 2, PrimaryKey.Type.TEXT);
    private static final RowTarget UUID_KEY = new RowTarget("thing", 2, PrimaryKey.Type.UUID);

    /** The parameters of a statement whose second parameter was bound with {@code setter(2, value, extra...)}. */
    private static Map<String, ParameterKey.Call> bound(String setter, Object value, Object... extra) {
        try {
            List<Object> args = new ArrayList<>(List.of(2, value));
            args.addAll(Arrays.asList(extra));
            Class<?>[] types = switch (setter) {
                case "setString" -> new Class<?>[] {int.class, String.class};
                case "setInt" -> new Class<?>[] {int.class, int.class};
                case "setLong" -> new Class<?>[] {int.class, long.class};
                case "setDouble" -> new Class<?>[] {int.class, double.class};
                case "setBigDecimal" -> new Class<?>[] {int.class, BigDecimal.class};
                case "setObject" -> extra.length == 0 ? new Class<?>[] {int.class, Object.class}
                    : new Class<?>[] {int.class, Object.class, int.class};
                default -> throw new IllegalArgumentException(setter);
            };
            ParameterKey.Call call = new ParameterKey.Call(PreparedStatement.class.getMethod(setter, types),
                args.toArray());
            ParameterKey.Call other = new ParameterKey.Call(PreparedStatement.class.getMethod("setString", int.class,
                String.class), new Object[] {1, "5"});
            return Map.of("#1", other, "#2", call);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void of_shouldGiveOneKey_whenTheSameIntegerIsBoundBySeveralSetters() {
        // GIVEN / WHEN the integer 5 bound as int, long, canonical text, object and BigDecimal
        List<String> keys = List.of(RowKeys.of(INTEGER_KEY, bound("setInt", 5)),
            RowKeys.of(INTEGER_KEY, bound("setLong", 5L)), RowKeys.of(INTEGER_KEY, bound("setString", "5")),
            RowKeys.of(INTEGER_KEY, bound("setObject", 5L)), RowKeys.of(INTEGER_KEY, bound("setObject", "5",
                Types.INTEGER)), RowKeys.of(INTEGER_KEY, bound("setBigDecimal", new BigDecimal("5"))));
        // THEN all are the same key
        assertThat(keys).containsOnly("5");
    }

    @Test
    void of_shouldGiveNoKey_whenTheBoundValueMightReadAsAnotherKey() {
        // GIVEN / WHEN text PostgreSQL would read as 5, a fraction, a float, a number for a text key, null
        List<String> keys = Arrays.asList(RowKeys.of(INTEGER_KEY, bound("setString", "05")),
            RowKeys.of(INTEGER_KEY, bound("setString", " 5")), RowKeys.of(INTEGER_KEY, bound("setString", "+5")),
            RowKeys.of(INTEGER_KEY, bound("setBigDecimal", new BigDecimal("5.0"))),
            RowKeys.of(INTEGER_KEY, bound("setDouble", 5.0)), RowKeys.of(TEXT_KEY, bound("setInt", 5)),
            RowKeys.of(TEXT_KEY, bound("setObject", 5, Types.VARCHAR)),
            RowKeys.of(UUID_KEY, bound("setString", "7E57D004-2B97-0E7A-B45F-5387367791CD")),
            RowKeys.of(TEXT_KEY, Map.of()));
        // THEN none has a key: such writes reach every row, such reads depend on the table
        assertThat(keys).containsOnlyNulls();
    }

    @Test
    void of_shouldGiveTheTextAndTheLowerCaseUuid_whenBoundAsTextOrUuid() {
        // GIVEN
        UUID id = UUID.fromString("7E57D004-2B97-0E7A-B45F-5387367791CD");
        // WHEN / THEN
        assertThat(RowKeys.of(TEXT_KEY, bound("setString", "usr_1"))).isEqualTo("usr_1");
        assertThat(RowKeys.of(TEXT_KEY, bound("setObject", "usr_1"))).isEqualTo("usr_1");
        assertThat(RowKeys.of(UUID_KEY, bound("setObject", id))).isEqualTo("7e57d004-2b97-0e7a-b45f-5387367791cd");
        assertThat(RowKeys.of(UUID_KEY, bound("setString", "7e57d004-2b97-0e7a-b45f-5387367791cd")))
            .isEqualTo(RowKeys.of(UUID_KEY, bound("setObject", id)));
    }

    @Test
    void of_shouldGiveEveryRowOfABatch_orNone_whenOneRowHasNoKey() {
        // GIVEN / WHEN
        var both = RowKeys.of(TEXT_KEY, List.of(bound("setString", "a"), bound("setString", "b")));
        var oneUnknown = RowKeys.of(TEXT_KEY, List.of(bound("setString", "a"), bound("setInt", 1)));
        // THEN
        assertThat(both).containsExactly("a", "b");
        assertThat(oneUnknown).isNull();
    }
}

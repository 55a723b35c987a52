package dev.starterkit.db.cache.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EntryCodecTest {

    private static final byte[] DIGEST = new byte[32];
    private static final Object[] VALUES = {true, 42, 7L, (short) 3, 1.5f, 2.25d, new BigDecimal("-12.3400"), "héllo",
        new byte[] {1, 2, 3}, LocalDate.of(2024, 2, 29), LocalTime.of(23, 59, 1, 5000),
        LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6000), Instant.parse("2024-05-06T07:08:09.123456Z"),
        UUID.fromString("2f1e7a0e-7d7a-4a4e-9f2e-2b5a0c3b9d11"), new PgText("jsonb", "{\"a\": 1}"), null};

    private static CacheEntry entry() {
        List<Column> columns = Arrays.stream(VALUES).map(v -> new Column("c", Types.OTHER, "t")).toList();
        return new CacheEntry(DIGEST, 1234L, List.of("abc", "def"),
            new CachedRows(columns, List.<Object[]>of(VALUES, VALUES)));
    }

    @Test
    void decode_shouldReturnEveryValue_whenEncodedByThisVersion() {
        // GIVEN
        byte[] bytes = EntryCodec.encode(entry(), 1 << 20);
        // WHEN
        CacheEntry decoded = EntryCodec.decode(bytes, DIGEST);
        // THEN
        assertThat(decoded.createdAtMillis()).isEqualTo(1234L);
        assertThat(decoded.generations()).containsExactly("abc", "def");
        assertThat(decoded.rows().rows()).hasSize(2);
        assertThat(decoded.rows().rows().get(1)).usingRecursiveComparison().isEqualTo(VALUES);
    }

    @Test
    void encode_shouldGiveNull_whenOverTheLimit() {
        // GIVEN / WHEN / THEN
        assertThat(EntryCodec.encode(entry(), 64)).isNull();
    }

    @Test
    void decode_shouldReject_whenBytesAreCorruptTruncatedForeignOrOfAnotherKey() {
        // GIVEN a valid value
        byte[] good = EntryCodec.encode(entry(), 1 << 20);
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x40;
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        // WHEN / THEN each damaged variant is refused, never returned as rows
        assertThatThrownBy(() -> EntryCodec.decode(flipped, DIGEST)).isInstanceOf(CacheFormatException.class);
        assertThatThrownBy(() -> EntryCodec.decode(Arrays.copyOf(good, good.length - 9), DIGEST))
            .isInstanceOf(CacheFormatException.class);
        assertThatThrownBy(() -> EntryCodec.decode("{\"rows\":[]}".getBytes(), DIGEST))
            .isInstanceOf(CacheFormatException.class);
        assertThatThrownBy(() -> EntryCodec.decode(new byte[0], DIGEST)).isInstanceOf(CacheFormatException.class);
        assertThatThrownBy(() -> EntryCodec.decode(good, otherKey)).isInstanceOf(CacheFormatException.class);
    }
}

package dev.starterkit.db.cache;

import dev.starterkit.db.cache.store.CacheStore;
import dev.starterkit.db.cache.store.KeyLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The generations one cached read depends on: their keys, the tokens a store of its result expects them to still
 * have, and the tokens its entry records (for a point read, its table's row lineage rather than the whole token).
 *
 * @param keys the generation keys, in lookup order
 * @param expected the current tokens, or {@link CacheStore#missing(String)} for a row generation the store creates
 * @param recorded what a valid entry must have recorded, in the order of {@code keys}
 */
record Dependencies(List<String> keys, List<String> expected, List<String> recorded) {

    /** Index of the table generation among a point read's keys (all-tables, table, row). */
    private static final int TABLE = 1;
    /** Index of the row generation among a point read's keys. */
    private static final int ROW = 2;

    /** Whether a point read whose lookup found {@code tokens} may leave its missing row generation to the store. */
    static boolean onlyRowMissing(boolean point, List<String> tokens) {
        return point && tokens.get(0) != null && tokens.get(TABLE) != null && tokens.get(ROW) == null;
    }

    /** {@code tokens} with the missing row generation given a new token, for the store to create. */
    static List<String> withNewRow(List<String> tokens) {
        List<String> withRow = new ArrayList<>(tokens);
        withRow.set(ROW, CacheStore.missing(Long.toHexString(ThreadLocalRandom.current().nextLong())));
        return withRow;
    }

    /** The dependencies of a read of {@code keys} whose tokens are {@code tokens} (none null). */
    static Dependencies of(List<String> keys, List<String> tokens, boolean point) {
        List<String> recorded = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            String token = tokens.get(i);
            if (point && i == TABLE) {
                token = KeyLayout.rowLineage(token);
            } else if (token.startsWith(CacheStore.MISSING)) {
                token = token.substring(CacheStore.MISSING.length());
            }
            recorded.add(token);
        }
        return new Dependencies(List.copyOf(keys), List.copyOf(tokens), List.copyOf(recorded));
    }
}

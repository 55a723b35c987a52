package dev.starterkit.db.cache.store;

import java.util.List;

/**
 * What one lookup found: the stored value, if any, and the current generation token of every generation key asked
 * for, in the order asked (null for one that does not exist).
 *
 * @param value the stored bytes, or null
 * @param generations the current generation tokens
 */
public record Lookup(byte[] value, List<String> generations) {

    public Lookup {
        generations = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(generations));
    }
}

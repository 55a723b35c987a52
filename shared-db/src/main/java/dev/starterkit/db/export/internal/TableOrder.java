package dev.starterkit.db.export.internal;

import dev.starterkit.db.export.internal.Catalog.Table;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Orders tables so that every table comes after the tables its foreign keys reference; ties and cycles fall back
 * to name order. Foreign keys are added after the data, so a cycle never breaks a restore.
 */
final class TableOrder {

    private TableOrder() {
    }

    static List<Table> sort(Collection<Table> tables) {
        Comparator<Table> byName = Comparator.comparing(Table::schema).thenComparing(Table::name);
        Set<Long> present = new HashSet<>();
        tables.forEach(t -> present.add(t.oid()));
        TreeSet<Table> remaining = new TreeSet<>(byName);
        remaining.addAll(tables);
        Set<Long> placed = new HashSet<>();
        List<Table> ordered = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Table next = remaining.stream()
                .filter(t -> t.references().stream().allMatch(r -> placed.contains(r) || !present.contains(r)))
                .findFirst()
                .orElse(remaining.first());
            remaining.remove(next);
            placed.add(next.oid());
            ordered.add(next);
        }
        return ordered;
    }
}

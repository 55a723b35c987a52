package dev.starterkit.db.schema.diff;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a diff does with a column that is gone from a table that also has new columns: rename it as given up front
 * ({@code table.old=new}), ask, or drop it and add the new ones. Unless told to drop, a column nobody decided on
 * fails the diff with {@link SchemaDiffRenameException} rather than lose data.
 */
public final class Renames {

    private final Map<String, Map<String, String>> given;
    private final RenameQuestion question;
    private final boolean dropUndecided;

    private Renames(Map<String, Map<String, String>> given, RenameQuestion question, boolean dropUndecided) {
        this.given = given;
        this.question = question;
        this.dropUndecided = dropUndecided;
    }

    /** No renames given and nobody to ask: an undecided column fails the diff. */
    public static Renames none() {
        return new Renames(Map.of(), null, false);
    }

    /** Never a rename: gone columns are dropped and new ones added, e.g. to describe a difference. */
    public static Renames dropAndAdd() {
        return new Renames(Map.of(), null, true);
    }

    /** The renames {@code table.old=new}, one per entry. */
    public static Renames parse(List<String> specs) {
        Map<String, Map<String, String>> given = new HashMap<>();
        for (String spec : specs) {
            int dot = spec.indexOf('.');
            int eq = spec.indexOf('=');
            if (dot <= 0 || eq < dot + 2 || eq == spec.length() - 1) {
                throw new SchemaDiffException("A rename is written table.old=new; got '" + spec + "'");
            }
            String table = spec.substring(0, dot);
            String old = spec.substring(dot + 1, eq);
            String renamed = spec.substring(eq + 1);
            String earlier = given.computeIfAbsent(table, t -> new HashMap<>()).put(old, renamed);
            if (earlier != null && !earlier.equals(renamed)) {
                throw new SchemaDiffException("Column " + table + "." + old + " is renamed twice: to " + earlier
                    + " and to " + renamed);
            }
        }
        return new Renames(Map.copyOf(given), null, false);
    }

    /** These renames, asking {@code question} about the columns they leave undecided. */
    public Renames askingWith(RenameQuestion asker) {
        return new Renames(given, asker, dropUndecided);
    }

    /** These renames, dropping the columns they leave undecided. */
    public Renames droppingUndecided() {
        return new Renames(given, question, true);
    }

    Map<String, String> givenFor(String table) {
        return given.getOrDefault(table, Map.of());
    }

    Map<String, Map<String, String>> given() {
        return given;
    }

    boolean dropsUndecided() {
        return dropUndecided;
    }

    Optional<RenameQuestion> question() {
        return Optional.ofNullable(question).filter(RenameQuestion::canAsk);
    }
}

package dev.starterkit.tools.db;

import dev.starterkit.db.schema.diff.RenameQuestion;
import dev.starterkit.db.schema.diff.Renames;
import dev.starterkit.db.schema.diff.SchemaDiffException;
import dev.starterkit.db.schema.diff.SchemaDiffRenameException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code --rename table.old=new} (repeatable) and {@code --no-rename}, and the terminal question for a gone column
 * that neither decides: {@code generate} and {@code push} never drop a column that may have been renamed unasked.
 */
final class RenameOptions {

    /** The options this adds to a command. */
    static final Set<String> OPTIONS = Set.of("rename", "no-rename");

    private RenameOptions() {
    }

    /** The renames the command line gives, asking on the terminal about the rest unless {@code --no-rename}. */
    static Renames from(CliContext context) {
        Renames renames;
        try {
            renames = Renames.parse(context.args().values("rename"));
        } catch (SchemaDiffException e) {
            throw new CliUsageException(e.getMessage() + " (--rename table.old=new)", e);
        }
        if (context.args().options().containsKey("no-rename")) {
            return renames.droppingUndecided();
        }
        return renames.askingWith(new TerminalQuestion(context));
    }

    /** The refusal when gone columns were not decided: what to answer and how. */
    static CliAbortedException unanswered(SchemaDiffRenameException e) {
        List<String> undecided = e.undecided();
        return new CliAbortedException("Renamed or dropped? " + String.join("; ", undecided) + ". Nothing was "
            + "changed: answer on a terminal, or run again with --rename table.old=new for each rename, or with "
            + "--no-rename to drop the old columns and add the new ones.", e);
    }

    /** Asks about one gone column on the terminal. */
    private record TerminalQuestion(CliContext context) implements RenameQuestion {

        @Override
        public boolean canAsk() {
            return context.canAsk();
        }

        @Override
        public Optional<String> ask(String table, String column, List<String> candidates) {
            String answer = context.ask("Column " + table + "." + column + " is gone and " + table + " has new "
                + "columns: " + String.join(", ", candidates) + ". Renamed to which? (its name, or Enter if "
                + table + "." + column + " was dropped)");
            return answer.isEmpty() ? Optional.empty() : Optional.of(answer);
        }
    }
}

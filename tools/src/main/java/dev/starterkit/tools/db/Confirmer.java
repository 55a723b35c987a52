package dev.starterkit.tools.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/** Asks before a change to a protected stage or a destructive statement; {@code --yes} answers for scripts. */
public interface Confirmer {

    /** Returns normally when the user agrees; throws {@link CliAbortedException} otherwise. */
    void confirm(String question);

    /** Always agrees: {@code --yes}. */
    static Confirmer yes() {
        return question -> { };
    }

    /**
     * Asks on a terminal; without one, refuses and tells the user about {@code --yes}.
     *
     * @param in the user's answers, or null when there is no terminal
     * @param out where the question is printed
     */
    static Confirmer ask(BufferedReader in, PrintStream out) {
        return question -> {
            if (in == null) {
                throw new CliAbortedException(question + " No terminal to confirm on: run again with --yes.");
            }
            out.print(question + " [y/N] ");
            out.flush();
            String answer;
            try {
                answer = in.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String normalized = answer == null ? "" : answer.strip().toLowerCase(Locale.ROOT);
            if (!normalized.equals("y") && !normalized.equals("yes")) {
                throw new CliAbortedException("Aborted: nothing was changed.");
            }
        };
    }
}

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

    /** Whether {@link #answer} can ask: there is a terminal to type on. */
    default boolean canAnswer() {
        return false;
    }

    /** Asks an open question and returns the answer, stripped (empty for a bare Enter). */
    default String answer(String question) {
        throw new CliAbortedException(question + " No terminal to answer on.");
    }

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
        return new Confirmer() {
            @Override
            public void confirm(String question) {
                if (in == null) {
                    throw new CliAbortedException(question + " No terminal to confirm on: run again with --yes.");
                }
                String normalized = readAnswer(in, out, question + " [y/N] ").toLowerCase(Locale.ROOT);
                if (!normalized.equals("y") && !normalized.equals("yes")) {
                    throw new CliAbortedException("Aborted: nothing was changed.");
                }
            }

            @Override
            public boolean canAnswer() {
                return in != null;
            }

            @Override
            public String answer(String question) {
                if (in == null) {
                    return Confirmer.super.answer(question);
                }
                return readAnswer(in, out, question + " ");
            }
        };
    }

    private static String readAnswer(BufferedReader in, PrintStream out, String prompt) {
        out.print(prompt);
        out.flush();
        try {
            String answer = in.readLine();
            return answer == null ? "" : answer.strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

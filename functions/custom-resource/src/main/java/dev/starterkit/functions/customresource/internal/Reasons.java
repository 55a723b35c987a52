package dev.starterkit.functions.customresource.internal;

import java.util.regex.Pattern;

/** Turns exceptions into one-line reasons for CloudFormation, with anything that looks like a secret masked. */
public final class Reasons {

    private static final Pattern SECRET_PARAMETER =
        Pattern.compile("(?i)\\b(password|passwd|pwd|secret|token|sslpassword)(\\s*[=:]\\s*)([^&\\s;,'\"]+)");
    private static final Pattern URL_PASSWORD = Pattern.compile("://([^:/@\\s]+):([^@/\\s]+)@");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** Flyway frames its errors with lines of dashes. */
    private static final Pattern RULER = Pattern.compile("-{3,}");

    private Reasons() {
    }

    /** The message of {@code error} and of its root cause, when that says something more. */
    public static String describe(Throwable error) {
        String top = messageOf(error);
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String rootMessage = messageOf(root);
        return root == error || top.contains(rootMessage) ? top : top + " Cause: " + rootMessage;
    }

    /** {@code text} on one line, with passwords, tokens and URL credentials replaced by {@code ***}. */
    public static String sanitize(String text) {
        String masked = SECRET_PARAMETER.matcher(text).replaceAll("$1$2***");
        masked = URL_PASSWORD.matcher(masked).replaceAll("://$1:***@");
        masked = RULER.matcher(masked).replaceAll(" ");
        return WHITESPACE.matcher(masked).replaceAll(" ").strip();
    }

    private static String messageOf(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}

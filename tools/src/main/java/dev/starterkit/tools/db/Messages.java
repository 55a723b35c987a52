package dev.starterkit.tools.db;

import dev.starterkit.db.connect.DatabaseUrl;

/** Error text for the terminal: the innermost cause, with anything URL-shaped redacted. */
final class Messages {

    private Messages() {
    }

    static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return redactUrls(message);
    }

    static String redactUrls(String text) {
        String[] words = text.split(" ", -1);
        for (int i = 0; i < words.length; i++) {
            if (words[i].contains("://")) {
                words[i] = DatabaseUrl.redact(words[i]);
            }
        }
        return String.join(" ", words);
    }
}

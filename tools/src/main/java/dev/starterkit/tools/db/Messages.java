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
        return DatabaseUrl.redactUrls(message);
    }
}

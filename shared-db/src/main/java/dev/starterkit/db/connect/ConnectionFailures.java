package dev.starterkit.db.connect;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.util.Set;

/** Recognizes errors that mean the connection itself is gone, as opposed to errors of the statement. */
public final class ConnectionFailures {

    /** admin_shutdown, crash_shutdown, cannot_connect_now, idle_session_timeout. */
    private static final Set<String> SERVER_GONE = Set.of("57P01", "57P02", "57P03", "57P05");

    private ConnectionFailures() {
    }

    /**
     * The server's refusal of a login (SQLState class 28: a wrong password, no {@code pg_hba.conf} entry, an expired
     * IAM token) in {@code e}'s cause chain, or null when the failure is something else.
     */
    public static SQLException loginRefusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("28")) {
                return sql;
            }
        }
        return null;
    }

    /** The first line of the message: pgjdbc appends the server's source location and SQLState on further lines. */
    static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Whether {@code e}, or anything in its cause or next-exception chain, reports a lost connection. */
    public static boolean isConnectionLost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLRecoverableException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    String state = s.getSQLState();
                    if (state != null && (state.startsWith("08") || SERVER_GONE.contains(state))) {
                        return true;
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}

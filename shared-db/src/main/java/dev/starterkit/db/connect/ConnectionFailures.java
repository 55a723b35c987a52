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

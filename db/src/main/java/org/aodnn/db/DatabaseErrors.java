package org.aodnn.db;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Says in an operator's words what went wrong inside the database, from the SQL error at the root of an
 * exception (jOOQ wraps it as {@code DataAccessException: Error while running ConnectionCallable}, which names
 * nothing the operator can act on). The H2 error codes are those of {@code org.h2.api.ErrorCode}.
 */
public final class DatabaseErrors {

    static final int LOCK_TIMEOUT = 50200;
    static final int CONNECTION_BROKEN = 90067;
    static final int VALUE_TOO_LONG = 22001;

    private DatabaseErrors() {
    }

    /** The operator's sentence for a database failure somewhere in {@code error}'s causes, if there is one. */
    public static Optional<String> describe(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return Optional.of(sentence(sql));
            }
        }
        return Optional.empty();
    }

    private static String sentence(SQLException sql) {
        return switch (sql.getErrorCode()) {
            case LOCK_TIMEOUT -> "the database is busy: another process using it (the Workbench window or another"
                    + " command) holds the rows this needs; run it again when that work is done";
            case CONNECTION_BROKEN -> "the connection to the database was lost: the process that served it to"
                    + " others (the Workbench window or the command that opened it first) has exited; run this again";
            case VALUE_TOO_LONG -> "a value is longer than the database holds: " + firstLine(sql.getMessage());
            default -> "database error: " + firstLine(sql.getMessage());
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        String line = message.lines().findFirst().orElse("");
        // H2 appends the SQL statement and an error code in brackets: the first sentence is the operator's part
        int statement = line.indexOf("; SQL statement:");
        return statement > 0 ? line.substring(0, statement) : line;
    }
}

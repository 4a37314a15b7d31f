package org.publiclegal.shared.problem;

import io.vertx.pgclient.PgException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Recognises a failure that means "the database cannot be reached now" (connection refused or closed,
 * the server shutting down or still in crash recovery), which is answered 503 with {@code Retry-After}
 * instead of 500: the request did nothing and can be repeated as it is.
 */
final class DatabaseOutage {

    private DatabaseOutage() {
    }

    static boolean isCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (matches(t)) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(Throwable t) {
        if (t instanceof ConnectException) {
            return true;
        }
        if (t instanceof PgException pg) {
            return outageState(pg.getSqlState());
        }
        if (t instanceof SQLException sql) {
            return outageState(sql.getSQLState());
        }
        String type = t.getClass().getName();
        if (type.equals("io.vertx.sqlclient.ClosedConnectionException")
                || type.equals("org.hibernate.exception.JDBCConnectionException")) {
            return true;
        }
        String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("connection refused") || message.contains("connection is closed")
                || message.contains("connection closed") || message.contains("pool closed");
    }

    /** SQLSTATE class 08 (connection exception) and 57P01–57P03 (admin shutdown, crash shutdown, cannot connect now). */
    static boolean outageState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }

    static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (matches(t)) {
                return t.getClass().getSimpleName() + ": " + t.getMessage();
            }
        }
        return e.toString();
    }
}

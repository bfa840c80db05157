package org.aodnn.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Database failures, as raised by a real H2 file database, said in an operator's words. */
class DatabaseErrorsTest {

    @TempDir
    Path dir;

    @Test
    void aLockHeldByAnotherConnectionIsSaidToBeBusy() throws Exception {
        try (Store store = Store.open(dir.resolve("busy"))) {
            String url = "jdbc:h2:file:" + dir.resolve("busy").toAbsolutePath() + ";AUTO_SERVER=TRUE";
            try (Connection holder = DriverManager.getConnection(url, "sa", "");
                 Connection waiter = DriverManager.getConnection(url, "sa", "")) {
                holder.setAutoCommit(false);
                holder.createStatement().executeUpdate("INSERT INTO app_setting (name, setting_value, updated_at)"
                        + " VALUES ('held', 'x', CURRENT_TIMESTAMP)");
                waiter.createStatement().execute("SET LOCK_TIMEOUT 200");
                SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () ->
                        waiter.createStatement().executeUpdate("INSERT INTO app_setting (name, setting_value,"
                                + " updated_at) VALUES ('held', 'y', CURRENT_TIMESTAMP)"));
                String said = DatabaseErrors.describe(new DataAccessException("Error while running", e)).orElseThrow();
                assertTrue(said.startsWith("the database is busy"), said + " for " + e.getErrorCode());
                holder.rollback();
            }
        }
    }

    @Test
    void otherDatabaseErrorsGiveTheirFirstSentenceWithoutTheStatement() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:x", "sa", "")) {
            c.createStatement().execute("CREATE TABLE t (name VARCHAR(3))");
            SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> c.createStatement().execute("INSERT INTO t VALUES ('abcdef')"));
            String said = DatabaseErrors.describe(e).orElseThrow();
            assertTrue(said.startsWith("a value is longer than the database holds: "), said);
            assertTrue(!said.contains("SQL statement"), said);
        }
        assertEquals(java.util.Optional.empty(), DatabaseErrors.describe(new IllegalStateException("not SQL")));
    }
}

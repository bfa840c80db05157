package org.aodnn.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.aodnn.db.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two writers on one database (H2 AUTO_SERVER lets the window and commands share it): when another process
 * holds the rows an import needs, the import fails in words, not as jOOQ's "Error while running
 * ConnectionCallable", and stores nothing.
 */
class DatabaseBusyCliTest {

    @TempDir
    Path dir;

    @Test
    void anImportBlockedByAnotherWriterSaysTheDatabaseIsBusy() throws Exception {
        Path db = dir.resolve("shared");
        try (Store store = Store.open(db)) {
            store.close();
        }
        String row = "alexnet,0,features.0,gpu,0,0.5,30,Conv2d,1x3x224x224,1x64x55x55,"
                + "150528,193600,3,64,11,11,4,2,1,23296,140553600";
        Path csv = Files.writeString(dir.resolve("one.csv"), String.join(",", org.aodnn.db.csv.LayerCsv.MEASUREMENT_COLUMNS)
                + "\n" + row + "\n");
        String url = "jdbc:h2:file:" + db.toAbsolutePath() + ";AUTO_SERVER=TRUE";
        try (Connection other = DriverManager.getConnection(url, "sa", "")) {
            other.setAutoCommit(false);
            // another writer's open transaction holds the same row (platform, model, layer, target, threads)
            other.createStatement().execute("SET LOCK_TIMEOUT 60000");
            try (var busy = other.createStatement()) {
                busy.executeUpdate("DELETE FROM layer_measurement"); // takes row locks on the table's rows
            }
            CliRunner.Result result = new CliRunner(db).run("import", "--format", "layer-csv", csv.toString(),
                    "--platform", "edge-server");
            assertEquals(1, result.exitCode(), result.out() + result.err());
            assertTrue(result.err().startsWith("aodnn: the database is busy"), result.err());
            other.rollback();
        }
        try (Store store = Store.open(db)) {
            List<?> latencies = store.dsl().fetch("SELECT latency_ms FROM layer_measurement WHERE platform ="
                    + " 'edge-server' AND model = 'alexnet' AND layer_index = 0 AND target = 'gpu'").getValues(0);
            assertEquals(1, latencies.size(), "the stored row is still there");
            assertTrue(((Number) latencies.get(0)).doubleValue() != 0.5, "the import's value was not stored");
        }
    }
}

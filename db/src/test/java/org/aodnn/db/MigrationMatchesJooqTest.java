package org.aodnn.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.aodnn.db.jooq.DefaultSchema;
import org.jooq.Field;
import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema the Flyway migrations create at run time must be the one the jOOQ classes were generated
 * from: same tables, same columns, same types and nullability.
 */
class MigrationMatchesJooqTest {

    @TempDir
    Path dir;

    @Test
    void migratedDatabaseMatchesGeneratedClasses() {
        try (Store store = Store.open(dir.resolve("schema"), false)) {
            Map<String, Table<?>> live = new TreeMap<>();
            for (Table<?> t : store.dsl().meta().getSchemas("PUBLIC").get(0).getTables()) {
                if (!t.getName().equalsIgnoreCase("flyway_schema_history")) {
                    live.put(t.getName().toUpperCase(Locale.ROOT), t);
                }
            }
            Map<String, Table<?>> generated = new TreeMap<>();
            for (Table<?> t : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
                generated.put(t.getName(), t);
            }
            assertEquals(generated.keySet(), live.keySet(), "tables");
            for (Table<?> expected : generated.values()) {
                Table<?> actual = live.get(expected.getName());
                assertEquals(columns(expected), columns(actual), "columns of " + expected.getName());
            }
        }
    }

    private static Map<String, String> columns(Table<?> table) {
        Map<String, String> columns = new TreeMap<>();
        for (Field<?> f : table.fields()) {
            assertNotNull(f.getDataType());
            columns.put(f.getName().toUpperCase(Locale.ROOT),
                    f.getDataType().getSQLDataType().getTypeName() + (f.getDataType().nullable() ? "" : " NOT NULL"));
        }
        return columns;
    }
}

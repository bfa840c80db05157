package org.aodnn.modelfitting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aodnn.db.csv.CsvTable;

/**
 * {@code col=value} conditions on CSV rows (as {@code --where}): every named column must match one of its
 * values; numbers compare by value ({@code threads=4} matches {@code 4.0}). {@code platform} may also be
 * used: the derived platform name ({@code cpu}, {@code browser/wasm}, ...).
 */
public final class RowFilter {

    private final Map<String, List<String>> equalities;

    private RowFilter(Map<String, List<String>> equalities) {
        this.equalities = equalities;
    }

    public static RowFilter all() {
        return new RowFilter(Map.of());
    }

    public static RowFilter parse(List<String> terms) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String term : terms == null ? List.<String>of() : terms) {
            int eq = term.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--where '" + term + "': expected column=value");
            }
            String column = term.substring(0, eq).trim();
            String value = term.substring(eq + 1).trim();
            map.computeIfAbsent(column, c -> new java.util.ArrayList<>()).add(value);
        }
        return new RowFilter(map);
    }

    public boolean isEmpty() {
        return equalities.isEmpty();
    }

    /** Fails naming the file and the column when a condition names a column the table does not have. */
    public void check(CsvTable table) {
        for (String column : equalities.keySet()) {
            if (!column.equals("platform") && !table.hasColumn(column)) {
                throw new IllegalArgumentException("--where " + column + "=...: " + table.source()
                        + " has no column '" + column + "' (columns: " + String.join(", ", table.header()) + ")");
            }
        }
    }

    public boolean matches(CsvTable.Row row, String platform) {
        for (Map.Entry<String, List<String>> e : equalities.entrySet()) {
            String actual = e.getKey().equals("platform") && !row.optional("platform").isPresent()
                    ? platform : row.optional(e.getKey()).orElse("");
            if (e.getValue().stream().noneMatch(v -> same(actual, v))) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(String actual, String wanted) {
        if (actual.equals(wanted)) {
            return true;
        }
        try {
            return Double.parseDouble(actual) == Double.parseDouble(wanted);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

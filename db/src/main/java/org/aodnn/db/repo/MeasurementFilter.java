package org.aodnn.db.repo;

import static org.aodnn.db.jooq.Tables.LAYER_MEASUREMENT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Equality conditions on measurement columns, named as in the layer-CSV header ({@code col=value}).
 * Values are converted to the column's type, and unknown columns or bad values are reported by name.
 */
public final class MeasurementFilter {

    private static final Map<String, Field<?>> COLUMNS = new LinkedHashMap<>();

    static {
        for (Field<?> f : LAYER_MEASUREMENT.fields()) {
            String name = f.getName().toLowerCase(Locale.ROOT);
            COLUMNS.put(name.equals("group_count") ? "groups" : name, f);
        }
        COLUMNS.remove("id");
    }

    private final Map<String, List<String>> equalities;

    private MeasurementFilter(Map<String, List<String>> equalities) {
        this.equalities = equalities;
    }

    public static MeasurementFilter all() {
        return new MeasurementFilter(Map.of());
    }

    /** Parses {@code col=value} terms; several terms on one column mean any of those values. */
    public static MeasurementFilter parse(List<String> terms) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        List<String> list = terms == null ? List.of() : terms;
        for (String term : list) {
            int eq = term.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--where '" + term + "': expected column=value");
            }
            String column = term.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            if (!COLUMNS.containsKey(column)) {
                throw new IllegalArgumentException("--where '" + term + "': unknown column '" + column
                        + "' (known: " + String.join(", ", new TreeSet<>(COLUMNS.keySet())) + ")");
            }
            String value = term.substring(eq + 1).trim();
            map.computeIfAbsent(column, c -> new ArrayList<>()).add(value);
        }
        return new MeasurementFilter(map);
    }

    Condition condition() {
        List<Condition> all = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : equalities.entrySet()) {
            Field<?> field = COLUMNS.get(e.getKey());
            List<Condition> any = new ArrayList<>();
            for (String value : e.getValue()) {
                any.add(equality(field, e.getKey(), value));
            }
            all.add(DSL.or(any));
        }
        return DSL.and(all);
    }

    @SuppressWarnings("unchecked")
    private static Condition equality(Field<?> field, String column, String value) {
        Class<?> type = field.getType();
        try {
            if (type == Integer.class) {
                return ((Field<Integer>) field).eq(Integer.valueOf(value));
            } else if (type == Long.class) {
                return ((Field<Long>) field).eq(Long.valueOf(value));
            } else if (type == Double.class) {
                return ((Field<Double>) field).eq(Double.valueOf(value));
            } else if (type == Boolean.class) {
                return ((Field<Boolean>) field).eq(value.equals("1") || Boolean.parseBoolean(value));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--where " + column + "=" + value + ": '" + value + "' is not a number");
        }
        if (type == String.class) {
            return ((Field<String>) field).eq(value);
        }
        throw new IllegalArgumentException("--where " + column + ": this column cannot be filtered on");
    }
}

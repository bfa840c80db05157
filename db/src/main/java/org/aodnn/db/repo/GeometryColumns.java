package org.aodnn.db.repo;

import org.aodnn.db.domain.LayerGeometry;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * The geometry columns shared by {@code layer_measurement} and {@code model_layer}, looked up by name
 * on either table so the mapping is written once.
 */
final class GeometryColumns {

    private GeometryColumns() {
    }

    static LayerGeometry read(Record r, Table<?> t) {
        return new LayerGeometry(
                r.get(field(t, "LAYER_TYPE", String.class)),
                r.get(field(t, "IN_SHAPE", String.class)),
                r.get(field(t, "OUT_SHAPE", String.class)),
                r.get(field(t, "IN_ELEMS", Long.class)),
                r.get(field(t, "OUT_ELEMS", Long.class)),
                r.get(field(t, "IN_CHANNELS", Integer.class)),
                r.get(field(t, "OUT_CHANNELS", Integer.class)),
                r.get(field(t, "KERNEL_H", Integer.class)),
                r.get(field(t, "KERNEL_W", Integer.class)),
                r.get(field(t, "STRIDE", Integer.class)),
                r.get(field(t, "PADDING", Integer.class)),
                r.get(field(t, "GROUP_COUNT", Integer.class)),
                r.get(field(t, "PARAMS", Long.class)),
                r.get(field(t, "FLOPS", Long.class)));
    }

    /** Values in the order of {@link #fields(Table)}. */
    static Object[] values(LayerGeometry g) {
        return new Object[] {g.layerType(), g.inShape(), g.outShape(), g.inElems(), g.outElems(), g.inChannels(),
            g.outChannels(), g.kernelH(), g.kernelW(), g.stride(), g.padding(), g.groups(), g.params(), g.flops()};
    }

    static Field<?>[] fields(Table<?> t) {
        return new Field<?>[] {field(t, "LAYER_TYPE", String.class), field(t, "IN_SHAPE", String.class),
            field(t, "OUT_SHAPE", String.class), field(t, "IN_ELEMS", Long.class), field(t, "OUT_ELEMS", Long.class),
            field(t, "IN_CHANNELS", Integer.class), field(t, "OUT_CHANNELS", Integer.class),
            field(t, "KERNEL_H", Integer.class), field(t, "KERNEL_W", Integer.class), field(t, "STRIDE", Integer.class),
            field(t, "PADDING", Integer.class), field(t, "GROUP_COUNT", Integer.class), field(t, "PARAMS", Long.class),
            field(t, "FLOPS", Long.class)};
    }

    private static <T> Field<T> field(Table<?> t, String name, Class<T> type) {
        Field<T> f = t.field(name, type);
        if (f == null) {
            throw new IllegalStateException("table " + t.getName() + " has no column " + name);
        }
        return f;
    }
}

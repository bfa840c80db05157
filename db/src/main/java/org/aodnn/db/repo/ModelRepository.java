package org.aodnn.db.repo;

import static org.aodnn.db.jooq.Tables.DNN_MODEL;
import static org.aodnn.db.jooq.Tables.MODEL_LAYER;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.aodnn.db.StoreException;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.db.domain.ModelLayer;
import org.aodnn.db.domain.ModelSummary;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** The catalog of DNN models and their layer tables. */
public final class ModelRepository {

    private final DSLContext dsl;

    public ModelRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<ModelSummary> list() {
        var layers = DSL.count(MODEL_LAYER.ID).as("layers");
        var params = DSL.coalesce(DSL.sum(MODEL_LAYER.PARAMS), DSL.inline(java.math.BigDecimal.ZERO)).as("params");
        var flops = DSL.coalesce(DSL.sum(MODEL_LAYER.FLOPS), DSL.inline(java.math.BigDecimal.ZERO)).as("flops");
        return dsl.select(DNN_MODEL.NAME, DNN_MODEL.SOURCE, layers, params, flops)
                .from(DNN_MODEL)
                .leftJoin(MODEL_LAYER).on(MODEL_LAYER.MODEL_ID.eq(DNN_MODEL.ID))
                .groupBy(DNN_MODEL.ID, DNN_MODEL.NAME, DNN_MODEL.SOURCE)
                .orderBy(DNN_MODEL.ID)
                .fetch(r -> new ModelSummary(r.value1(), r.value2(), r.value3(), r.value4().longValue(),
                        r.value5().longValue()));
    }

    public List<String> names() {
        return dsl.select(DNN_MODEL.NAME).from(DNN_MODEL).orderBy(DNN_MODEL.ID).fetch(DNN_MODEL.NAME);
    }

    public boolean exists(String name) {
        return dsl.fetchExists(DNN_MODEL, DNN_MODEL.NAME.eq(name));
    }

    public Optional<DnnModel> find(String name) {
        var model = dsl.selectFrom(DNN_MODEL).where(DNN_MODEL.NAME.eq(name)).fetchOne();
        if (model == null) {
            return Optional.empty();
        }
        List<ModelLayer> layers = dsl.selectFrom(MODEL_LAYER)
                .where(MODEL_LAYER.MODEL_ID.eq(model.getId()))
                .orderBy(MODEL_LAYER.LAYER_INDEX)
                .fetch(r -> new ModelLayer(r.getLayerIndex(), r.getLayerName(), GeometryColumns.read(r, MODEL_LAYER),
                        r.getCutAfter(), r.getCrossingElems()));
        return Optional.of(new DnnModel(model.getName(), model.getSource(), layers));
    }

    /** Adds models in one transaction; fails, storing nothing, if any name is already in the catalog. */
    public void addAll(Collection<DnnModel> models) {
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            for (DnnModel model : models) {
                insert(tx, model);
            }
        });
    }

    public void add(DnnModel model) {
        addAll(List.of(model));
    }

    private static void insert(DSLContext tx, DnnModel model) {
        if (tx.fetchExists(DNN_MODEL, DNN_MODEL.NAME.eq(model.name()))) {
            throw new StoreException("a model named '" + model.name() + "' is already in the catalog");
        }
        String inputShape = model.layers().isEmpty() ? null : model.layers().get(0).geometry().inShape();
        long id = tx.insertInto(DNN_MODEL)
                .set(DNN_MODEL.NAME, model.name())
                .set(DNN_MODEL.SOURCE, model.source())
                .set(DNN_MODEL.INPUT_SHAPE, inputShape)
                .set(DNN_MODEL.CREATED_AT, OffsetDateTime.now())
                .returning(DNN_MODEL.ID)
                .fetchOne(DNN_MODEL.ID);
        List<Field<?>> fields = new ArrayList<>(List.of(MODEL_LAYER.MODEL_ID, MODEL_LAYER.LAYER_INDEX,
                MODEL_LAYER.LAYER_NAME));
        fields.addAll(List.of(GeometryColumns.fields(MODEL_LAYER)));
        fields.add(MODEL_LAYER.CUT_AFTER);
        fields.add(MODEL_LAYER.CROSSING_ELEMS);
        Object[] placeholders = new Object[fields.size()];
        BatchBindStep batch = tx.batch(tx.insertInto(MODEL_LAYER, fields).values(placeholders));
        for (ModelLayer layer : model.layers()) {
            List<Object> row = new ArrayList<>(List.of(id, layer.layerIndex(), layer.layerName()));
            row.addAll(List.of(GeometryColumns.values(layer.geometry())));
            row.add(layer.cutAfter());
            row.add(layer.crossingElems());
            batch = batch.bind(row.toArray());
        }
        if (!model.layers().isEmpty()) {
            batch.execute();
        }
    }

    public boolean delete(String name) {
        return dsl.deleteFrom(DNN_MODEL).where(DNN_MODEL.NAME.eq(name)).execute() > 0;
    }
}

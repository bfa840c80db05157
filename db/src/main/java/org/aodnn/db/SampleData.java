package org.aodnn.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.aodnn.db.csv.CsvTable;
import org.aodnn.db.csv.LayerCsv;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.db.repo.MeasurementRepository;
import org.aodnn.db.repo.ModelRepository;
import org.aodnn.db.repo.SettingRepository;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the sample data shipped in the {@code assets} module (copies of the project's real measurements)
 * the first time a database is opened: the model catalog, the edge server's measured profiles and the
 * reference browser profiles. A setting records that it was done, so deleted samples stay deleted.
 */
public final class SampleData {

    public static final String ASSET_ROOT = "/org/aodnn/assets/data/";
    public static final String EDGE_PLATFORM = "edge-server";
    public static final String BROWSER_PLATFORM = "reference-browser";
    static final String LOADED_SETTING = "sample_data_loaded";
    private static final Logger LOG = LoggerFactory.getLogger(SampleData.class);

    private final Store store;

    SampleData(Store store) {
        this.store = store;
    }

    void loadOnce() {
        if (store.settings().get(LOADED_SETTING).isPresent()) {
            return;
        }
        List<DnnModel> models = LayerCsv.readModels(table("model-layers.csv"), "sample:model-layers.csv");
        List<LayerMeasurement> edge = LayerCsv.readMeasurements(table("edge-layer-latency.csv"),
                (target, backend) -> EDGE_PLATFORM);
        List<LayerMeasurement> browser = LayerCsv.readMeasurements(table("browser-layer-latency.csv"),
                (target, backend) -> BROWSER_PLATFORM);
        store.dsl().transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            if (new SettingRepository(tx).get(LOADED_SETTING).isPresent()) {
                return; // another process loaded it meanwhile
            }
            new ModelRepository(tx).addAll(models);
            MeasurementRepository.upsertAll(tx, edge);
            MeasurementRepository.upsertAll(tx, browser);
            new SettingRepository(tx).put(LOADED_SETTING, "true");
        });
        LOG.info("Loaded sample data: {} models, {} edge and {} browser layer measurements", models.size(),
                edge.size(), browser.size());
    }

    /** Reads one of the shipped CSV files. */
    public static CsvTable table(String name) {
        try (InputStream in = SampleData.class.getResourceAsStream(ASSET_ROOT + name)) {
            if (in == null) {
                throw new StoreException("sample data file " + name + " is missing from the assets module");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return CsvTable.read("assets:" + name, reader);
            }
        } catch (IOException e) {
            throw new StoreException("cannot read sample data " + name + ": " + e.getMessage(), e);
        }
    }
}

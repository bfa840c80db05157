package org.aodnn.policyeditor.source;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.aodnn.db.Store;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.policyeditor.solver.LayerValues;
import org.aodnn.policyeditor.solver.MobileEnergy;

/**
 * Turns source references (as stored in a policy) into per-layer values for one model. Errors are
 * {@link SourceException} or {@link org.aodnn.db.csv.CsvFormatException}, both naming what is wrong and where.
 */
public final class SourceResolver {

    private final MeasuredProfiles profiles;
    private final StoredPredictors predictors;

    public SourceResolver(Store store) {
        this.profiles = new MeasuredProfiles(store);
        this.predictors = new StoredPredictors(store);
    }

    /** Per-layer latency in ms. */
    public LayerValues latencies(LayerSource source, DnnModel model) {
        if (source instanceof MeasurementProfile p) {
            return profiles.latencies(p, model);
        }
        if (source instanceof PredictorSource p) {
            return predictors.latencies(p, model);
        }
        CsvFileSource csv = (CsvFileSource) source;
        return readCsv(csv.path(), LayerValuesCsv.LATENCY_MS, model);
    }

    /** The mobile compute energy model. */
    public MobileEnergy energy(EnergySource source, DnnModel model) {
        if (source instanceof EnergySource.ComputePower p) {
            return new MobileEnergy.ComputePower(p.milliwatts());
        }
        if (source instanceof EnergySource.Measured m) {
            return new MobileEnergy.Measured(profiles.energies(m.profile(), model));
        }
        if (source instanceof EnergySource.Predicted p) {
            return new MobileEnergy.Measured(predictors.energies(p.predictor(), model));
        }
        EnergySource.Csv csv = (EnergySource.Csv) source;
        return new MobileEnergy.Measured(readCsv(csv.path(), LayerValuesCsv.ENERGY_J, model));
    }

    private static LayerValues readCsv(String path, String column, DnnModel model) {
        try {
            return LayerValuesCsv.read(Path.of(path), column, model);
        } catch (NoSuchFileException e) {
            throw new SourceException(path + ": no such file", e);
        } catch (IOException e) {
            throw new SourceException(path + ": cannot read: " + e.getMessage(), e);
        }
    }
}

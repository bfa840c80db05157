package org.aodnn.modelfitting.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.aodnn.db.Store;
import org.aodnn.db.cli.CommandFailure;
import org.aodnn.db.csv.CsvFormatException;
import org.aodnn.db.domain.LayerMeasurement;
import org.aodnn.db.repo.MeasurementFilter;
import org.aodnn.modelfitting.MeasurementFiles;
import org.aodnn.modelfitting.RowFilter;
import org.aodnn.modelfitting.predictor.LayerSample;
import org.aodnn.modelfitting.predictor.Quantity;

/** Reading --data files for the commands, with operator-facing errors. */
final class DataInputs {

    private DataInputs() {
    }

    /**
     * The stored rows matching {@code where} that measured {@code quantity}, as the workspace reads them (the
     * device is the stored profile and its browser).
     */
    static MeasurementFiles.Selection readStored(Store store, List<String> whereOrNull, Quantity quantity) {
        List<String> where = whereOrNull == null ? List.of() : whereOrNull;
        MeasurementFilter filter;
        try {
            filter = MeasurementFilter.parse(where);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("--where: " + e.getMessage(), 2);
        }
        List<LayerMeasurement> rows = store.measurements().find(filter);
        if (rows.isEmpty()) {
            throw new CommandFailure("no stored measurement rows" + (where.isEmpty() ? "" : " match the --where"
                    + " conditions") + " (stored profiles: " + store.measurements().profiles().stream()
                    .map(p -> p.platform()).distinct().collect(Collectors.joining(", ")) + ")");
        }
        List<LayerSample> samples = new ArrayList<>();
        for (LayerMeasurement m : rows) {
            LayerSample.of(m, quantity, LayerSample.deviceOf(m.key().platform(), m.key().browser()))
                    .ifPresent(samples::add);
        }
        if (samples.isEmpty()) {
            throw new CommandFailure("none of the " + rows.size() + " stored rows has " + quantity.cliName()
                    + ": it is measured only on phones");
        }
        return new MeasurementFiles.Selection(samples, rows.size(), rows.size() - samples.size());
    }

    /** The rows that measured {@code quantity}; rows without it are counted in the selection, not returned. */
    static MeasurementFiles.Selection read(List<Path> files, List<String> where, Quantity quantity) {
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new CommandFailure("--data " + f + ": no such file");
            }
        }
        RowFilter filter;
        try {
            filter = RowFilter.parse(where);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage());
        }
        MeasurementFiles.Selection selection;
        try {
            selection = MeasurementFiles.read(files, filter, quantity);
        } catch (CsvFormatException | IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage());
        } catch (IOException e) {
            throw new CommandFailure("cannot read " + files + ": " + e.getMessage(), e);
        }
        if (selection.rows().isEmpty()) {
            throw new CommandFailure("no measurement rows" + (filter.isEmpty() ? "" : " match the --where conditions")
                    + " in " + files);
        }
        return selection;
    }
}

package org.aodnn.modelfitting.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aodnn.db.cli.CommandFailure;
import org.aodnn.db.csv.CsvFormatException;
import org.aodnn.modelfitting.MeasurementFiles;
import org.aodnn.modelfitting.RowFilter;
import org.aodnn.modelfitting.predictor.LayerSample;
import org.aodnn.modelfitting.predictor.Quantity;

/** Reading --data files for the commands, with operator-facing errors. */
final class DataInputs {

    private DataInputs() {
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

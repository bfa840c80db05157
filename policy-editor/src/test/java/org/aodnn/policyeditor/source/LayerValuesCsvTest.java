package org.aodnn.policyeditor.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.aodnn.db.csv.CsvFormatException;
import org.aodnn.db.domain.DnnModel;
import org.aodnn.policyeditor.ToyModels;
import org.aodnn.policyeditor.solver.LayerValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerValuesCsvTest {

    private static final DnnModel MODEL = ToyModels.model("toy")
            .layer("conv", 10, true, 5).layer("relu", 0, true, 5).layer("fc", 10, true, 1).build();

    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        Path f = dir.resolve("values.csv");
        Files.writeString(f, content);
        return f;
    }

    private CsvFormatException fails(String content, String column) throws IOException {
        Path f = file(content);
        return assertThrows(CsvFormatException.class, () -> LayerValuesCsv.read(f, column, MODEL));
    }

    @Test
    void readsValuesInAnyOrderIgnoringExtraColumns() throws IOException {
        LayerValues v = LayerValuesCsv.read(file("""
                latency_ms,layer_name,layer_index,reps
                2.5,relu,1,3
                1.25,conv,0,3
                10,fc,2,5
                """), LayerValuesCsv.LATENCY_MS, MODEL);
        assertArrayEquals(new double[] {1.25, 2.5, 10}, v.toArray());
        assertTrue(v.source().contains("values.csv"));
    }

    @Test
    void readsOnlyTheRowsOfTheModelWhenTheFileHasAModelColumn() throws IOException {
        LayerValues v = LayerValuesCsv.read(file("""
                model,layer_index,energy_j
                other,0,9
                toy,0,0.5
                toy,1,0.25
                other,1,9
                toy,2,0.125
                """), LayerValuesCsv.ENERGY_J, MODEL);
        assertArrayEquals(new double[] {0.5, 0.25, 0.125}, v.toArray());
        CsvFormatException e = fails("model,layer_index,energy_j\nother,0,1\n", LayerValuesCsv.ENERGY_J);
        assertTrue(e.getMessage().contains("no rows for model toy") && e.getMessage().contains("other"),
                e.getMessage());
    }

    @Test
    void missingLayerIsNamedWithTheFile() throws IOException {
        CsvFormatException e = fails("layer_index,latency_ms\n0,1\n2,1\n", LayerValuesCsv.LATENCY_MS);
        assertTrue(e.getMessage().contains("values.csv"), e.getMessage());
        assertTrue(e.getMessage().contains("missing layer_index 1 (relu)"), e.getMessage());
    }

    @Test
    void duplicateLayerIsNamedWithBothLines() throws IOException {
        CsvFormatException e = fails("layer_index,latency_ms\n0,1\n1,1\n1,2\n2,1\n", LayerValuesCsv.LATENCY_MS);
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("duplicate layer_index 1 (relu)"), e.getMessage());
        assertTrue(e.getMessage().contains("first on line 3"), e.getMessage());
    }

    @Test
    void indexBeyondTheModelIsAnError() throws IOException {
        CsvFormatException e = fails("layer_index,latency_ms\n0,1\n1,1\n2,1\n3,1\n", LayerValuesCsv.LATENCY_MS);
        assertEquals(5, e.line());
        assertTrue(e.getMessage().contains("layer_index 3 does not exist"), e.getMessage());
    }

    @Test
    void missingColumnAndBadValuesAreLocated() throws IOException {
        CsvFormatException noColumn = fails("layer_index,latency\n0,1\n", LayerValuesCsv.LATENCY_MS);
        assertTrue(noColumn.getMessage().contains("latency_ms"), noColumn.getMessage());
        CsvFormatException energyInLatencyFile = fails("layer_index,latency_ms\n0,1\n", LayerValuesCsv.ENERGY_J);
        assertTrue(energyInLatencyFile.getMessage().contains("energy_j"), energyInLatencyFile.getMessage());
        CsvFormatException notNumber = fails("layer_index,latency_ms\n0,1\n1,fast\n2,1\n", LayerValuesCsv.LATENCY_MS);
        assertEquals(3, notNumber.line());
        assertEquals("latency_ms", notNumber.column());
        CsvFormatException negative = fails("layer_index,latency_ms\n0,1\n1,-1\n2,1\n", LayerValuesCsv.LATENCY_MS);
        assertTrue(negative.getMessage().contains("negative"), negative.getMessage());
        CsvFormatException badIndex = fails("layer_index,latency_ms\nx,1\n", LayerValuesCsv.LATENCY_MS);
        assertEquals("layer_index", badIndex.column());
    }

    @Test
    void missingFileIsReported() {
        assertThrows(NoSuchFileException.class,
                () -> LayerValuesCsv.read(dir.resolve("nope.csv"), LayerValuesCsv.LATENCY_MS, MODEL));
    }

    @Test
    void writtenValuesReadBack() throws IOException {
        Path f = file(LayerValuesCsv.write(MODEL, LayerValuesCsv.LATENCY_MS, new double[] {0.1, 0.2, 0.30000000000000004}));
        assertArrayEquals(new double[] {0.1, 0.2, 0.30000000000000004},
                LayerValuesCsv.read(f, LayerValuesCsv.LATENCY_MS, MODEL).toArray());
    }
}

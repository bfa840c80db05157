package org.aodnn.db.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aodnn.db.domain.LayerMeasurement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input that used to slip through, or fail deep inside the database without saying where: files that are not
 * UTF-8, nameless header cells, misspelled optional columns, texts longer than the database holds, values no
 * measurement can have, and keys with surrounding spaces that an export lost.
 */
class LayerCsvInputChecksTest {

    private static final String HEADER = "model,layer_index,layer_name,target,threads,latency_ms,reps,layer_type,"
            + "in_shape,out_shape,in_elems,out_elems,in_channels,out_channels,kernel_h,kernel_w,stride,padding,"
            + "groups,params,flops";
    private static final String ROW = "alexnet,0,features.0,gpu,0,0.03632,30,Conv2d,1x3x224x224,1x64x55x55,"
            + "150528,193600,3,64,11,11,4,2,1,23296,140553600";

    @TempDir
    Path dir;

    private static List<LayerMeasurement> read(String csv) throws IOException {
        return LayerCsv.readMeasurements(CsvTable.read("test.csv", new StringReader(csv)), (t, b) -> "p");
    }

    @Test
    void aFileThatIsNotUtf8IsNamedWithItsLine() throws IOException {
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, (HEADER + "\n" + ROW + "\n" + ROW.replace("features.0", "caf\u00e9") + "\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> CsvTable.read(latin1));
        assertTrue(e.getMessage().startsWith(latin1 + ", line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
    }

    @Test
    void namelessHeaderCellsAreExplained() {
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> read(HEADER + ",,\n" + ROW + ",,\n"));
        assertTrue(e.getMessage().contains("column 22 has no name in the header"), e.getMessage());
    }

    @Test
    void aMisspelledOptionalColumnIsRefusedNamingTheOneMeant() {
        CsvFormatException caseTypo = assertThrows(CsvFormatException.class,
                () -> read(HEADER + ",energy_mJ\n" + ROW + ",12.5\n"));
        assertEquals("energy_mJ", caseTypo.column());
        assertTrue(caseTypo.getMessage().contains("did you mean 'energy_mj'"), caseTypo.getMessage());
        CsvFormatException letters = assertThrows(CsvFormatException.class,
                () -> read(HEADER + ",latency_stdev_ms\n" + ROW + ",0.1\n"));
        assertTrue(letters.getMessage().contains("did you mean 'latency_stddev_ms'"), letters.getMessage());
    }

    @Test
    void unrelatedExtraColumnsAreStillAllowed() throws IOException {
        assertEquals(1, read(HEADER + ",predicted_ms,notes\n" + ROW + ",0.04,first run\n").size());
        // extras that resemble a column the file also has are extras, not misspellings
        assertEquals(1, read(HEADER + ",latency_us,gflops,stride_h,runs\n" + ROW + ",36.3,0.14,4,30\n").size());
    }

    @Test
    void textsLongerThanTheDatabaseHoldsAreRefusedByLineAndColumn() {
        CsvFormatException target = assertThrows(CsvFormatException.class,
                () -> read(HEADER + "\n" + ROW.replace(",gpu,", "," + "g".repeat(41) + ",") + "\n"));
        assertEquals("target", target.column());
        assertTrue(target.getMessage().contains("41 characters long; at most 40 fit"), target.getMessage());
        CsvFormatException platform = assertThrows(CsvFormatException.class, () -> LayerCsv.readMeasurements(
                CsvTable.read("t.csv", new StringReader(HEADER + "\n" + ROW + "\n")), "p".repeat(121)));
        assertTrue(platform.getMessage().contains("121 characters long; at most 120 fit"), platform.getMessage());
    }

    @Test
    void valuesNoMeasurementCanHaveAreRefused() {
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> read(HEADER + "\n" + ROW.replace("0.03632", "1e308") + "\n"));
        assertEquals("latency_ms", e.column());
        assertTrue(e.getMessage().contains("beyond any measurement"), e.getMessage());
    }

    @Test
    void keysWithSurroundingSpacesSurviveAnExportAndImport() throws IOException {
        String csv = HEADER + ",backend,browser\n" + ROW + ",wasm,\" Chrome 1\"\n" + ROW + ",wasm,Chrome 1\n";
        List<LayerMeasurement> rows = read(csv);
        assertEquals(" Chrome 1", rows.get(0).key().browser());
        StringWriter out = new StringWriter();
        LayerCsv.writeMeasurements(rows, out);
        List<LayerMeasurement> again = read(out.toString());
        assertEquals(rows, again, "two rows with two browser keys, as imported");
    }
}

package org.aodnn.db.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.aodnn.db.domain.LayerMeasurement;
import org.junit.jupiter.api.Test;

class LayerCsvTest {

    private static final String HEADER = "model,layer_index,layer_name,target,threads,latency_ms,reps,layer_type,"
            + "in_shape,out_shape,in_elems,out_elems,in_channels,out_channels,kernel_h,kernel_w,stride,padding,"
            + "groups,params,flops";
    private static final String ROW = "alexnet,0,features.0,gpu,0,0.03632,30,Conv2d,1x3x224x224,1x64x55x55,"
            + "150528,193600,3,64,11,11,4,2,1,23296,140553600";

    private static List<LayerMeasurement> read(String csv) throws IOException {
        return LayerCsv.readMeasurements(CsvTable.read("test.csv", new StringReader(csv)), (t, b) -> "p");
    }

    @Test
    void readsTheSharedFormat() throws IOException {
        LayerMeasurement m = read(HEADER + "\n" + ROW + "\n").get(0);
        assertEquals("alexnet", m.key().model());
        assertEquals("p", m.key().platform());
        assertEquals("", m.key().backend());
        assertEquals(0.03632, m.latencyMs());
        assertEquals(140553600L, m.geometry().flops());
    }

    @Test
    void badCellsAreReportedByLineAndColumn() {
        var negative = assertThrows(CsvFormatException.class,
                () -> read(HEADER + "\n" + ROW + "\n" + ROW.replace("0.03632", "-1") + "\n"));
        assertEquals(3, negative.line());
        assertEquals("latency_ms", negative.column());
        assertTrue(negative.getMessage().startsWith("test.csv, line 3, column 'latency_ms'"), negative.getMessage());

        var text = assertThrows(CsvFormatException.class, () -> read(HEADER + "\n" + ROW.replace(",30,", ",thirty,")));
        assertEquals("reps", text.column());

        var type = assertThrows(CsvFormatException.class, () -> read(HEADER + "\n" + ROW.replace("Conv2d", "Conv9d")));
        assertEquals("layer_type", type.column());
        assertTrue(type.getMessage().contains("unknown layer type 'Conv9d'"));

        var missing = assertThrows(CsvFormatException.class,
                () -> read(HEADER.replace(",flops", "") + "\n" + ROW.substring(0, ROW.lastIndexOf(','))));
        assertTrue(missing.getMessage().contains("missing column(s) flops"), missing.getMessage());

        var ragged = assertThrows(CsvFormatException.class, () -> read(HEADER + "\n" + ROW + ",extra"));
        assertEquals(2, ragged.line());
    }

    @Test
    void writtenRowsReadBackIdentically() throws IOException {
        List<LayerMeasurement> rows = read(HEADER + "\n" + ROW + "\n" + ROW.replace("0.03632", "1.0E-5") + "\n");
        StringWriter out = new StringWriter();
        LayerCsv.writeMeasurements(rows, out);
        List<LayerMeasurement> again = LayerCsv.readMeasurements(
                CsvTable.read("again.csv", new StringReader(out.toString())), (t, b) -> "other");
        assertEquals(rows, again, "the platform column written on export wins over the default");
    }

    @Test
    void quotedFieldsMayHoldCommas() throws IOException {
        String csv = HEADER + ",backend,browser\n" + ROW + ",wasm,\"Chromium 156, headless\"\n";
        assertEquals("Chromium 156, headless", read(csv).get(0).key().browser());
    }
}

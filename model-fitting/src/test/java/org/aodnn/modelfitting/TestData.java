package org.aodnn.modelfitting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aodnn.db.domain.LayerGeometry;
import org.aodnn.modelfitting.predictor.LayerSample;

/** Real measurement subsets (small, for fast tests) and synthetic layers with known laws. */
public final class TestData {

    private TestData() {
    }

    public static Path sharedData() {
        String dir = System.getProperty("aodnn.shared.data");
        if (dir == null) {
            throw new IllegalStateException("system property aodnn.shared.data is not set (surefire sets it)");
        }
        return Path.of(dir);
    }

    public static Path edgeCsv() {
        Path p = sharedData().resolve("edge-layer-latency.csv");
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("missing " + p);
        }
        return p;
    }

    public static Path browserCsv() {
        return sharedData().resolve("browser-layer-latency.csv");
    }

    /** Edge CPU rows of four small models at 1 and 4 threads (about 900 rows). */
    public static List<LayerSample> edgeCpuSubset() throws IOException {
        return MeasurementFiles.read(List.of(edgeCsv()), RowFilter.parse(List.of("target=cpu", "threads=1",
                "threads=4", "model=alexnet", "model=resnet18", "model=mobilenet_v2", "model=squeezenet1_1")));
    }

    public static LayerGeometry conv(int inC, int outC, int hw, int k, int stride, int groups) {
        int outHw = hw / stride;
        long in = (long) inC * hw * hw;
        long out = (long) outC * outHw * outHw;
        long params = (long) outC * (inC / groups) * k * k + outC;
        long flops = 2L * out * (inC / groups) * k * k;
        return new LayerGeometry("Conv2d", "1x" + inC + "x" + hw + "x" + hw, "1x" + outC + "x" + outHw + "x" + outHw,
                in, out, inC, outC, k, k, stride, k / 2, groups, params, flops);
    }

    public static LayerGeometry elementwise(String type, int c, int hw) {
        long e = (long) c * hw * hw;
        return new LayerGeometry(type, "1x" + c + "x" + hw + "x" + hw, "1x" + c + "x" + hw + "x" + hw, e, e, c, c,
                0, 0, 0, 0, 1, type.equals("BatchNorm2d") ? 2L * c : 0, e);
    }

    public static LayerSample sample(String platform, String model, int index, LayerGeometry g, int threads, double ms) {
        return new LayerSample(platform, model, index, "l" + index, g, threads, null, ms);
    }
}

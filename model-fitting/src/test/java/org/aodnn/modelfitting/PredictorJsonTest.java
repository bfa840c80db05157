package org.aodnn.modelfitting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aodnn.modelfitting.fit.FitMonitor;
import org.aodnn.modelfitting.fit.FitOptions;
import org.aodnn.modelfitting.predictor.LayerSample;
import org.aodnn.modelfitting.predictor.PredictorDocument;
import org.aodnn.modelfitting.predictor.PredictorEvaluator;
import org.aodnn.modelfitting.predictor.PredictorFormatException;
import org.aodnn.modelfitting.predictor.PredictorJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictorJsonTest {

    @TempDir
    Path dir;

    @Test
    void aDocumentReadBackPredictsBitIdentically() throws Exception {
        List<LayerSample> rows = TestData.edgeCpuSubset();
        for (FitOptions options : List.of(FitOptions.logLatency().withMaxDegree(2), FitOptions.paper().withMaxDegree(2))) {
            FitTask task = new FitTask(rows, options, java.util.Map.of(), false);
            PredictorDocument doc = task.run(null).document();
            Path file = dir.resolve(options.name() + ".json");
            PredictorJson.write(doc, file);
            PredictorDocument back = PredictorJson.read(file);
            PredictorEvaluator a = new PredictorEvaluator(doc);
            PredictorEvaluator b = new PredictorEvaluator(back);
            for (LayerSample s : rows) {
                assertEquals(Double.doubleToRawLongBits(a.predict(s).ms()), Double.doubleToRawLongBits(b.predict(s).ms()),
                        options.name() + " " + s);
            }
            assertEquals(PredictorJson.write(doc), PredictorJson.write(back));
            assertEquals(doc.fingerprint(), back.fingerprint());
            assertTrue(back.metrics().has("in-sample"));
        }
    }

    @Test
    void fingerprintDependsOnTheDataNotItsOrder() throws Exception {
        List<LayerSample> rows = TestData.edgeCpuSubset();
        List<LayerSample> reversed = new java.util.ArrayList<>(rows);
        java.util.Collections.reverse(reversed);
        assertEquals(org.aodnn.modelfitting.fit.TrainingFingerprint.of(rows),
                org.aodnn.modelfitting.fit.TrainingFingerprint.of(reversed));
        assertTrue(!org.aodnn.modelfitting.fit.TrainingFingerprint.of(rows)
                .equals(org.aodnn.modelfitting.fit.TrainingFingerprint.of(rows.subList(1, rows.size()))));
    }

    @Test
    void unsupportedVersionsAndInconsistentUnitsAreRejectedByName() throws Exception {
        List<LayerSample> rows = FitterTest.powerLawConvs(0.0);
        String json = PredictorJson.write(new org.aodnn.modelfitting.fit.PredictorFitter(
                FitOptions.logLatency().withMaxDegree(1)).fit(rows, FitMonitor.NONE).document());
        PredictorFormatException version = assertThrows(PredictorFormatException.class,
                () -> PredictorJson.read("p.json", json.replace("\"schemaVersion\" : 2", "\"schemaVersion\" : 9")));
        assertTrue(version.getMessage().contains("p.json") && version.getMessage().contains("schemaVersion 9"),
                version.getMessage());
        String badExponents = json.replaceFirst("\"exponents\" : \\[ \\[", "\"exponents\" : [ [ 7, ");
        PredictorFormatException units = assertThrows(PredictorFormatException.class,
                () -> PredictorJson.read("p.json", badExponents));
        assertTrue(units.getMessage().contains("unit 'Conv2d'"), units.getMessage());
        assertThrows(PredictorFormatException.class, () -> PredictorJson.read("p.json", "{ not json"));
        Files.writeString(dir.resolve("x.json"), json);
        assertEquals(2, PredictorJson.read(dir.resolve("x.json")).schemaVersion());
        // a version 1 document (before trainingThreads) still reads
        String v1 = json.replace("\"schemaVersion\" : 2", "\"schemaVersion\" : 1")
                .replaceAll(",\\s*\"trainingThreads\" : \\[[^\\]]*\\]", "");
        assertTrue(!v1.contains("trainingThreads") && v1.contains("\"schemaVersion\" : 1"), v1.substring(0, 80));
        assertEquals(List.of(), PredictorJson.read("old.json", v1).platforms().get(0).trainingThreads());
    }

    @Test
    void aDocumentFollowedByMoreIsRefused() {
        List<LayerSample> rows = FitterTest.powerLawConvs(0.0);
        String json = PredictorJson.write(new org.aodnn.modelfitting.fit.PredictorFitter(
                FitOptions.logLatency().withMaxDegree(1)).fit(rows, FitMonitor.NONE).document());
        PredictorFormatException trailing = assertThrows(PredictorFormatException.class,
                () -> PredictorJson.read("p.json", json + "}}garbage"));
        assertTrue(trailing.getMessage().startsWith("p.json: not a predictor document"), trailing.getMessage());
        assertEquals(2, PredictorJson.read("p.json", json + "\n\n").schemaVersion(), "white space after is fine");
    }

    @Test
    void missingOrMistypedFieldsAreNamedByTheirPathNotByTheJsonLibrary() {
        List<LayerSample> rows = FitterTest.powerLawConvs(0.0);
        String json = PredictorJson.write(new org.aodnn.modelfitting.fit.PredictorFitter(
                FitOptions.logLatency().withMaxDegree(1)).fit(rows, FitMonitor.NONE).document());
        assertEquals("p.json: not a predictor document: the required field 'platforms' is missing",
                assertThrows(PredictorFormatException.class, () -> PredictorJson.read("p.json",
                        "{\"schemaVersion\": 1, \"quantity\": \"latency_ms\", \"mode\": \"log\"}")).getMessage());
        String noCoefficients = json.replaceFirst("\"coefficients\" : \\[[^\\]]*\\],", "");
        assertEquals("p.json: not a predictor document: platforms[0].units[0]: the required field 'coefficients' is missing",
                assertThrows(PredictorFormatException.class, () -> PredictorJson.read("p.json", noCoefficients)).getMessage());
        String textScale = json.replaceFirst("\"scale\" : ([0-9.eE-]+)", "\"scale\" : \"$1\"");
        assertTrue(assertThrows(PredictorFormatException.class, () -> PredictorJson.read("p.json", textScale))
                .getMessage().endsWith("platforms[0].units[0].features[0].scale: must be a number"));
        String noDegree = json.replaceFirst("\"degree\" : \\d+,", "");
        assertEquals("p.json: not a predictor document: platforms[0].units[0]: the required field 'degree' is missing",
                assertThrows(PredictorFormatException.class, () -> PredictorJson.read("p.json", noDegree)).getMessage());
        String fractionalExponent = json.replaceFirst("\"exponents\" : \\[ \\[ (\\d)", "\"exponents\" : [ [ $1.7");
        assertTrue(assertThrows(PredictorFormatException.class, () -> PredictorJson.read("p.json", fractionalExponent))
                .getMessage().endsWith("platforms[0].units[0].exponents[0][0]: must be a whole number"));
        String fractionalVersion = json.replace("\"schemaVersion\" : 2", "\"schemaVersion\" : 1.9");
        assertTrue(assertThrows(PredictorFormatException.class, () -> PredictorJson.read("p.json", fractionalVersion))
                .getMessage().endsWith("schemaVersion: must be a whole number"));
        assertEquals("p.json: not a predictor document: the document must be a JSON object",
                assertThrows(PredictorFormatException.class, () -> PredictorJson.read("p.json", "[1, 2]")).getMessage());
    }
}

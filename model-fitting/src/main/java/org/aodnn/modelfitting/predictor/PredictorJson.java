package org.aodnn.modelfitting.predictor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.aodnn.db.cli.Json;
import org.aodnn.db.domain.StoredPredictor;
import org.aodnn.db.files.AtomicFiles;

/**
 * Reads and writes predictor documents. Doubles are written in Java's shortest round-trip form, so a
 * document read back predicts bit-identically. Reading validates the whole document and names the
 * source and the part at fault.
 */
public final class PredictorJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // a document followed by anything else is not one document (a paste gone wrong, two files joined)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private PredictorJson() {
    }

    /**
     * The document as JSON, checked as a reader will check it first: a fit must not write (or store) a document
     * that {@code predict} or the browser runtime would then refuse (an infinite bound, say).
     */
    public static String write(PredictorDocument document) {
        validate("the fitted predictor", document);
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write predictor document: " + e.getMessage(), e);
        }
    }

    public static void write(PredictorDocument document, Path file) throws IOException {
        String json = write(document);
        AtomicFiles.writeText(file, w -> w.write(json));
    }

    /** The row that stores {@code document} in the database under {@code name}. */
    public static StoredPredictor toStored(String name, PredictorDocument document) {
        try {
            return new StoredPredictor(name, String.join(",", document.platformNames()), document.quantity(),
                    document.schemaVersion(), document.fingerprint(), write(document),
                    MAPPER.writeValueAsString(document.metrics()), null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the metrics of predictor '" + name + "': " + e.getMessage(), e);
        }
    }

    /** The document a database row stores, checked like a file; errors name the stored predictor. */
    public static PredictorDocument read(StoredPredictor stored) {
        return read("stored predictor '" + stored.name() + "'", stored.document());
    }

    public static PredictorDocument read(Path file) throws IOException {
        return read(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    public static PredictorDocument read(String source, String json) {
        PredictorDocument doc;
        try {
            JsonNode tree = MAPPER.readTree(json);
            RequiredFields.check(source, tree);
            doc = MAPPER.treeToValue(tree, PredictorDocument.class);
        } catch (JsonProcessingException e) {
            throw new PredictorFormatException(source + ": not a predictor document: " + Json.problem(e), e);
        }
        validate(source, doc);
        return doc;
    }

    /** Checks everything an evaluator relies on. */
    public static void validate(String source, PredictorDocument doc) {
        if (doc.schemaVersion() < PredictorDocument.OLDEST_READABLE_VERSION
                || doc.schemaVersion() > PredictorDocument.SCHEMA_VERSION) {
            throw new PredictorFormatException(source + ": schemaVersion " + doc.schemaVersion()
                    + " is not supported (this build reads " + PredictorDocument.OLDEST_READABLE_VERSION + " to "
                    + PredictorDocument.SCHEMA_VERSION + ")");
        }
        try {
            Quantity.ofId(doc.quantity());
        } catch (IllegalArgumentException e) {
            throw new PredictorFormatException(source + ": " + e.getMessage());
        }
        if (doc.platforms() == null || doc.platforms().isEmpty()) {
            throw new PredictorFormatException(source + ": no platforms");
        }
        Set<String> names = new HashSet<>();
        for (PlatformPredictor p : doc.platforms()) {
            String where = source + ": platform '" + p.platform() + "'";
            if (p.platform() == null || !names.add(p.platform())) {
                throw new PredictorFormatException(where + " is missing a name or appears twice");
            }
            if (p.calibration() == null && p.units().isEmpty()) {
                throw new PredictorFormatException(where + " has neither unit models nor a calibration");
            }
            for (UnitModel u : p.units()) {
                validateUnit(where + " unit '" + u.key() + "'", u);
            }
        }
        for (PlatformPredictor p : doc.platforms()) {
            Calibration c = p.calibration();
            if (c == null) {
                continue;
            }
            String where = source + ": platform '" + p.platform() + "' calibration";
            if (!names.contains(c.basePlatform()) || c.basePlatform().equals(p.platform())) {
                throw new PredictorFormatException(where + " names base platform '" + c.basePlatform()
                        + "' which is not another platform of the document");
            }
            if (!Calibration.LINEAR.equals(c.kind()) && !Calibration.QUADRATIC.equals(c.kind())) {
                throw new PredictorFormatException(where + " has unknown kind '" + c.kind() + "'");
            }
            requireFinite(where, c.minMs());
            boolean global = false;
            for (Calibration.Fit f : c.fits()) {
                if (!Set.of(UnitModel.LEVEL_TYPE, UnitModel.LEVEL_FAMILY, UnitModel.LEVEL_GLOBAL).contains(f.level())) {
                    throw new PredictorFormatException(where + " fit '" + f.key() + "' has unknown level '" + f.level() + "'");
                }
                global |= UnitModel.LEVEL_GLOBAL.equals(f.level());
                requireFinite(where + " fit '" + f.key() + "'", f.gamma(), f.delta(), f.epsilon());
            }
            if (!global) {
                throw new PredictorFormatException(where + " has no global fit");
            }
        }
    }

    private static void validateUnit(String where, UnitModel u) {
        if (u.key() == null || u.family() == null || u.level() == null) {
            throw new PredictorFormatException(where + ": key, family and level are required");
        }
        if (!Set.of(UnitModel.LEVEL_TYPE, UnitModel.LEVEL_FAMILY, UnitModel.LEVEL_GLOBAL).contains(u.level())) {
            throw new PredictorFormatException(where + ": unknown level '" + u.level() + "'");
        }
        if (!UnitModel.TARGET_IDENTITY.equals(u.target()) && !UnitModel.TARGET_LOG.equals(u.target())) {
            throw new PredictorFormatException(where + ": unknown target '" + u.target() + "'");
        }
        if (u.exponents() == null || u.coefficients() == null || u.exponents().length != u.coefficients().length) {
            throw new PredictorFormatException(where + ": exponents and coefficients must have the same length");
        }
        for (int[] e : u.exponents()) {
            if (e == null || e.length != u.features().size()) {
                throw new PredictorFormatException(where + ": every exponent row needs one entry per feature ("
                        + u.features().size() + ")");
            }
            for (int v : e) {
                if (v < 0) {
                    throw new PredictorFormatException(where + ": negative exponent");
                }
            }
        }
        for (FeatureInput f : u.features()) {
            try {
                BaseFeature.ofId(f.name());
            } catch (IllegalArgumentException e) {
                throw new PredictorFormatException(where + ": " + e.getMessage());
            }
            if (!FeatureInput.IDENTITY.equals(f.transform()) && !FeatureInput.LOG1P.equals(f.transform())) {
                throw new PredictorFormatException(where + ": feature '" + f.name() + "' has unknown transform '"
                        + f.transform() + "'");
            }
            if (!(f.scale() > 0) || !Double.isFinite(f.scale()) || !Double.isFinite(f.center())) {
                throw new PredictorFormatException(where + ": feature '" + f.name() + "' needs a finite center and a positive scale");
            }
        }
        requireFinite(where, u.intercept(), u.minMs(), u.maxMs());
        requireFinite(where, u.coefficients());
        if (u.minMs() > u.maxMs()) {
            throw new PredictorFormatException(where + ": minMs exceeds maxMs");
        }
    }

    private static void requireFinite(String where, double... values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new PredictorFormatException(where + ": non-finite number " + v);
            }
        }
    }
}

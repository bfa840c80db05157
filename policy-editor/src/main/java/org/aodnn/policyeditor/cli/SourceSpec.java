package org.aodnn.policyeditor.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aodnn.db.Store;
import org.aodnn.modelfitting.predictor.Platforms;
import org.aodnn.policyeditor.source.CsvFileSource;
import org.aodnn.policyeditor.source.EnergySource;
import org.aodnn.policyeditor.source.LayerSource;
import org.aodnn.policyeditor.source.MeasuredProfiles;
import org.aodnn.policyeditor.source.MeasurementProfile;
import org.aodnn.policyeditor.source.PredictorSource;
import org.aodnn.policyeditor.source.StoredPredictors;

/**
 * The value of a latency or energy option of {@code aodnn partition} and {@code aodnn policy save}: a CSV
 * file, or a source stored in the database, the same ones the Policy Editor offers:
 * <ul>
 *   <li>{@code profile:PLATFORM:TARGET[:BACKEND[:THREADS[:BROWSER]]]}: a stored measurement profile. Parts
 *       left out or empty match any stored value; the spec must then match exactly one stored profile, so
 *       {@code profile:edge-server:gpu} is enough where the platform has one GPU profile. (Platform names
 *       never contain ':'; a browser name may, so it is the last part.)</li>
 *   <li>{@code predictor:NAME:PLATFORM[:THREADS]}: a stored predictor evaluated for every layer, as
 *       {@code --mobile-energy-predictor NAME:PLATFORM[:THREADS]}; THREADS defaults to 0 on a GPU
 *       platform, else 1 (what a browser tab gets).</li>
 *   <li>anything else is a file path (a file whose name starts with {@code profile:} is {@code ./profile:...}).</li>
 * </ul>
 * Every error is an {@link IllegalArgumentException} that names the option and, for stored sources, lists
 * what the database holds, written as specs the operator can paste.
 */
final class SourceSpec {

    static final String PROFILE = "profile:";
    static final String PREDICTOR = "predictor:";
    /** At most this many stored sources are listed in a message. */
    private static final int MAX_LISTED = 12;

    private SourceSpec() {
    }

    /** The latency source a {@code --mobile-latency}/{@code --edge-latency} value names. */
    static LayerSource latency(String option, String value, Store store) {
        if (value.startsWith(PROFILE)) {
            List<MeasurementProfile> stored = new MeasuredProfiles(store).list().stream()
                    .map(MeasuredProfiles.ProfileInfo::profile).toList();
            return profile(option, value, stored, "stored measurement profile", "stored measurement profiles");
        }
        if (value.startsWith(PREDICTOR)) {
            PredictorSource source = predictor(option, value, value.substring(PREDICTOR.length()),
                    "predictor:NAME:PLATFORM[:THREADS], e.g. predictor:lomo:browser/wasm:1");
            requireKnownName(option, value, source, new StoredPredictors(store).sources().latency(), "latency");
            return source;
        }
        return new CsvFileSource(file(option, value));
    }

    /** The mobile energy source a {@code --mobile-energy} value names: a file or a profile that measured energy. */
    static EnergySource energy(String option, String value, Store store) {
        if (value.startsWith(PROFILE)) {
            List<MeasurementProfile> stored = new MeasuredProfiles(store).withEnergy().stream()
                    .map(MeasuredProfiles.ProfileInfo::profile).toList();
            return new EnergySource.Measured(profile(option, value, stored, "stored profile with measured energy",
                    "stored profiles with measured energy"));
        }
        if (value.startsWith(PREDICTOR)) {
            throw new IllegalArgumentException(option + " " + value
                    + ": a stored energy predictor is given with --mobile-energy-predictor NAME:PLATFORM[:THREADS]");
        }
        return new EnergySource.Csv(file(option, value));
    }

    /** A {@code --mobile-energy-predictor NAME:PLATFORM[:THREADS]} value, checked against the stored energy predictors. */
    static PredictorSource energyPredictor(String option, String value, Store store) {
        PredictorSource source = predictor(option, value, value,
                "NAME:PLATFORM[:THREADS], e.g. phone-energy:browser/wasm:8");
        if (store != null) {
            requireKnownName(option, value, source, new StoredPredictors(store).sources().energy(), "energy");
        }
        return source;
    }

    /** {@code NAME:PLATFORM[:THREADS]} (a platform may contain '/', never ':'). */
    static PredictorSource predictor(String option, String value, String spec, String expected) {
        String[] parts = spec.split(":", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException(option + " " + value + ": expected " + expected);
        }
        String platform = parts[1].trim();
        int threads = parts.length == 3 ? threads(option, value, parts[2]) : Platforms.defaultThreads(platform);
        return new PredictorSource(parts[0].trim(), platform, threads);
    }

    /** How a stored profile is written as an option value (the full key, so it always matches just itself). */
    static String spec(MeasurementProfile p) {
        return PROFILE + p.platform() + ":" + p.target() + ":" + p.backend() + ":" + p.threads()
                + (p.browser().isEmpty() ? "" : ":" + p.browser());
    }

    /** How a stored predictor source is written as a {@code predictor:} option value. */
    static String spec(PredictorSource p) {
        return PREDICTOR + p.name() + ":" + p.platform() + ":" + p.threads();
    }

    private static MeasurementProfile profile(String option, String value, List<MeasurementProfile> stored,
                                              String what, String whatPlural) {
        // PLATFORM:TARGET[:BACKEND[:THREADS[:BROWSER]]]: at most 5 parts, the browser keeps any ':' it has
        String[] parts = value.substring(PROFILE.length()).split(":", 5);
        if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException(option + " " + value
                    + ": expected profile:PLATFORM:TARGET[:BACKEND[:THREADS[:BROWSER]]], e.g. "
                    + "profile:reference-browser:browser:wasm:1 or profile:edge-server:gpu");
        }
        String platform = parts[0].trim();
        String target = parts[1].trim();
        String backend = parts.length > 2 ? parts[2].trim() : "";
        Integer threads = parts.length > 3 && !parts[3].isBlank() ? threads(option, value, parts[3]) : null;
        String browser = parts.length > 4 ? parts[4].trim() : "";
        List<MeasurementProfile> matching = new ArrayList<>();
        for (MeasurementProfile p : stored) {
            if (p.platform().equals(platform) && p.target().equals(target)
                    && (backend.isEmpty() || p.backend().equals(backend))
                    && (threads == null || p.threads() == threads)
                    && (browser.isEmpty() || p.browser().equals(browser))) {
                matching.add(p);
            }
        }
        if (matching.size() == 1) {
            return matching.get(0);
        }
        if (matching.isEmpty()) {
            throw new IllegalArgumentException(option + " " + value + ": no " + what + " matches ("
                    + (stored.isEmpty() ? "the database has none"
                            : "stored: " + list(stored.stream().map(SourceSpec::spec).toList())) + ")");
        }
        throw new IllegalArgumentException(option + " " + value + ": matches " + matching.size() + " "
                + whatPlural + ", name one: " + list(matching.stream().map(SourceSpec::spec).toList()));
    }

    /** A predictor name the database does not hold fails here, listing the stored ones of that quantity. */
    private static void requireKnownName(String option, String value, PredictorSource source,
                                         List<PredictorSource> stored, String quantity) {
        if (stored.stream().noneMatch(p -> p.name().equals(source.name()))) {
            throw new IllegalArgumentException(option + " " + value + ": no stored predictor named '"
                    + source.name() + "' among the " + quantity + " predictors ("
                    + (stored.isEmpty() ? "the database has none; fit one with aodnn fit --save NAME"
                            : "stored: " + list(stored.stream().map(p -> written(p, value)).toList())) + ")");
        }
    }

    /** A stored predictor as the option takes it: with the {@code predictor:} prefix only where the value had it. */
    private static String written(PredictorSource p, String value) {
        return value.startsWith(PREDICTOR) ? spec(p) : spec(p).substring(PREDICTOR.length());
    }

    private static int threads(String option, String value, String text) {
        try {
            int threads = Integer.parseInt(text.trim());
            if (threads >= 0) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " " + value + ": THREADS must be a whole number >= 0, got '"
                + text.trim() + "'");
    }

    private static String file(String option, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(option + ": empty file name");
        }
        try {
            return Path.of(value).toAbsolutePath().normalize().toString();
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException(option + " " + value + ": not a file path (" + e.getReason()
                    + "); stored sources are profile:... or predictor:...");
        }
    }

    private static String list(List<String> specs) {
        List<String> shown = specs.subList(0, Math.min(specs.size(), MAX_LISTED));
        String more = specs.size() > shown.size() ? " and " + (specs.size() - shown.size()) + " more" : "";
        return String.join(", ", shown) + more;
    }
}

package org.aodnn.edgeconnector.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aodnn.db.files.AtomicFiles;
import org.aodnn.edgeconnector.json.StrictJson;
import org.aodnn.edgeconnector.manifest.ManifestDigest;
import org.aodnn.edgeconnector.manifest.ManifestFields;

/**
 * The agent's manifests on disk: {@code DATA/manifests/MODEL/v0000000042.json}, one file per kept version,
 * written with {@link AtomicFiles} (temp file, fsync, rename, fsync of the directory). The current manifest
 * of a model is its highest kept version, so there is no pointer file that could disagree with the versions:
 * a kill at any instant leaves either the old highest version or the new one, both complete. A rollback
 * moves the current file to {@code rolled-back/}, which makes the previous version current again (or, for
 * the only version, leaves the model without a manifest).
 * At most {@link #KEEP} versions are kept per model.
 */
public final class ManifestStore {

    public static final int KEEP = 5;
    private static final Pattern VERSION_FILE = Pattern.compile("v(\\d{16})\\.json");
    private static final String ROLLED_BACK = "rolled-back";
    private static final String DAMAGED = "damaged";

    private final Path root;
    private final Clock clock;
    private final AgentLog log;
    /** model -> kept versions, ascending; guarded by this. */
    private final Map<String, List<StoredManifest>> byModel = new TreeMap<>();

    private ManifestStore(Path root, Clock clock, AgentLog log) {
        this.root = root;
        this.clock = clock;
        this.log = log;
    }

    /** Opens the store under {@code dataDir}, sweeping temporary files of writes that a kill interrupted. */
    public static ManifestStore open(Path dataDir, Clock clock, AgentLog log) throws IOException {
        Path root = AtomicFiles.createDirectories(dataDir.resolve("manifests"), false);
        ManifestStore store = new ManifestStore(root, clock, log);
        try (var dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                String model = dir.getFileName().toString();
                if (!ManifestFields.isSafeModelId(model)) {
                    continue;
                }
                int swept = AtomicFiles.sweepTemporaryFiles(dir);
                if (swept > 0) {
                    store.log.warn("removed " + swept + " unfinished write(s) of " + model + " left by an earlier stop");
                }
                List<StoredManifest> versions = store.loadVersions(model, dir);
                if (!versions.isEmpty()) {
                    store.byModel.put(model, versions);
                }
            }
        }
        return store;
    }

    private List<StoredManifest> loadVersions(String model, Path dir) throws IOException {
        List<StoredManifest> versions = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                Matcher m = VERSION_FILE.matcher(file.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(file);
                // Written atomically, so never torn; still, a file damaged by other means is set aside, not served.
                try {
                    JsonNode doc = StrictJson.parse(bytes);
                    if (!model.equals(doc.path("model").asText()) || doc.path("version").asLong() != Long.parseLong(m.group(1))) {
                        throw new StrictJson.JsonSyntaxException("model or version does not match the file name");
                    }
                } catch (StrictJson.JsonSyntaxException e) {
                    Path damaged = AtomicFiles.createDirectories(dir.resolve(DAMAGED), false);
                    AtomicFiles.move(file, damaged.resolve(file.getFileName()));
                    log.error("set aside the damaged manifest " + file + ": " + e.getMessage());
                    continue;
                }
                versions.add(new StoredManifest(model, Long.parseLong(m.group(1)), ManifestDigest.sha256(bytes),
                        Files.getLastModifiedTime(file).toInstant(), file));
            }
        }
        versions.sort(Comparator.comparingLong(StoredManifest::version));
        return versions;
    }

    public synchronized Optional<StoredManifest> current(String model) {
        List<StoredManifest> versions = byModel.get(model);
        return versions == null || versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /** The current manifest of every model. */
    public synchronized List<StoredManifest> currentAll() {
        List<StoredManifest> all = new ArrayList<>();
        for (List<StoredManifest> versions : byModel.values()) {
            all.add(versions.get(versions.size() - 1));
        }
        return all;
    }

    public synchronized int modelCount() {
        return byModel.size();
    }

    public byte[] read(StoredManifest manifest) throws IOException {
        return Files.readAllBytes(manifest.file());
    }

    /**
     * Stores {@code canonicalBytes} as the new current version; the caller has checked the version is above
     * the current one while holding this store's lock ({@link #lock()}).
     */
    public synchronized StoredManifest put(String model, long version, byte[] canonicalBytes) throws IOException {
        Path dir = AtomicFiles.createDirectories(root.resolve(model), false);
        Path file = dir.resolve(fileName(version));
        Instant now = clock.instant();
        AtomicFiles.write(file, canonicalBytes, false, FileTime.from(now));
        StoredManifest stored = new StoredManifest(model, version, ManifestDigest.sha256(canonicalBytes),
                Files.getLastModifiedTime(file).toInstant(), file);
        List<StoredManifest> versions = byModel.computeIfAbsent(model, m -> new ArrayList<>());
        versions.removeIf(v -> v.version() == version);
        versions.add(stored);
        versions.sort(Comparator.comparingLong(StoredManifest::version));
        while (versions.size() > KEEP) {
            // not forced to disk: a pruned version that reappears after a crash is only an old extra
            StoredManifest oldest = versions.remove(0);
            Files.deleteIfExists(oldest.file());
        }
        return stored;
    }

    /**
     * Undoes the latest publication of {@code model} by moving its current file aside: the previous kept
     * version becomes current again or, when the current one is the only version (a first deployment), the
     * model is withdrawn and the agent serves nothing for it, as before that deployment. The move is the
     * persisted state, so a restart finds the same. Empty when the model has no version.
     */
    public synchronized Optional<RollbackResult> rollback(String model) throws IOException {
        List<StoredManifest> versions = byModel.get(model);
        if (versions == null || versions.isEmpty()) {
            return Optional.empty();
        }
        StoredManifest current = versions.get(versions.size() - 1);
        Path aside = AtomicFiles.createDirectories(current.file().getParent().resolve(ROLLED_BACK), false);
        AtomicFiles.move(current.file(), aside.resolve(current.file().getFileName().toString()
                .replace(".json", "-" + clock.millis() + ".json")));
        versions.remove(versions.size() - 1);
        if (versions.isEmpty()) {
            byModel.remove(model);
            return Optional.of(new RollbackResult(current, null));
        }
        return Optional.of(new RollbackResult(current, versions.get(versions.size() - 1)));
    }

    /** The lock that makes check-then-store of a PUT one step. */
    public Object lock() {
        return this;
    }

    static String fileName(long version) {
        return String.format("v%016d.json", version);
    }

    /** What a rollback left: the version moved aside and the one now current (null: withdrawn). */
    public record RollbackResult(StoredManifest removed, StoredManifest current) {

        public boolean withdrawn() {
            return current == null;
        }
    }
}

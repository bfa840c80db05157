package org.aodnn.edgeconnector.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.aodnn.db.Store;
import org.aodnn.db.StoreException;
import org.aodnn.db.cli.CommandFailure;
import org.aodnn.db.cli.Json;
import org.aodnn.db.cli.StoreOptions;
import org.aodnn.db.csv.CsvFormatException;
import org.aodnn.edgeconnector.build.ManifestCatalog;
import org.aodnn.edgeconnector.crypto.KeyFormatException;
import org.aodnn.edgeconnector.crypto.TrustedKeys;
import org.aodnn.db.files.AtomicFiles;
import org.aodnn.edgeconnector.json.StrictJson;
import org.aodnn.edgeconnector.manifest.ManifestException;
import org.aodnn.edgeconnector.manifest.ManifestSignature;
import org.aodnn.edgeconnector.manifest.SignedManifest;
import org.aodnn.policyeditor.cli.PartitionOptions;
import org.aodnn.policyeditor.policy.PolicyException;
import org.aodnn.policyeditor.policy.PolicyInputs;
import org.aodnn.policyeditor.policy.ResolvedPolicy;
import org.aodnn.policyeditor.source.SourceException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code aodnn manifest}: build a signed offloading manifest from a policy, or check one. */
@Command(name = "manifest", mixinStandardHelpOptions = true,
        description = "Build signed offloading manifests and verify them.",
        subcommands = {ManifestCommand.Build.class, ManifestCommand.Verify.class})
public final class ManifestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** {@code aodnn manifest build (--policy NAME | partition options) --out FILE}. */
    @Command(name = "build", mixinStandardHelpOptions = true,
            description = {"Build the next version of a model's manifest, sign it, record it and write it to a file.",
                "From a saved policy, or from the options of 'aodnn partition'; signed with the console's key."})
    public static final class Build implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions storeOptions;

        @Mixin
        KeyOptions keyOptions;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;

        /** A saved policy, or the inputs of aodnn partition. */
        static final class Source {
            @Option(names = "--policy", required = true, paramLabel = "NAME", description = "saved policy")
            String policy;

            @ArgGroup(exclusive = false, heading = "Instead of --policy, the options of 'aodnn partition':%n")
            PartitionOptions partition;
        }

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the manifest")
        Path out;

        @Option(names = "--json", description = "Print model, version, sha256, key id and file as one JSON document")
        boolean json;

        @Override
        public Integer call() {
            if (source.partition != null) {
                try {
                    source.partition.checkRanges(); // as aodnn partition: before the database is opened
                } catch (IllegalArgumentException e) {
                    throw new CommandFailure(e.getMessage(), 2); // bad usage: a value outside its range
                }
            }
            Path file = checkedOutput(out);
            SignedManifest manifest;
            try (Store store = storeOptions.open()) {
                ResolvedPolicy policy = source.policy != null ? PolicyInputs.resolve(store, source.policy)
                        : PolicyInputs.resolve(store, source.partition.toSettings(store));
                manifest = buildWrittenThenRecorded(new ManifestCatalog(store, keyOptions.store()), policy, file);
            } catch (IllegalArgumentException | CsvFormatException | SourceException | PolicyException
                     | StoreException | KeyFormatException | UncheckedIOException e) {
                throw new CommandFailure(e.getMessage(), e);
            }
            PrintWriter pw = spec.commandLine().getOut();
            if (json) {
                var doc = Json.object();
                doc.put("model", manifest.model());
                doc.put("version", manifest.version());
                doc.put("sha256", manifest.sha256());
                doc.put("key_id", manifest.keyId());
                doc.put("file", file.toString());
                Json.print(pw, doc);
            } else {
                pw.println("built " + manifest.model() + " v" + manifest.version() + " (sha256 " + manifest.sha256()
                        + ", signed by key " + manifest.keyId() + ") -> " + file);
                pw.flush();
            }
            return 0;
        }
    }

    /**
     * {@code --out} must name a file in an existing directory; checked before anything is built, so an
     * impossible path costs no version number.
     */
    static Path checkedOutput(Path out) {
        Path file = out.toAbsolutePath().normalize();
        if (Files.isDirectory(file)) {
            throw new CommandFailure("--out " + out + ": " + file + " is a directory; give the manifest's file name,"
                    + " e.g. " + file.resolve("manifest.json"));
        }
        Path parent = file.getParent();
        if (parent == null || !Files.exists(parent)) {
            throw new CommandFailure("--out " + out + ": the directory " + parent + " does not exist");
        }
        if (!Files.isDirectory(parent)) {
            throw new CommandFailure("--out " + out + ": " + parent + " is not a directory");
        }
        if (!Files.isWritable(parent)) {
            throw new CommandFailure("--out " + out + ": the directory " + parent + " is not writable");
        }
        return file;
    }

    /**
     * Stages the file beside {@code file} before the manifest is recorded, so a failed write records nothing, and
     * puts it in place only once the manifest is recorded, so a failed recording leaves an existing file as it
     * was. The staged file never outlives the command.
     */
    static SignedManifest buildWrittenThenRecorded(ManifestCatalog catalog, ResolvedPolicy policy, Path file) {
        Path staged = file.toAbsolutePath().normalize().resolveSibling(
                AtomicFiles.TEMP_PREFIX + file.getFileName() + "-" + java.util.UUID.randomUUID());
        try {
            SignedManifest recorded;
            try {
                recorded = catalog.build(policy, manifest -> {
                    try {
                        AtomicFiles.write(staged, StrictJson.pretty(manifest.document()), false);
                    } catch (IOException e) {
                        throw new IOException("cannot write --out " + file + ": " + e.getMessage()
                                + " (nothing was recorded)", e);
                    }
                });
            } catch (IOException e) {
                throw new CommandFailure(e.getMessage(), e);
            }
            try {
                AtomicFiles.move(staged, file);
            } catch (IOException e) {
                throw new CommandFailure("the manifest is recorded as " + recorded.model() + " v" + recorded.version()
                        + " but --out " + file + " cannot be written: " + e.getMessage(), e);
            }
            return recorded;
        } finally {
            try {
                Files.deleteIfExists(staged);
            } catch (IOException ignored) {
                // a leftover .tmp- file is swept like any other killed write's
            }
        }
    }

    /** {@code aodnn manifest verify FILE --key PUBLIC_KEY}: schema and signature, as an agent checks them. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check a manifest's structure and its signature against trusted public keys (as an agent does).")
    public static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "the manifest")
        Path file;

        @Option(names = "--key", required = true, paramLabel = "PUBLIC_KEY_PEM",
                description = "trusted public key file(s), PEM; repeat for several")
        List<Path> keys;

        @Option(names = "--json", description = "Print the verdict as one JSON document")
        boolean json;

        @Override
        public Integer call() {
            TrustedKeys trusted;
            SignedManifest manifest;
            try {
                trusted = TrustedKeys.fromPemFiles(keys);
                manifest = SignedManifest.read(file);
            } catch (KeyFormatException | ManifestException e) {
                throw new CommandFailure(e.getMessage(), e);
            }
            ManifestSignature.Verdict verdict = ManifestSignature.verify(manifest.document(), trusted);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                var doc = Json.object();
                doc.put("file", file.toAbsolutePath().normalize().toString());
                doc.put("valid", verdict.valid());
                doc.put("model", manifest.model());
                doc.put("version", manifest.version());
                doc.put("sha256", manifest.sha256());
                doc.put("key_id", manifest.keyId());
                doc.put("message", verdict.message());
                Json.print(out, doc);
            } else if (verdict.valid()) {
                out.println("valid: " + manifest.model() + " v" + manifest.version() + ", " + verdict.message());
                out.flush();
            }
            if (!verdict.valid()) {
                throw new CommandFailure(file + ": " + verdict.message());
            }
            return 0;
        }
    }
}

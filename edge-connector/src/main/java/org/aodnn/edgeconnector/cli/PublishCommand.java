package org.aodnn.edgeconnector.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aodnn.db.Store;
import org.aodnn.db.StoreException;
import org.aodnn.db.cli.CommandFailure;
import org.aodnn.db.cli.InterruptSignals;
import org.aodnn.db.cli.Json;
import org.aodnn.db.cli.StoreOptions;
import org.aodnn.edgeconnector.crypto.KeyFormatException;
import org.aodnn.edgeconnector.crypto.TrustedKeys;
import org.aodnn.edgeconnector.manifest.ManifestException;
import org.aodnn.edgeconnector.manifest.ManifestSignature;
import org.aodnn.edgeconnector.manifest.SignedManifest;
import org.aodnn.edgeconnector.publish.EdgeClient;
import org.aodnn.edgeconnector.publish.NodeOutcome;
import org.aodnn.edgeconnector.publish.PublishListener;
import org.aodnn.edgeconnector.publish.PublishOptions;
import org.aodnn.edgeconnector.publish.PublishReport;
import org.aodnn.edgeconnector.publish.PublishService;
import org.aodnn.edgeconnector.publish.Rollout;
import org.aodnn.edgeconnector.publish.RolloutRefusedException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aodnn publish --manifest FILE (--nodes a,b | --group G) [--canary] [--skip-unreachable] [--json]}:
 * sends a signed manifest to registered edge nodes. Every target is health-checked first: an unreachable
 * node (unless {@code --skip-unreachable}), a refused token or an unhealthy node stops the rollout before
 * any node is touched (exit 1, naming them). A failed rollout (stopped and rolled back) exits with code 2
 * after printing the per-node report. The manifest's structure and signature are checked against the console's
 * keys (and any {@code --key}) first, so a file that agents would refuse is neither stored nor sent.
 * Ctrl-C (or SIGTERM) stops the rollout like a failure: uploads in flight are abandoned (and the nodes
 * checked), nodes already updated are rolled back with a short deadline, every outcome is stored, and the
 * command exits 2 saying it was interrupted; a second Ctrl-C quits at once.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publish a signed manifest to edge nodes, all at once or canary first.",
            "On a failure the rollout stops and the nodes it updated are rolled back. Results are stored as deployments.",
            "Ctrl-C does the same (exit 2); a second Ctrl-C quits at once."})
public final class PublishCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Mixin
    KeyOptions keyOptions;

    @Option(names = "--manifest", required = true, paramLabel = "FILE", description = "the signed manifest")
    Path manifestFile;

    @Option(names = "--key", paramLabel = "PUBLIC_KEY_PEM",
            description = {"also trust these public key file(s) (a manifest signed by another console);",
                "the console's own current and archived keys are always trusted"})
    List<Path> extraKeys;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Targets targets;

    /** By name or by group. */
    static final class Targets {
        @Option(names = "--nodes", split = ",", paramLabel = "a,b", required = true,
                description = "registered node names, comma-separated (with --canary the first is the canary)")
        List<String> nodes;

        @Option(names = "--group", paramLabel = "G", required = true, description = "every node of a group")
        String group;
    }

    @Option(names = "--canary", description = "publish to one node first, check it, then to the rest")
    boolean canary;

    @Option(names = "--timeout-ms", paramLabel = "MS", defaultValue = "5000",
            description = "deadline of each call to a node, for its whole answer (default ${DEFAULT-VALUE})")
    long timeoutMs;

    @Option(names = "--attempts", paramLabel = "N", defaultValue = "3",
            description = "attempts per node for transport failures and 5xx answers (default ${DEFAULT-VALUE})")
    int attempts;

    @Option(names = "--skip-unreachable", description = {"publish to the nodes that answer the pre-flight check and "
            + "skip those that do not;", "without it a rollout with an unreachable node does not start"})
    boolean skipUnreachable;

    @Option(names = "--json", description = "Print the per-node report as one JSON document")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
        SignedManifest manifest;
        try {
            manifest = SignedManifest.read(manifestFile);
        } catch (ManifestException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
        if (!manifest.signed()) {
            throw new CommandFailure(manifestFile + ": the manifest is not signed; agents would refuse it (403)");
        }
        verifySignature(manifest);
        PublishOptions options;
        try {
            options = new PublishOptions(Duration.ofMillis(timeoutMs), attempts, PublishOptions.DEFAULT.backoff(),
                    PublishOptions.DEFAULT.concurrency());
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage());
        }
        PublishService.NodeSelection selection = targets.group != null
                ? PublishService.NodeSelection.group(targets.group) : PublishService.NodeSelection.names(targets.nodes);
        PublishReport report;
        PrintWriter out = spec.commandLine().getOut();
        PublishListener progress = json ? PublishListener.NONE : (node, state, message) -> {
            if (state.terminal()) {
                synchronized (out) {
                    out.println("  " + node + ": " + state.label() + (message == null ? "" : " - " + message));
                    out.flush();
                }
            }
        };
        PrintWriter err = spec.commandLine().getErr();
        String interrupted;
        try (Store store = storeOptions.open();
             InterruptSignals signals = InterruptSignals.install(() -> {
                 synchronized (err) {
                     err.println("interrupted: stopping the rollout, rolling back the nodes it updated and recording"
                             + " the outcome (press Ctrl-C again to quit at once and leave the nodes as they are)");
                     err.flush();
                 }
             })) {
            PublishService service = new PublishService(store, new EdgeClient(options.timeout()), options);
            report = service.publish(new PublishService.Request(manifest, selection,
                    canary ? Rollout.CANARY : Rollout.ALL_AT_ONCE, skipUnreachable), progress, signals::requested);
            interrupted = signals.signal();
        } catch (RolloutRefusedException e) {
            throw new CommandFailure(e.getMessage() + (e.onlyUnreachable()
                    ? "; start them, or publish to the others with --skip-unreachable" : ""), e);
        } catch (StoreException | IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
        if (json) {
            ObjectNode doc = toJson(report);
            if (interrupted != null) {
                doc.put("interrupted", interrupted);
            }
            Json.print(out, doc);
        } else {
            out.printf(Locale.ROOT, "%s (%d ms)%n", report.message(), report.elapsedMs());
            out.flush();
        }
        if (interrupted != null) {
            throw new CommandFailure("interrupted by " + interrupted + ": " + report.message()
                    + "; the outcome of every node is recorded", 2);
        }
        if (!report.success()) {
            throw new CommandFailure(report.message(), 2);
        }
        return 0;
    }

    /** Before anything is stored or sent: the signature must verify as an agent trusting these keys checks it. */
    private void verifySignature(SignedManifest manifest) {
        var consoleKeys = keyOptions.store();
        TrustedKeys trusted;
        try {
            trusted = consoleKeys.trustedKeys();
            if (extraKeys != null && !extraKeys.isEmpty()) {
                trusted = trusted.and(TrustedKeys.fromPemFiles(extraKeys));
            }
        } catch (KeyFormatException | java.io.UncheckedIOException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
        if (trusted.isEmpty()) {
            throw new CommandFailure(manifestFile + ": cannot check its signature: this console has no signing key in "
                    + consoleKeys.directory() + " (give --keys DIR, or --key PUBLIC_KEY_PEM for another console's key);"
                    + " nothing was stored or sent");
        }
        ManifestSignature.Verdict verdict = ManifestSignature.verify(manifest.document(), trusted);
        if (!verdict.valid()) {
            throw new CommandFailure(manifestFile + ": " + manifest.model() + " v" + manifest.version()
                    + " does not verify: " + verdict.message() + "; agents would refuse it (403), nothing was stored"
                    + " or sent");
        }
    }

    static ObjectNode toJson(PublishReport report) {
        ObjectNode doc = Json.object();
        doc.put("model", report.model());
        doc.put("version", report.version());
        doc.put("sha256", report.sha256());
        doc.put("rollout", report.rollout().label());
        doc.put("success", report.success());
        doc.put("message", report.message());
        doc.put("elapsed_ms", report.elapsedMs());
        ArrayNode nodes = doc.putArray("nodes");
        for (NodeOutcome o : report.nodes()) {
            ObjectNode n = nodes.addObject();
            n.put("node", o.node());
            n.put("status", o.state().label());
            if (o.deployedVersion() == null) {
                n.putNull("deployed_version");
            } else {
                n.put("deployed_version", o.deployedVersion());
            }
            n.put("attempts", o.attempts());
            n.put("message", o.message());
        }
        return doc;
    }
}

package org.aodnn.edgeconnector.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;
import org.aodnn.edgeconnector.crypto.TrustedKeys;
import org.aodnn.edgeconnector.json.CanonicalJson;
import org.aodnn.edgeconnector.json.StrictJson;
import org.aodnn.edgeconnector.manifest.ManifestException;
import org.aodnn.edgeconnector.manifest.ManifestFields;
import org.aodnn.edgeconnector.manifest.ManifestSchema;
import org.aodnn.edgeconnector.manifest.ManifestSignature;

/**
 * The checks of {@code PUT /v1/manifests/{model}}, in the documented order once the body is known to fit
 * in 1 MiB (413 is decided while reading): the model id of the path has a safe pattern, the body is JSON,
 * its {@code model} equals the path's, it is a valid manifest (all 400); its signature is valid for a
 * trusted key (403); its version is above the current one (409). Only then is anything written.
 */
public final class ManifestAdmission {

    private final ManifestStore store;
    private final TrustedKeys trusted;
    private final AgentLog log;

    public ManifestAdmission(ManifestStore store, TrustedKeys trusted, AgentLog log) {
        this.store = store;
        this.trusted = trusted;
        this.log = log;
    }

    public AgentResponse put(String model, byte[] body) throws IOException {
        if (!ManifestFields.isSafeModelId(model)) {
            return AgentResponse.error(400, "model id '" + abbreviate(model) + "' does not match "
                    + ManifestFields.MODEL_ID.pattern());
        }
        JsonNode doc;
        try {
            doc = StrictJson.parse(body);
        } catch (StrictJson.JsonSyntaxException e) {
            return AgentResponse.error(400, "body: " + e.getMessage());
        }
        if (!doc.isObject()) {
            return AgentResponse.error(400, "body: expected a JSON object, found " + doc.getNodeType());
        }
        JsonNode docModel = doc.get("model");
        if (docModel == null || !docModel.isTextual() || !docModel.textValue().equals(model)) {
            return AgentResponse.error(400, "$.model: the document is for '" + (docModel == null ? "(missing)"
                    : docModel.asText()) + "', the URL names '" + model + "'");
        }
        byte[][] canonical;
        try {
            ManifestSchema.validate(doc);
            canonical = CanonicalJson.withAndWithout(doc, "signature"); // stored bytes, signed bytes
        } catch (ManifestException | RuntimeException e) {
            return AgentResponse.error(400, e.getMessage());
        }
        ManifestSignature.Verdict verdict = ManifestSignature.verify(doc, trusted, canonical[1]);
        if (!verdict.valid()) {
            log.warn("refused " + model + " v" + doc.get("version").asLong() + ": " + verdict.message());
            return AgentResponse.error(403, verdict.message());
        }
        long version = doc.get("version").asLong();
        synchronized (store.lock()) {
            Optional<StoredManifest> current = store.current(model);
            if (current.isPresent() && version <= current.get().version()) {
                AgentResponse conflict = AgentResponse.error(409, "version " + version + " is not above the current "
                        + "version " + current.get().version() + " of " + model);
                conflict.body().put("current_version", current.get().version());
                conflict.body().put("current_sha256", current.get().sha256());
                return conflict;
            }
            StoredManifest stored = store.put(model, version, canonical[0]);
            log.info("stored " + model + " v" + version + " sha256 " + stored.sha256() + " signed by "
                    + verdict.keyId());
            return AgentResponse.ok(201, describe(stored));
        }
    }

    public AgentResponse rollback(String model) throws IOException {
        return rollback(model, null);
    }

    /**
     * Undoes the latest publication of {@code model}. With {@code expectedSha256} only when that is the current
     * manifest: a console rolling back its own failed rollout must not undo what another console published
     * meanwhile (which matters all the more since undoing a first version withdraws the model).
     */
    public AgentResponse rollback(String model, String expectedSha256) throws IOException {
        if (!ManifestFields.isSafeModelId(model)) {
            return AgentResponse.error(400, "model id '" + abbreviate(model) + "' does not match "
                    + ManifestFields.MODEL_ID.pattern());
        }
        synchronized (store.lock()) {
            Optional<StoredManifest> current = store.current(model);
            if (current.isEmpty()) {
                return AgentResponse.error(404, "no manifest for " + model);
            }
            if (expectedSha256 != null && !expectedSha256.equals(current.get().sha256())) {
                AgentResponse conflict = AgentResponse.error(409, "the current manifest of " + model + " is v"
                        + current.get().version() + ", not the one to roll back (sha256 " + abbreviate(expectedSha256)
                        + "); nothing changed");
                conflict.body().put("current_version", current.get().version());
                conflict.body().put("current_sha256", current.get().sha256());
                return conflict;
            }
            ManifestStore.RollbackResult result = store.rollback(model).orElseThrow();
            if (result.withdrawn()) {
                // a first deployment has nothing to return to: undoing it means serving nothing, as before it
                log.info("withdrew " + model + " v" + result.removed().version() + " (rolled back its only version)");
                ObjectNode body = JsonNodeFactory.instance.objectNode();
                body.put("model", model);
                body.put("withdrawn", true);
                body.put("rolled_back_from", result.removed().version());
                return AgentResponse.ok(200, body);
            }
            log.info("rolled " + model + " back from v" + result.removed().version() + " to v"
                    + result.current().version());
            ObjectNode body = describe(result.current());
            body.put("rolled_back_from", result.removed().version());
            return AgentResponse.ok(200, body);
        }
    }

    static ObjectNode describe(StoredManifest m) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("model", m.model());
        node.put("version", m.version());
        node.put("sha256", m.sha256());
        node.put("published_at", m.publishedAt().toString());
        return node;
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}

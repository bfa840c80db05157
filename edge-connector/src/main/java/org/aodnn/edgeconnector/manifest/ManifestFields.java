package org.aodnn.edgeconnector.manifest;

import java.util.List;
import java.util.regex.Pattern;

/** Names shared by the manifest's writer, its validator, the agent and the browser runtime. */
public final class ManifestFields {

    public static final String SCHEMA_ID = "aodnn.manifest/1";
    public static final String SIGNATURE_ALG = "Ed25519";

    /** Top-level members, exactly (the signature is optional structurally; the agent demands it, 403). */
    public static final List<String> TOP_LEVEL = List.of("schema", "model", "version", "created_at", "layers",
            "cuts", "network_profiles", "bounds", "eta", "predictors", "decision_table", "signature");

    /** Catalog names that are safe as a URL path segment and a directory name. */
    public static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

    /** The decision table covers these uplink bandwidths (Mbit/s), each with and without cached weights. */
    public static final int TABLE_MIN_UP_MBPS = 1;
    public static final int TABLE_MAX_UP_MBPS = 100;

    /** Versions stay within the integers a double (and so JavaScript and RFC 8785) holds exactly. */
    public static final long MAX_VERSION = 1L << 53;

    private ManifestFields() {
    }

    public static boolean isSafeModelId(String id) {
        return id != null && MODEL_ID.matcher(id).matches();
    }
}

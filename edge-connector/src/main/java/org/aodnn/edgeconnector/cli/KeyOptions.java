package org.aodnn.edgeconnector.cli;

import java.nio.file.Path;
import org.aodnn.db.DataHome;
import org.aodnn.edgeconnector.crypto.SigningKeyStore;
import picocli.CommandLine.Option;

/** {@code --keys DIR}: where the console keeps its manifest-signing key (default {@code $AODNN_HOME/keys}). */
public final class KeyOptions {

    @Option(names = "--keys", paramLabel = "DIR",
            description = "directory of the manifest-signing key (default: $AODNN_HOME/keys, AODNN_HOME defaulting to ~/.aodnn)")
    Path keys;

    public SigningKeyStore store() {
        Path dir = keys != null ? keys : DataHome.fromEnvironment().directory().resolve("keys");
        return new SigningKeyStore(dir);
    }
}

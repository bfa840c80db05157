package org.aodnn.edgeconnector.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.security.PublicKey;
import java.util.concurrent.Callable;
import org.aodnn.db.cli.CommandFailure;
import org.aodnn.db.cli.Json;
import org.aodnn.edgeconnector.crypto.Ed25519;
import org.aodnn.edgeconnector.crypto.KeyFormatException;
import org.aodnn.edgeconnector.crypto.SigningKeyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code aodnn keys}: the console's manifest-signing key (Ed25519), created on first use. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Show, export or rotate the key that signs manifests.",
        subcommands = {KeysCommand.Export.class, KeysCommand.Rotate.class})
public final class KeysCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** {@code aodnn keys export}: the public key as PEM on standard output (what agents get with --trust). */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Print the public key (PEM) that edge agents trust with --trust.")
    public static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        KeyOptions keyOptions;

        @Option(names = "--with-archived",
                description = "also print the archived (rotated-out) public keys, for agents trusting both during a rotation")
        boolean withArchived;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                SigningKeyStore store = keyOptions.store();
                out.print(store.current().publicPem());
                if (withArchived) {
                    for (PublicKey key : store.archivedPublicKeys()) {
                        out.print(Ed25519.publicPem(key));
                    }
                }
            } catch (KeyFormatException | UncheckedIOException e) {
                throw new CommandFailure(e.getMessage(), e);
            }
            out.flush();
            return 0;
        }
    }

    /** {@code aodnn keys rotate}: archives the current key and creates a new one. */
    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = {"Archive the current signing key and create a new one.",
                "Give agents the new public key (keep trusting the old one until every manifest is re-signed)."})
    public static final class Rotate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        KeyOptions keyOptions;

        @Option(names = "--json", description = "Print the old and new key ids as one JSON document")
        boolean json;

        @Override
        public Integer call() {
            SigningKeyStore.Rotation rotation;
            try {
                rotation = keyOptions.store().rotate();
            } catch (KeyFormatException | UncheckedIOException e) {
                throw new CommandFailure(e.getMessage(), e);
            }
            PrintWriter out = spec.commandLine().getOut();
            String oldId = rotation.previous() == null ? null : rotation.previous().keyId();
            if (json) {
                var doc = Json.object();
                doc.put("previous_key_id", oldId);
                doc.put("key_id", rotation.current().keyId());
                doc.put("public_key_pem", rotation.current().publicPem());
                Json.print(out, doc);
            } else {
                out.println(oldId == null ? "created signing key " + rotation.current().keyId()
                        : "rotated signing key " + oldId + " -> " + rotation.current().keyId()
                        + " (old key archived; agents should trust both until all manifests are re-signed)");
                out.print(rotation.current().publicPem());
                out.flush();
            }
            return 0;
        }
    }
}

package org.aodnn.edgeconnector.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.aodnn.edgeconnector.crypto.Ed25519;
import org.aodnn.edgeconnector.crypto.Pem;
import org.aodnn.edgeconnector.crypto.TrustedKeys;
import org.aodnn.edgeconnector.manifest.SignedManifest;
import org.aodnn.edgeconnector.publish.EdgeClient;
import org.aodnn.edgeconnector.publish.NodeTarget;
import org.aodnn.edgeconnector.publish.Publisher;
import org.aodnn.edgeconnector.publish.PublishListener;
import org.aodnn.edgeconnector.publish.PublishOptions;
import org.aodnn.edgeconnector.publish.Rollout;
import org.aodnn.edgeconnector.testing.ManifestFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent over HTTPS with PEM files (made here with the JDK's keytool), published to by the console. */
class TlsAgentTest {

    @TempDir
    Path dir;

    @Test
    void servesAndAcceptsOverHttpsWithPemFiles() throws Exception {
        Path p12 = dir.resolve("edge.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "edge", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", p12.toString(),
                "-storepass", "changeit").redirectErrorStream(true).start();
        String keytoolOut = new String(keytool.getInputStream().readAllBytes());
        assertEquals(0, keytool.waitFor(), keytoolOut);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(p12.toFile())) {
            ks.load(in, "changeit".toCharArray());
        }
        Key key = ks.getKey("edge", "changeit".toCharArray());
        Certificate cert = ks.getCertificate("edge");
        Path certPem = dir.resolve("cert.pem");
        Path keyPem = dir.resolve("key.pem");
        Files.writeString(certPem, Pem.encode("CERTIFICATE", cert.getEncoded()));
        Files.writeString(keyPem, Pem.encode("PRIVATE KEY", key.getEncoded()));

        KeyPair signing = Ed25519.generate();
        try (EdgeAgent agent = EdgeAgent.start(AgentConfig.loopback(dir.resolve("data"),
                TrustedKeys.of(List.of(signing.getPublic()))).withTls(certPem, keyPem))) {
            assertEquals("https", agent.baseUri().getScheme());
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("edge", cert);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            EdgeClient client = new EdgeClient(Duration.ofSeconds(5), ssl);
            NodeTarget node = new NodeTarget("tls", agent.baseUri(), null);
            assertTrue(client.health(node).ok());
            var report = new Publisher(client, PublishOptions.DEFAULT).publish(
                    SignedManifest.of(ManifestFixtures.signed("alexnet", 1, signing)), List.of(node), Rollout.ALL_AT_ONCE,
                    PublishListener.NONE, () -> false);
            assertTrue(report.success(), report.message());
            assertEquals(1, client.currentManifest(node, "alexnet").orElseThrow().get("version").asInt());
            // a client that does not trust the certificate gets no answer, only a TLS failure
            assertEquals("unreachable", new EdgeClient(Duration.ofSeconds(5)).health(node).status());
        }
    }
}

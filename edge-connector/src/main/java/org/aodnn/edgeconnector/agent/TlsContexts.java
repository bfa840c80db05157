package org.aodnn.edgeconnector.agent;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.aodnn.edgeconnector.crypto.KeyFormatException;
import org.aodnn.edgeconnector.crypto.Pem;

/** A server TLS context from the PEM files an edge host already has (e.g. from its ACME client). */
public final class TlsContexts {

    private TlsContexts() {
    }

    /** {@code certFile}: the certificate chain, leaf first; {@code keyFile}: an unencrypted PKCS#8 key. */
    public static SSLContext server(Path certFile, Path keyFile) {
        try {
            List<Certificate> chain = new ArrayList<>();
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            String certText = Files.readString(certFile, StandardCharsets.US_ASCII);
            for (byte[] der : Pem.decodeAll(certText, "CERTIFICATE", certFile.toString())) {
                chain.add(factory.generateCertificate(new ByteArrayInputStream(der)));
            }
            if (chain.isEmpty()) {
                throw new KeyFormatException(certFile + ": no '-----BEGIN CERTIFICATE-----' block found");
            }
            String keyText = Files.readString(keyFile, StandardCharsets.US_ASCII);
            if (keyText.contains("-----BEGIN RSA PRIVATE KEY-----") || keyText.contains("-----BEGIN EC PRIVATE KEY-----")
                    || keyText.contains("ENCRYPTED PRIVATE KEY")) {
                throw new KeyFormatException(keyFile + ": expected an unencrypted PKCS#8 key ('BEGIN PRIVATE KEY'); "
                        + "convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8");
            }
            PrivateKey key = privateKey(Pem.decode(keyText, "PRIVATE KEY", keyFile.toString()), keyFile);
            char[] password = new char[0];
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry("edge", key, password, chain.toArray(new Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new KeyFormatException("cannot read the TLS files: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new KeyFormatException("cannot use " + certFile + " and " + keyFile + " for TLS: " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(byte[] der, Path source) {
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException | RuntimeException e) {
                // try the next algorithm
            }
        }
        throw new KeyFormatException(source + ": not an RSA, EC or EdDSA PKCS#8 private key");
    }
}

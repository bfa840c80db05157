package org.aodnn.modelfitting.fit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.aodnn.db.domain.LayerGeometry;
import org.aodnn.modelfitting.predictor.LayerSample;

/** SHA-256 over the training rows in a canonical, order-independent text form. */
public final class TrainingFingerprint {

    private TrainingFingerprint() {
    }

    public static String of(List<LayerSample> rows) {
        List<String> lines = new ArrayList<>(rows.size());
        for (LayerSample s : rows) {
            LayerGeometry g = s.geometry();
            lines.add(String.join("|", s.platform(), s.model(), Integer.toString(s.layerIndex()),
                    Integer.toString(s.threads()), String.valueOf(s.cpuFreqKhz()), g.layerType(), g.inShape(),
                    g.outShape(), Long.toString(g.inElems()), Long.toString(g.outElems()),
                    Integer.toString(g.inChannels()), Integer.toString(g.outChannels()),
                    Integer.toString(g.kernelH()), Integer.toString(g.kernelW()), Integer.toString(g.stride()),
                    Integer.toString(g.padding()), Integer.toString(g.groups()), Long.toString(g.params()),
                    Long.toString(g.flops()), Double.toString(s.latencyMs())));
        }
        Collections.sort(lines);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String line : lines) {
                digest.update(line.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * The fingerprint of a predictor trained on these rows on top of another predictor (a calibration on a
     * borrowed base): the SHA-256 of both fingerprints, so either training set changing changes it.
     */
    public static String combine(String rowsFingerprint, String baseFingerprint) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(("rows " + rowsFingerprint + "\nbase " + baseFingerprint + "\n").getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}

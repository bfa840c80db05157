package org.aodnn.profilinglab.job;

import java.util.Locale;

/**
 * What the page does with a grouped convolution (1 &lt; groups &lt; in_channels), for which TF.js has no
 * op: split the channels, convolve each group and concatenate, or skip the layer and record why.
 */
public enum GroupedConvMode {
    SPLIT, SKIP;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GroupedConvMode parse(String text) {
        for (GroupedConvMode m : values()) {
            if (m.wireName().equalsIgnoreCase(text.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("grouped convolution mode '" + text + "' is not split or skip");
    }
}

package org.aodnn.db.domain;

/**
 * What a layer is, independent of where it ran: its type and the geometry columns of the layer tables
 * (shapes NCHW joined by {@code x}; 0 where a column does not apply).
 */
public record LayerGeometry(
        String layerType,
        String inShape,
        String outShape,
        long inElems,
        long outElems,
        int inChannels,
        int outChannels,
        int kernelH,
        int kernelW,
        int stride,
        int padding,
        int groups,
        long params,
        long flops) {

    /** Weight bytes as float32. */
    public long weightBytes() {
        return 4L * params;
    }
}

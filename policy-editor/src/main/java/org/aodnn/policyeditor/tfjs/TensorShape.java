package org.aodnn.policyeditor.tfjs;

/**
 * A batch-1 activation between layers, kept in the NCHW order of the layer tables: an image
 * {@code [C, H, W]} or a vector {@code [F]} (TF.js itself is NHWC; the element counts are the same).
 */
record TensorShape(long channels, long height, long width, boolean image) {

    static TensorShape image(long c, long h, long w) {
        return new TensorShape(c, h, w, true);
    }

    static TensorShape vector(long features) {
        return new TensorShape(features, 1, 1, false);
    }

    /** C·H·W; an {@link ArithmeticException} when it overflows 64 bits (no real network's tensor does). */
    long elems() {
        return Math.multiplyExact(Math.multiplyExact(channels, height), width);
    }

    /** {@code 1xCxHxW} or {@code 1xF}, as in {@code model-layers.csv}. */
    String nchw() {
        return image ? "1x" + channels + "x" + height + "x" + width : "1x" + channels;
    }
}

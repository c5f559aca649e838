package dev.webnn;

/** Layout of 4-D image inputs (spec: {@code MLInputOperandLayout}). */
public enum MLInputOperandLayout {
    /** [batches, channels, height, width]. */
    NCHW,
    /** [batches, height, width, channels]. */
    NHWC
}

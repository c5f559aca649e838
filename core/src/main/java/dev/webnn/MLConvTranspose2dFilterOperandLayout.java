package dev.webnn;

/**
 * Layout of the 4-D filter of {@link MLGraphBuilder#convTranspose2d} (spec:
 * {@code MLConvTranspose2dFilterOperandLayout}). Output channels are counted per group.
 */
public enum MLConvTranspose2dFilterOperandLayout {
    /** [inputChannels, outputChannels/groups, height, width] (spec: {@code "iohw"}). */
    IOHW,
    /** [height, width, outputChannels/groups, inputChannels] (spec: {@code "hwoi"}). */
    HWOI,
    /** [outputChannels/groups, height, width, inputChannels] (spec: {@code "ohwi"}). */
    OHWI
}

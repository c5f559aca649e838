package dev.webnn;

/**
 * Layout of the 4-D filter of {@link MLGraphBuilder#conv2d} (spec:
 * {@code MLConv2dFilterOperandLayout}). Input channels are counted per group.
 */
public enum MLConv2dFilterOperandLayout {
    /** [outputChannels, inputChannels/groups, height, width] (spec: {@code "oihw"}). */
    OIHW,
    /** [height, width, inputChannels/groups, outputChannels] (spec: {@code "hwio"}). */
    HWIO,
    /** [outputChannels, height, width, inputChannels/groups] (spec: {@code "ohwi"}). */
    OHWI,
    /** [inputChannels/groups, height, width, outputChannels] (spec: {@code "ihwo"}). */
    IHWO
}

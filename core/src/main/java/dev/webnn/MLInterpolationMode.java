package dev.webnn;

/**
 * The sampling algorithm of {@link MLGraphBuilder#resample2d} (spec: {@code MLInterpolationMode}).
 */
public enum MLInterpolationMode {
    /** The nearest input element (spec: {@code "nearest-neighbor"}). */
    NEAREST_NEIGHBOR,
    /** Bilinear interpolation of the four neighbouring input elements (spec: {@code "linear"}). */
    LINEAR
}

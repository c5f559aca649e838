package dev.webnn;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@link MLGraphBuilder#resample2d} (spec: {@code MLResample2dOptions}).
 * Immutable: every {@code with...} method returns new options.
 *
 * <p>Defaults: mode {@link MLInterpolationMode#NEAREST_NEIGHBOR nearest-neighbor}, scales
 * [1.0, 1.0], no sizes (computed from the scales), axes [2, 3], empty label.
 */
public final class MLResample2dOptions {

    private static final MLResample2dOptions DEFAULTS = new MLResample2dOptions("", MLInterpolationMode.NEAREST_NEIGHBOR,
            new float[] {1f, 1f}, null, new long[] {2, 3});

    private final String label;
    private final MLInterpolationMode mode;
    private final float[] scales;
    private final long[] sizes;
    private final long[] axes;

    private MLResample2dOptions(String label, MLInterpolationMode mode, float[] scales, long[] sizes, long[] axes) {
        this.label = label;
        this.mode = mode;
        this.scales = scales;
        this.sizes = sizes;
        this.axes = axes;
    }

    /**
     * The spec's defaults.
     *
     * @return the default options
     */
    public static MLResample2dOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Sets the label.
     *
     * @param value the label
     * @return new options
     */
    public MLResample2dOptions withLabel(String value) {
        return new MLResample2dOptions(Objects.requireNonNull(value, "label"), mode, scales, sizes, axes);
    }

    /**
     * Sets the interpolation algorithm.
     *
     * @param value nearest-neighbor or linear
     * @return new options
     */
    public MLResample2dOptions withMode(MLInterpolationMode value) {
        return new MLResample2dOptions(label, Objects.requireNonNull(value, "mode"), scales, sizes, axes);
    }

    /**
     * Sets the scaling factors of the two {@link #axes() axes} (the operation requires 2
     * values greater than 0). Ignored when {@link #withSizes sizes} are set.
     *
     * @param value finite float values
     * @return new options
     * @throws MLTypeError if a value is NaN or infinite
     */
    public MLResample2dOptions withScales(float... value) {
        return new MLResample2dOptions(label, mode, WebIdl.finiteFloats("MLResample2dOptions.scales", value),
                sizes, axes);
    }

    /**
     * Sets the target sizes of the two {@link #axes() axes} (the operation requires 2
     * non-zero values).
     *
     * @param value unsigned long values, or null to compute them from the scales
     * @return new options
     * @throws MLTypeError if a value is outside [0, 2<sup>32</sup>-1]
     */
    public MLResample2dOptions withSizes(long... value) {
        return new MLResample2dOptions(label, mode, scales, value == null ? null
                : WebIdl.unsignedLongs("MLResample2dOptions.sizes", value), axes);
    }

    /**
     * Sets the two dimensions of the input that are resampled (the operation requires 2
     * distinct axes below the input's rank).
     *
     * @param value unsigned long values
     * @return new options
     * @throws MLTypeError if a value is outside [0, 2<sup>32</sup>-1]
     */
    public MLResample2dOptions withAxes(long... value) {
        return new MLResample2dOptions(label, mode, scales, sizes,
                WebIdl.unsignedLongs("MLResample2dOptions.axes", value));
    }

    /**
     * The label.
     *
     * @return the label, empty by default
     */
    public String label() {
        return label;
    }

    /**
     * The interpolation algorithm.
     *
     * @return nearest-neighbor by default
     */
    public MLInterpolationMode mode() {
        return mode;
    }

    /**
     * The scaling factors.
     *
     * @return a copy; [1.0, 1.0] by default
     */
    public float[] scales() {
        return scales.clone();
    }

    /**
     * The target sizes.
     *
     * @return a copy if set; empty by default (computed from the scales)
     */
    public Optional<long[]> sizes() {
        return Optional.ofNullable(sizes).map(long[]::clone);
    }

    /**
     * The resampled axes.
     *
     * @return a copy; [2, 3] by default
     */
    public long[] axes() {
        return axes.clone();
    }

    @Override
    public String toString() {
        return "MLResample2dOptions[label=" + label + ", mode=" + mode + ", scales=" + Arrays.toString(scales) + ", sizes="
                + Arrays.toString(sizes) + ", axes=" + Arrays.toString(axes) + "]";
    }
}

package dev.webnn;

import java.util.Objects;

/**
 * Options of {@link MLGraphBuilder#pad pad} (spec: {@code MLPadOptions}): the padding mode,
 * the value of constant padding, and the label. Immutable.
 */
public final class MLPadOptions {

    private static final MLPadOptions DEFAULTS = new MLPadOptions(MLPaddingMode.CONSTANT, MLNumber.of(0.0), "");

    private final MLPaddingMode mode;
    private final MLNumber value;
    private final String label;

    private MLPadOptions(MLPaddingMode mode, MLNumber value, String label) {
        this.mode = mode;
        this.value = value;
        this.label = label;
    }

    /**
     * Constant padding with 0, no label.
     *
     * @return the default options
     */
    public static MLPadOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Sets the padding mode.
     *
     * @param value the mode
     * @return new options
     */
    public MLPadOptions withMode(MLPaddingMode value) {
        return new MLPadOptions(Objects.requireNonNull(value, "mode"), this.value, label);
    }

    /**
     * Sets the value of the new elements in {@link MLPaddingMode#CONSTANT} mode; the
     * operation casts it to the input's data type.
     *
     * @param value the padding value
     * @return new options
     */
    public MLPadOptions withValue(MLNumber value) {
        return new MLPadOptions(mode, Objects.requireNonNull(value, "value"), label);
    }

    /**
     * {@link #withValue(MLNumber)} with a double.
     *
     * @param value the padding value
     * @return new options
     */
    public MLPadOptions withValue(double value) {
        return withValue(MLNumber.of(value));
    }

    /**
     * Sets the label.
     *
     * @param value the label
     * @return new options
     */
    public MLPadOptions withLabel(String value) {
        return new MLPadOptions(mode, this.value, Objects.requireNonNull(value, "label"));
    }

    /**
     * The padding mode.
     *
     * @return the mode, {@link MLPaddingMode#CONSTANT} by default
     */
    public MLPaddingMode mode() {
        return mode;
    }

    /**
     * The value of constant padding, as given (not yet cast).
     *
     * @return the value, 0 by default
     */
    public MLNumber value() {
        return value;
    }

    /**
     * The label.
     *
     * @return the label, empty by default
     */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return "MLPadOptions[mode=" + mode + ", value=" + value + ", label=" + label + "]";
    }
}

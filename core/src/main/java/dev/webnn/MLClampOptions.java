package dev.webnn;

import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@link MLGraphBuilder#clamp(MLOperand, MLClampOptions)} (spec:
 * {@code MLClampOptions}): the optional bounds of the range and the label. Immutable.
 *
 * <p>A bound that is not given does not limit the values on its side. The builder casts
 * both bounds to the input's data type.
 */
public final class MLClampOptions {

    private static final MLClampOptions DEFAULTS = new MLClampOptions(null, null, "");

    private final MLNumber minValue;
    private final MLNumber maxValue;
    private final String label;

    private MLClampOptions(MLNumber minValue, MLNumber maxValue, String label) {
        this.minValue = minValue;
        this.maxValue = maxValue;
        this.label = label;
    }

    /**
     * No bounds and no label.
     *
     * @return the default options
     */
    public static MLClampOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Sets the lower bound.
     *
     * @param value the minimum value, of any magnitude (e.g. an exact uint64)
     * @return new options
     */
    public MLClampOptions withMinValue(MLNumber value) {
        return new MLClampOptions(Objects.requireNonNull(value, "minValue"), maxValue, label);
    }

    /**
     * Sets the lower bound from a double.
     *
     * @param value the minimum value
     * @return new options
     */
    public MLClampOptions withMinValue(double value) {
        return withMinValue(MLNumber.of(value));
    }

    /**
     * Sets the upper bound.
     *
     * @param value the maximum value, of any magnitude (e.g. an exact uint64)
     * @return new options
     */
    public MLClampOptions withMaxValue(MLNumber value) {
        return new MLClampOptions(minValue, Objects.requireNonNull(value, "maxValue"), label);
    }

    /**
     * Sets the upper bound from a double.
     *
     * @param value the maximum value
     * @return new options
     */
    public MLClampOptions withMaxValue(double value) {
        return withMaxValue(MLNumber.of(value));
    }

    /**
     * Sets the label.
     *
     * @param value the label, e.g. {@code "relu6"}
     * @return new options
     */
    public MLClampOptions withLabel(String value) {
        return new MLClampOptions(minValue, maxValue, Objects.requireNonNull(value, "label"));
    }

    /**
     * The lower bound.
     *
     * @return the minimum value, empty when not given
     */
    public Optional<MLNumber> minValue() {
        return Optional.ofNullable(minValue);
    }

    /**
     * The upper bound.
     *
     * @return the maximum value, empty when not given
     */
    public Optional<MLNumber> maxValue() {
        return Optional.ofNullable(maxValue);
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
        return "MLClampOptions[minValue=" + minValue + ", maxValue=" + maxValue + ", label=" + label + "]";
    }
}

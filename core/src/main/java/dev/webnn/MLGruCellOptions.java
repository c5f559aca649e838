package dev.webnn;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@link MLGraphBuilder#gruCell} (spec: {@code MLGruCellOptions}). Immutable;
 * start from {@link #defaults()} and use the withers.
 *
 * <p>Defaults: no bias, no recurrent bias, {@code resetAfter} true, layout
 * {@link MLGruWeightLayout#ZRN}, activations not given (the operation then uses sigmoid and
 * tanh), no label.
 */
public final class MLGruCellOptions {

    private static final MLGruCellOptions DEFAULTS = new MLGruCellOptions("", null, null, true, MLGruWeightLayout.ZRN,
            null);

    private final String label;
    private final MLOperand bias;
    private final MLOperand recurrentBias;
    private final boolean resetAfter;
    private final MLGruWeightLayout layout;
    private final List<MLRecurrentNetworkActivation> activations;

    private MLGruCellOptions(String label, MLOperand bias, MLOperand recurrentBias, boolean resetAfter,
                             MLGruWeightLayout layout, List<MLRecurrentNetworkActivation> activations) {
        this.label = label;
        this.bias = bias;
        this.recurrentBias = recurrentBias;
        this.resetAfter = resetAfter;
        this.layout = layout;
        this.activations = activations;
    }

    /**
     * The spec's defaults (see the class description).
     *
     * @return the default options
     */
    public static MLGruCellOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Sets the label.
     *
     * @param value the label
     * @return new options
     */
    public MLGruCellOptions withLabel(String value) {
        return new MLGruCellOptions(Objects.requireNonNull(value, "label"), bias, recurrentBias, resetAfter, layout,
                activations);
    }

    /**
     * Sets the input bias, shaped {@code [3 * hiddenSize]}, gates ordered by {@link #layout()}.
     *
     * @param value the bias, or null for none
     * @return new options
     */
    public MLGruCellOptions withBias(MLOperand value) {
        return new MLGruCellOptions(label, value, recurrentBias, resetAfter, layout, activations);
    }

    /**
     * Sets the recurrent bias, shaped {@code [3 * hiddenSize]}, gates ordered by
     * {@link #layout()}.
     *
     * @param value the recurrent bias, or null for none
     * @return new options
     */
    public MLGruCellOptions withRecurrentBias(MLOperand value) {
        return new MLGruCellOptions(label, bias, value, resetAfter, layout, activations);
    }

    /**
     * Sets whether the reset gate is applied after (true) or before (false) the matrix
     * multiplication of the new gate.
     *
     * @param value the choice
     * @return new options
     */
    public MLGruCellOptions withResetAfter(boolean value) {
        return new MLGruCellOptions(label, bias, recurrentBias, value, layout, activations);
    }

    /**
     * Sets the gate order of the weights and biases.
     *
     * @param value the layout
     * @return new options
     */
    public MLGruCellOptions withLayout(MLGruWeightLayout value) {
        return new MLGruCellOptions(label, bias, recurrentBias, resetAfter, Objects.requireNonNull(value, "layout"),
                activations);
    }

    /**
     * Sets the activations: the first for the update and reset gates, the second for the new
     * gate. The operation requires exactly two.
     *
     * @param values the activations (copied)
     * @return new options
     */
    public MLGruCellOptions withActivations(MLRecurrentNetworkActivation... values) {
        return withActivations(List.of(Objects.requireNonNull(values, "activations")));
    }

    /**
     * Sets the activations: the first for the update and reset gates, the second for the new
     * gate. The operation requires exactly two.
     *
     * @param values the activations (copied)
     * @return new options
     */
    public MLGruCellOptions withActivations(List<MLRecurrentNetworkActivation> values) {
        return new MLGruCellOptions(label, bias, recurrentBias, resetAfter, layout, List.copyOf(values));
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
     * The input bias.
     *
     * @return the bias, if given
     */
    public Optional<MLOperand> bias() {
        return Optional.ofNullable(bias);
    }

    /**
     * The recurrent bias.
     *
     * @return the recurrent bias, if given
     */
    public Optional<MLOperand> recurrentBias() {
        return Optional.ofNullable(recurrentBias);
    }

    /**
     * Whether the reset gate is applied after the matrix multiplication.
     *
     * @return the choice, true by default
     */
    public boolean resetAfter() {
        return resetAfter;
    }

    /**
     * The gate order of the weights and biases.
     *
     * @return the layout, {@link MLGruWeightLayout#ZRN} by default
     */
    public MLGruWeightLayout layout() {
        return layout;
    }

    /**
     * The activations as given.
     *
     * @return the activations, if given (unmodifiable)
     */
    public Optional<List<MLRecurrentNetworkActivation>> activations() {
        return Optional.ofNullable(activations);
    }

    @Override
    public String toString() {
        return "MLGruCellOptions[label=" + label + ", bias=" + bias + ", recurrentBias=" + recurrentBias
                + ", resetAfter=" + resetAfter + ", layout=" + layout + ", activations=" + activations + "]";
    }
}

package dev.webnn;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@link MLGraphBuilder#lstmCell} (spec: {@code MLLstmCellOptions}). Immutable;
 * start from {@link #defaults()} and use the withers.
 *
 * <p>Defaults: no bias, no recurrent bias, no peephole weight, layout
 * {@link MLLstmWeightLayout#IOFG}, activations not given (the operation then uses sigmoid,
 * tanh and tanh), no label.
 */
public final class MLLstmCellOptions {

    private static final MLLstmCellOptions DEFAULTS = new MLLstmCellOptions("", null, null, null,
            MLLstmWeightLayout.IOFG, null);

    private final String label;
    private final MLOperand bias;
    private final MLOperand recurrentBias;
    private final MLOperand peepholeWeight;
    private final MLLstmWeightLayout layout;
    private final List<MLRecurrentNetworkActivation> activations;

    private MLLstmCellOptions(String label, MLOperand bias, MLOperand recurrentBias, MLOperand peepholeWeight,
                              MLLstmWeightLayout layout, List<MLRecurrentNetworkActivation> activations) {
        this.label = label;
        this.bias = bias;
        this.recurrentBias = recurrentBias;
        this.peepholeWeight = peepholeWeight;
        this.layout = layout;
        this.activations = activations;
    }

    /**
     * The spec's defaults (see the class description).
     *
     * @return the default options
     */
    public static MLLstmCellOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Sets the label.
     *
     * @param value the label
     * @return new options
     */
    public MLLstmCellOptions withLabel(String value) {
        return new MLLstmCellOptions(Objects.requireNonNull(value, "label"), bias, recurrentBias, peepholeWeight,
                layout, activations);
    }

    /**
     * Sets the input bias, shaped {@code [4 * hiddenSize]}, gates ordered by {@link #layout()}.
     *
     * @param value the bias, or null for none
     * @return new options
     */
    public MLLstmCellOptions withBias(MLOperand value) {
        return new MLLstmCellOptions(label, value, recurrentBias, peepholeWeight, layout, activations);
    }

    /**
     * Sets the recurrent bias, shaped {@code [4 * hiddenSize]}, gates ordered by
     * {@link #layout()}.
     *
     * @param value the recurrent bias, or null for none
     * @return new options
     */
    public MLLstmCellOptions withRecurrentBias(MLOperand value) {
        return new MLLstmCellOptions(label, bias, value, peepholeWeight, layout, activations);
    }

    /**
     * Sets the peephole weight, shaped {@code [3 * hiddenSize]}, packed for the input, output
     * and forget gates in that order.
     *
     * @param value the peephole weight, or null for none
     * @return new options
     */
    public MLLstmCellOptions withPeepholeWeight(MLOperand value) {
        return new MLLstmCellOptions(label, bias, recurrentBias, value, layout, activations);
    }

    /**
     * Sets the gate order of the weights and biases.
     *
     * @param value the layout
     * @return new options
     */
    public MLLstmCellOptions withLayout(MLLstmWeightLayout value) {
        return new MLLstmCellOptions(label, bias, recurrentBias, peepholeWeight, Objects.requireNonNull(value, "layout"),
                activations);
    }

    /**
     * Sets the activations: the first for the input, forget and output gates, the second for
     * the cell gate, the third for the cell state before the output gate. The operation
     * requires exactly three.
     *
     * @param values the activations (copied)
     * @return new options
     */
    public MLLstmCellOptions withActivations(MLRecurrentNetworkActivation... values) {
        return withActivations(List.of(Objects.requireNonNull(values, "activations")));
    }

    /**
     * Sets the activations: the first for the input, forget and output gates, the second for
     * the cell gate, the third for the cell state before the output gate. The operation
     * requires exactly three.
     *
     * @param values the activations (copied)
     * @return new options
     */
    public MLLstmCellOptions withActivations(List<MLRecurrentNetworkActivation> values) {
        return new MLLstmCellOptions(label, bias, recurrentBias, peepholeWeight, layout, List.copyOf(values));
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
     * The peephole weight.
     *
     * @return the peephole weight, if given
     */
    public Optional<MLOperand> peepholeWeight() {
        return Optional.ofNullable(peepholeWeight);
    }

    /**
     * The gate order of the weights and biases.
     *
     * @return the layout, {@link MLLstmWeightLayout#IOFG} by default
     */
    public MLLstmWeightLayout layout() {
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
        return "MLLstmCellOptions[label=" + label + ", bias=" + bias + ", recurrentBias=" + recurrentBias
                + ", peepholeWeight=" + peepholeWeight + ", layout=" + layout + ", activations=" + activations + "]";
    }
}

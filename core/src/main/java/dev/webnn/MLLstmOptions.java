package dev.webnn;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@link MLGraphBuilder#lstm} (spec: {@code MLLstmOptions}). Immutable; start
 * from {@link #defaults()} and use the withers.
 *
 * <p>Defaults: no bias, no recurrent bias, no peephole weight, no initial hidden or cell
 * state (zeros), {@code returnSequence} false, direction
 * {@link MLRecurrentNetworkDirection#FORWARD}, layout {@link MLLstmWeightLayout#IOFG},
 * activations not given (the operation then uses sigmoid, tanh and tanh), no label.
 */
public final class MLLstmOptions {

    private static final MLLstmOptions DEFAULTS = new MLLstmOptions("", null, null, null, null, null, false,
            MLRecurrentNetworkDirection.FORWARD, MLLstmWeightLayout.IOFG, null);

    private final String label;
    private final MLOperand bias;
    private final MLOperand recurrentBias;
    private final MLOperand peepholeWeight;
    private final MLOperand initialHiddenState;
    private final MLOperand initialCellState;
    private final boolean returnSequence;
    private final MLRecurrentNetworkDirection direction;
    private final MLLstmWeightLayout layout;
    private final List<MLRecurrentNetworkActivation> activations;

    private MLLstmOptions(String label, MLOperand bias, MLOperand recurrentBias, MLOperand peepholeWeight,
                          MLOperand initialHiddenState, MLOperand initialCellState, boolean returnSequence,
                          MLRecurrentNetworkDirection direction, MLLstmWeightLayout layout,
                          List<MLRecurrentNetworkActivation> activations) {
        this.label = label;
        this.bias = bias;
        this.recurrentBias = recurrentBias;
        this.peepholeWeight = peepholeWeight;
        this.initialHiddenState = initialHiddenState;
        this.initialCellState = initialCellState;
        this.returnSequence = returnSequence;
        this.direction = direction;
        this.layout = layout;
        this.activations = activations;
    }

    /**
     * The spec's defaults (see the class description).
     *
     * @return the default options
     */
    public static MLLstmOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Sets the label.
     *
     * @param value the label
     * @return new options
     */
    public MLLstmOptions withLabel(String value) {
        return new MLLstmOptions(Objects.requireNonNull(value, "label"), bias, recurrentBias, peepholeWeight,
                initialHiddenState, initialCellState, returnSequence, direction, layout, activations);
    }

    /**
     * Sets the input bias, shaped {@code [numDirections, 4 * hiddenSize]}, gates ordered by
     * {@link #layout()}.
     *
     * @param value the bias, or null for none
     * @return new options
     */
    public MLLstmOptions withBias(MLOperand value) {
        return new MLLstmOptions(label, value, recurrentBias, peepholeWeight, initialHiddenState, initialCellState,
                returnSequence, direction, layout, activations);
    }

    /**
     * Sets the recurrent bias, shaped {@code [numDirections, 4 * hiddenSize]}, gates ordered
     * by {@link #layout()}.
     *
     * @param value the recurrent bias, or null for none
     * @return new options
     */
    public MLLstmOptions withRecurrentBias(MLOperand value) {
        return new MLLstmOptions(label, bias, value, peepholeWeight, initialHiddenState, initialCellState,
                returnSequence, direction, layout, activations);
    }

    /**
     * Sets the peephole weight, shaped {@code [numDirections, 3 * hiddenSize]}, packed for
     * the input, output and forget gates in that order.
     *
     * @param value the peephole weight, or null for none
     * @return new options
     */
    public MLLstmOptions withPeepholeWeight(MLOperand value) {
        return new MLLstmOptions(label, bias, recurrentBias, value, initialHiddenState, initialCellState,
                returnSequence, direction, layout, activations);
    }

    /**
     * Sets the initial hidden state, shaped {@code [numDirections, batchSize, hiddenSize]}.
     *
     * @param value the initial hidden state, or null for zeros
     * @return new options
     */
    public MLLstmOptions withInitialHiddenState(MLOperand value) {
        return new MLLstmOptions(label, bias, recurrentBias, peepholeWeight, value, initialCellState, returnSequence,
                direction, layout, activations);
    }

    /**
     * Sets the initial cell state, shaped {@code [numDirections, batchSize, hiddenSize]}.
     *
     * @param value the initial cell state, or null for zeros
     * @return new options
     */
    public MLLstmOptions withInitialCellState(MLOperand value) {
        return new MLLstmOptions(label, bias, recurrentBias, peepholeWeight, initialHiddenState, value,
                returnSequence, direction, layout, activations);
    }

    /**
     * Sets whether the operation also returns the output of every time step.
     *
     * @param value the choice
     * @return new options
     */
    public MLLstmOptions withReturnSequence(boolean value) {
        return new MLLstmOptions(label, bias, recurrentBias, peepholeWeight, initialHiddenState, initialCellState,
                value, direction, layout, activations);
    }

    /**
     * Sets the processing direction.
     *
     * @param value the direction
     * @return new options
     */
    public MLLstmOptions withDirection(MLRecurrentNetworkDirection value) {
        return new MLLstmOptions(label, bias, recurrentBias, peepholeWeight, initialHiddenState, initialCellState,
                returnSequence, Objects.requireNonNull(value, "direction"), layout, activations);
    }

    /**
     * Sets the gate order of the weights and biases.
     *
     * @param value the layout
     * @return new options
     */
    public MLLstmOptions withLayout(MLLstmWeightLayout value) {
        return new MLLstmOptions(label, bias, recurrentBias, peepholeWeight, initialHiddenState, initialCellState,
                returnSequence, direction, Objects.requireNonNull(value, "layout"), activations);
    }

    /**
     * Sets the activations: the first for the input, forget and output gates, the second for
     * the cell gate, the third for the cell state before the output gate. The operation
     * requires exactly three.
     *
     * @param values the activations (copied)
     * @return new options
     */
    public MLLstmOptions withActivations(MLRecurrentNetworkActivation... values) {
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
    public MLLstmOptions withActivations(List<MLRecurrentNetworkActivation> values) {
        return new MLLstmOptions(label, bias, recurrentBias, peepholeWeight, initialHiddenState, initialCellState,
                returnSequence, direction, layout, List.copyOf(values));
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
     * The initial hidden state.
     *
     * @return the initial hidden state, if given
     */
    public Optional<MLOperand> initialHiddenState() {
        return Optional.ofNullable(initialHiddenState);
    }

    /**
     * The initial cell state.
     *
     * @return the initial cell state, if given
     */
    public Optional<MLOperand> initialCellState() {
        return Optional.ofNullable(initialCellState);
    }

    /**
     * Whether the output of every time step is also returned.
     *
     * @return the choice, false by default
     */
    public boolean returnSequence() {
        return returnSequence;
    }

    /**
     * The processing direction.
     *
     * @return the direction, {@link MLRecurrentNetworkDirection#FORWARD} by default
     */
    public MLRecurrentNetworkDirection direction() {
        return direction;
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
        return "MLLstmOptions[label=" + label + ", bias=" + bias + ", recurrentBias=" + recurrentBias
                + ", peepholeWeight=" + peepholeWeight + ", initialHiddenState=" + initialHiddenState
                + ", initialCellState=" + initialCellState + ", returnSequence=" + returnSequence + ", direction="
                + direction + ", layout=" + layout + ", activations=" + activations + "]";
    }
}

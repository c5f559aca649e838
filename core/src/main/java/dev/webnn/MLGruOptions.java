package dev.webnn;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@link MLGraphBuilder#gru} (spec: {@code MLGruOptions}). Immutable; start from
 * {@link #defaults()} and use the withers.
 *
 * <p>Defaults: no bias, no recurrent bias, no initial hidden state (zeros), {@code resetAfter}
 * true, {@code returnSequence} false, direction {@link MLRecurrentNetworkDirection#FORWARD},
 * layout {@link MLGruWeightLayout#ZRN}, activations not given (the operation then uses
 * sigmoid and tanh), no label.
 */
public final class MLGruOptions {

    private static final MLGruOptions DEFAULTS = new MLGruOptions("", null, null, null, true, false,
            MLRecurrentNetworkDirection.FORWARD, MLGruWeightLayout.ZRN, null);

    private final String label;
    private final MLOperand bias;
    private final MLOperand recurrentBias;
    private final MLOperand initialHiddenState;
    private final boolean resetAfter;
    private final boolean returnSequence;
    private final MLRecurrentNetworkDirection direction;
    private final MLGruWeightLayout layout;
    private final List<MLRecurrentNetworkActivation> activations;

    private MLGruOptions(String label, MLOperand bias, MLOperand recurrentBias, MLOperand initialHiddenState,
                         boolean resetAfter, boolean returnSequence, MLRecurrentNetworkDirection direction,
                         MLGruWeightLayout layout, List<MLRecurrentNetworkActivation> activations) {
        this.label = label;
        this.bias = bias;
        this.recurrentBias = recurrentBias;
        this.initialHiddenState = initialHiddenState;
        this.resetAfter = resetAfter;
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
    public static MLGruOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Sets the label.
     *
     * @param value the label
     * @return new options
     */
    public MLGruOptions withLabel(String value) {
        return new MLGruOptions(Objects.requireNonNull(value, "label"), bias, recurrentBias, initialHiddenState,
                resetAfter, returnSequence, direction, layout, activations);
    }

    /**
     * Sets the input bias, shaped {@code [numDirections, 3 * hiddenSize]}, gates ordered by
     * {@link #layout()}.
     *
     * @param value the bias, or null for none
     * @return new options
     */
    public MLGruOptions withBias(MLOperand value) {
        return new MLGruOptions(label, value, recurrentBias, initialHiddenState, resetAfter, returnSequence,
                direction, layout, activations);
    }

    /**
     * Sets the recurrent bias, shaped {@code [numDirections, 3 * hiddenSize]}, gates ordered
     * by {@link #layout()}.
     *
     * @param value the recurrent bias, or null for none
     * @return new options
     */
    public MLGruOptions withRecurrentBias(MLOperand value) {
        return new MLGruOptions(label, bias, value, initialHiddenState, resetAfter, returnSequence, direction,
                layout, activations);
    }

    /**
     * Sets the initial hidden state, shaped {@code [numDirections, batchSize, hiddenSize]}.
     *
     * @param value the initial hidden state, or null for zeros
     * @return new options
     */
    public MLGruOptions withInitialHiddenState(MLOperand value) {
        return new MLGruOptions(label, bias, recurrentBias, value, resetAfter, returnSequence, direction, layout,
                activations);
    }

    /**
     * Sets whether the reset gate is applied after (true) or before (false) the matrix
     * multiplication of the new gate.
     *
     * @param value the choice
     * @return new options
     */
    public MLGruOptions withResetAfter(boolean value) {
        return new MLGruOptions(label, bias, recurrentBias, initialHiddenState, value, returnSequence, direction,
                layout, activations);
    }

    /**
     * Sets whether the operation also returns the output of every time step.
     *
     * @param value the choice
     * @return new options
     */
    public MLGruOptions withReturnSequence(boolean value) {
        return new MLGruOptions(label, bias, recurrentBias, initialHiddenState, resetAfter, value, direction,
                layout, activations);
    }

    /**
     * Sets the processing direction.
     *
     * @param value the direction
     * @return new options
     */
    public MLGruOptions withDirection(MLRecurrentNetworkDirection value) {
        return new MLGruOptions(label, bias, recurrentBias, initialHiddenState, resetAfter, returnSequence,
                Objects.requireNonNull(value, "direction"), layout, activations);
    }

    /**
     * Sets the gate order of the weights and biases.
     *
     * @param value the layout
     * @return new options
     */
    public MLGruOptions withLayout(MLGruWeightLayout value) {
        return new MLGruOptions(label, bias, recurrentBias, initialHiddenState, resetAfter, returnSequence,
                direction, Objects.requireNonNull(value, "layout"), activations);
    }

    /**
     * Sets the activations: the first for the update and reset gates, the second for the new
     * gate. The operation requires exactly two.
     *
     * @param values the activations (copied)
     * @return new options
     */
    public MLGruOptions withActivations(MLRecurrentNetworkActivation... values) {
        return withActivations(List.of(Objects.requireNonNull(values, "activations")));
    }

    /**
     * Sets the activations: the first for the update and reset gates, the second for the new
     * gate. The operation requires exactly two.
     *
     * @param values the activations (copied)
     * @return new options
     */
    public MLGruOptions withActivations(List<MLRecurrentNetworkActivation> values) {
        return new MLGruOptions(label, bias, recurrentBias, initialHiddenState, resetAfter, returnSequence,
                direction, layout, List.copyOf(values));
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
     * The initial hidden state.
     *
     * @return the initial hidden state, if given
     */
    public Optional<MLOperand> initialHiddenState() {
        return Optional.ofNullable(initialHiddenState);
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
        return "MLGruOptions[label=" + label + ", bias=" + bias + ", recurrentBias=" + recurrentBias
                + ", initialHiddenState=" + initialHiddenState + ", resetAfter=" + resetAfter + ", returnSequence="
                + returnSequence + ", direction=" + direction + ", layout=" + layout + ", activations=" + activations
                + "]";
    }
}

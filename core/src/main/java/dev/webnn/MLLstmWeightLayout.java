package dev.webnn;

/**
 * Order of the gates' weight and bias vectors along the gate dimension of an LSTM's weight
 * and bias tensors (spec: {@code MLLstmWeightLayout}).
 */
public enum MLLstmWeightLayout {
    /** Input (i), output (o), forget (f), cell (g): the spec's {@code "iofg"}, the default. */
    IOFG,
    /** Input (i), forget (f), cell (g), output (o): the spec's {@code "ifgo"}. */
    IFGO
}

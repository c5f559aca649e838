package dev.webnn;

/**
 * An activation function applied inside the gates of a recurrent network
 * (spec: {@code MLRecurrentNetworkActivation}).
 */
public enum MLRecurrentNetworkActivation {
    /** {@code max(0, x)}: the spec's {@code "relu"}. */
    RELU,
    /** {@code 1 / (1 + e^-x)}: the spec's {@code "sigmoid"}. */
    SIGMOID,
    /** Hyperbolic tangent: the spec's {@code "tanh"}. */
    TANH
}

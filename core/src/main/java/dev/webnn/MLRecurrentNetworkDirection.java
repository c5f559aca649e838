package dev.webnn;

/**
 * The direction in which a recurrent network processes its input sequence
 * (spec: {@code MLRecurrentNetworkDirection}).
 */
public enum MLRecurrentNetworkDirection {
    /** From the first time step to the last: the spec's {@code "forward"}, the default. */
    FORWARD,
    /** From the last time step to the first: the spec's {@code "backward"}. */
    BACKWARD,
    /** Both directions, one after the other, with two sets of weights: the spec's {@code "both"}. */
    BOTH
}

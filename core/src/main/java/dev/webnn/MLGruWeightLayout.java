package dev.webnn;

/**
 * Order of the gates' weight and bias vectors along the gate dimension of a GRU's weight
 * and bias tensors (spec: {@code MLGruWeightLayout}).
 */
public enum MLGruWeightLayout {
    /** Update (z), reset (r), new (n): the spec's {@code "zrn"}, the default. */
    ZRN,
    /** Reset (r), update (z), new (n): the spec's {@code "rzn"}. */
    RZN
}

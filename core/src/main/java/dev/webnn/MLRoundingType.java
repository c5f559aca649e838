package dev.webnn;

/**
 * How the pooling operations round a fractional output size (spec: {@code MLRoundingType}).
 */
public enum MLRoundingType {
    /** Round down: only full windows produce outputs (spec: {@code "floor"}). */
    FLOOR,
    /** Round up: a partial last window produces an output too (spec: {@code "ceil"}). */
    CEIL
}

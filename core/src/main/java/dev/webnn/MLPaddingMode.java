package dev.webnn;

/** How {@link MLGraphBuilder#pad pad} fills the new elements (spec: {@code MLPaddingMode}). */
public enum MLPaddingMode {
    /** Every new element is {@link MLPadOptions#value()}. */
    CONSTANT,
    /** Repeats the edge element of each dimension. */
    EDGE,
    /** Mirrors the elements next to the edge, without repeating the edge itself. */
    REFLECTION
}

package dev.webnn;

import dev.webnn.graph.Operand;
import java.util.Optional;

/**
 * A value in a graph under construction: a graph input, a constant, or the output of an
 * operation (spec: {@code MLOperand}). Created only by {@link MLGraphBuilder} and usable
 * only with the builder that created it.
 */
public final class MLOperand {

    /** How the operand came to be. */
    enum Kind { INPUT, CONSTANT, OPERATOR_OUTPUT }

    private final GraphRecorder recorder;
    private final int id;
    private final MLOperandDescriptor descriptor;
    private final Kind kind;
    private final String name;
    private final Operand operand;

    MLOperand(GraphRecorder recorder, int id, MLOperandDescriptor descriptor, Kind kind, String name) {
        this.recorder = recorder;
        this.id = id;
        this.descriptor = descriptor;
        this.kind = kind;
        this.name = name;
        this.operand = new Operand(id, descriptor);
    }

    /**
     * The operand's data type.
     *
     * @return the data type
     */
    public MLOperandDataType dataType() {
        return descriptor.dataType();
    }

    /**
     * The operand's dimensions.
     *
     * @return a copy of the shape; empty for a scalar
     */
    public long[] shape() {
        return descriptor.shape();
    }

    /**
     * The number of dimensions.
     *
     * @return the rank
     */
    public int rank() {
        return descriptor.rank();
    }

    /**
     * Data type and shape together.
     *
     * @return the descriptor
     */
    public MLOperandDescriptor descriptor() {
        return descriptor;
    }

    /** The builder that created this operand. */
    MLGraphBuilder builder() {
        return recorder.facade();
    }

    /** The recorder of the builder that created this operand. */
    GraphRecorder recorder() {
        return recorder;
    }

    /** An optional operand as the IR sees it: empty for null. */
    static Optional<Operand> optional(MLOperand operand) {
        return Optional.ofNullable(operand).map(MLOperand::operand);
    }

    /** This operand as the IR sees it while recording (builder-wide id). */
    Operand operand() {
        return operand;
    }

    int id() {
        return id;
    }

    Kind kind() {
        return kind;
    }

    /** The input name, for graph inputs only. */
    String name() {
        return name;
    }

    /** Internal shape view without a copy. */
    long[] shapeView() {
        return descriptor.shapeView();
    }

    @Override
    public String toString() {
        String what = switch (kind) {
            case INPUT -> "input '" + name + "'";
            case CONSTANT -> "constant";
            case OPERATOR_OUTPUT -> "operand";
        };
        return what + " #" + id + " " + descriptor;
    }
}

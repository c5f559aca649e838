package dev.webnn.backend.xnnpack;

import static java.lang.foreign.MemorySegment.NULL;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.webnn.MLOperandDataType;
import dev.webnn.bindings.xnnpack.Xnnpack;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * An XNNPACK subgraph under construction: value definitions (external inputs and outputs,
 * internal values, constants) and a scratch arena for the arguments of define calls.
 * Constant data must outlive the runtime; the caller's {@code constants} arena holds
 * the data made during lowering (permuted filters and the like).
 */
final class XnnSubgraph implements AutoCloseable {

    private final Arena scratch = Arena.ofConfined();
    private final Arena constants;
    private MemorySegment subgraph;

    /**
     * Creates an empty subgraph.
     *
     * @param externalValues number of external value ids (graph inputs then outputs)
     * @param constants arena for constant data made during lowering; must outlive the runtime
     */
    XnnSubgraph(int externalValues, Arena constants) {
        this.constants = constants;
        MemorySegment slot = scratch.allocate(ADDRESS);
        XnnStatus.check(Xnnpack.xnn_create_subgraph(externalValues, 0, slot), "create a subgraph");
        this.subgraph = slot.get(ADDRESS, 0);
    }

    /** The {@code xnn_subgraph_t}, for define calls. */
    MemorySegment handle() {
        return subgraph;
    }

    /** Arena for the arguments of one define call; freed with this builder. */
    Arena scratch() {
        return scratch;
    }

    /**
     * Defines an external input or output value.
     *
     * @param type the data type
     * @param shape the dimensions as stored
     * @param externalId its id in {@code [0, externalValues)}
     * @param output true for a graph output
     * @return the value id (equal to {@code externalId})
     */
    int external(MLOperandDataType type, long[] shape, int externalId, boolean output) {
        return define(type, shape, NULL, externalId,
                output ? Xnnpack.XNN_VALUE_FLAG_EXTERNAL_OUTPUT() : Xnnpack.XNN_VALUE_FLAG_EXTERNAL_INPUT());
    }

    /** Defines an internal value computed by a node. */
    int internal(MLOperandDataType type, long[] shape) {
        return define(type, shape, NULL, Xnnpack.XNN_INVALID_VALUE_ID(), 0);
    }

    /**
     * Defines a constant over memory that outlives the runtime (not copied).
     *
     * @param type the data type
     * @param shape the dimensions as stored
     * @param data the bytes, alive until the runtime is deleted
     * @return the value id
     */
    int constant(MLOperandDataType type, long[] shape, MemorySegment data) {
        return define(type, shape, data, Xnnpack.XNN_INVALID_VALUE_ID(), 0);
    }

    /**
     * Defines channelwise-quantized int8 weights ({@code qcint8}, zero point 0) over memory
     * that outlives the runtime (not copied).
     *
     * @param shape the dimensions as stored
     * @param channelDim the dimension of the channels
     * @param data the int8 values, alive until the runtime is deleted
     * @param scales one scale per channel, each positive and normal
     * @return the value id
     */
    int channelwiseConstant(long[] shape, int channelDim, MemorySegment data, float[] scales) {
        MemorySegment scaleData = allocateConstant((long) scales.length * Float.BYTES);
        MemorySegment.copy(scales, 0, scaleData, JAVA_FLOAT, 0, scales.length);
        MemorySegment id = scratch.allocate(JAVA_INT);
        XnnStatus.check(Xnnpack.xnn_define_channelwise_quantized_tensor_value(subgraph, Xnnpack.xnn_datatype_qcint8(),
                scaleData, shape.length, channelDim, sizes(shape), data, Xnnpack.XNN_INVALID_VALUE_ID(), 0, id),
                "define channelwise-quantized int8 weights of rank " + shape.length);
        return id.get(JAVA_INT, 0);
    }

    /**
     * Defines an internal dynamically quantized int8 value ({@code qdint8}): a convert node
     * writing it picks one scale and zero point per batch element at run time.
     *
     * @param shape the dimensions as stored
     * @param nonBatchDims how many trailing dimensions one scale covers
     * @return the value id
     */
    int dynamicallyQuantized(long[] shape, int nonBatchDims) {
        MemorySegment id = scratch.allocate(JAVA_INT);
        XnnStatus.check(Xnnpack.xnn_define_dynamically_quantized_tensor_value(subgraph, Xnnpack.xnn_datatype_qdint8(),
                shape.length, nonBatchDims, sizes(shape), Xnnpack.XNN_INVALID_VALUE_ID(), 0, id),
                "define a dynamically quantized int8 value of rank " + shape.length);
        return id.get(JAVA_INT, 0);
    }

    /** Memory that lives as long as the runtime, for constants computed during lowering. */
    MemorySegment allocateConstant(long bytes) {
        return constants.allocate(Math.max(1, bytes), 64).asSlice(0, bytes);
    }

    /** A {@code size_t[]} argument. */
    MemorySegment sizes(long... values) {
        return scratch.allocateFrom(JAVA_LONG, values.length == 0 ? new long[1] : values);
    }

    @Override
    public void close() {
        if (!subgraph.equals(NULL)) {
            Xnnpack.xnn_delete_subgraph(subgraph);
            subgraph = NULL;
        }
        scratch.close();
    }

    private int define(MLOperandDataType type, long[] shape, MemorySegment data, int externalId, int flags) {
        MemorySegment id = scratch.allocate(JAVA_INT);
        XnnStatus.check(Xnnpack.xnn_define_tensor_value(subgraph, XnnTypes.of(type), shape.length, sizes(shape), data,
                externalId, flags, id), "define a " + type + " value of rank " + shape.length);
        return id.get(JAVA_INT, 0);
    }
}

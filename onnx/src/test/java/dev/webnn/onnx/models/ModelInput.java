package dev.webnn.onnx.models;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import dev.webnn.MLOperandDataType;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.LongUnaryOperator;

/**
 * One input of a real-model test, in native memory for WebNN and wrapped for ONNX Runtime's
 * Java API: float32 or int64 only (what the tested models take).
 *
 * @param dataType float32 or int64
 * @param shape the dimensions
 * @param data the elements, little-endian
 */
record ModelInput(MLOperandDataType dataType, long[] shape, MemorySegment data) {

    /**
     * Uniform pseudo-random float32 values from a fixed seed.
     *
     * @param arena owns the data
     * @param seed the seed
     * @param low smallest value
     * @param high largest value
     * @param shape the dimensions
     * @return the input
     */
    static ModelInput uniform(Arena arena, long seed, float low, float high, long... shape) {
        SplittableRandom random = new SplittableRandom(seed);
        MemorySegment data = arena.allocate(ValueLayout.JAVA_FLOAT, count(shape));
        for (long i = 0; i < count(shape); i++) {
            data.setAtIndex(ValueLayout.JAVA_FLOAT, i, low + (high - low) * (float) random.nextDouble());
        }
        return new ModelInput(MLOperandDataType.FLOAT32, shape, data);
    }

    /**
     * int64 values computed from the flat index.
     *
     * @param arena owns the data
     * @param value the value of each flat index
     * @param shape the dimensions
     * @return the input
     */
    static ModelInput int64(Arena arena, LongUnaryOperator value, long... shape) {
        MemorySegment data = arena.allocate(ValueLayout.JAVA_LONG, count(shape));
        for (long i = 0; i < count(shape); i++) {
            data.setAtIndex(ValueLayout.JAVA_LONG, i, value.applyAsLong(i));
        }
        return new ModelInput(MLOperandDataType.INT64, shape, data);
    }

    /**
     * The same data as an ONNX Runtime tensor (a copy, owned by the caller).
     *
     * @param environment ONNX Runtime's environment
     * @return the tensor; close it after use
     * @throws OrtException if ONNX Runtime refuses it
     */
    OnnxTensor toOrt(OrtEnvironment environment) throws OrtException {
        var bytes = data.asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        return switch (dataType) {
            case FLOAT32 -> OnnxTensor.createTensor(environment, bytes.asFloatBuffer(), shape);
            case INT64 -> OnnxTensor.createTensor(environment, bytes.asLongBuffer(), shape);
            default -> throw new IllegalArgumentException("no ONNX Runtime tensor for " + dataType);
        };
    }

    @Override
    public String toString() {
        return dataType + Arrays.toString(shape);
    }

    private static long count(long[] shape) {
        return Arrays.stream(shape).reduce(1, Math::multiplyExact);
    }
}

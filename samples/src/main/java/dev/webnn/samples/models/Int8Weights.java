package dev.webnn.samples.models;

import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * float32 weights quantized to int8 per output channel (dimension 0), symmetrically: channel
 * {@code c} gets the scale {@code max|w_c| / 127} (1 for an all-zero channel) and zero point
 * 0, and each weight the nearest integer of {@code w / scale}. The graph holds the int8 data
 * and reads it through {@code dequantizeLinear}, so a backend may run integer kernels on it.
 */
final class Int8Weights {

    private Int8Weights() {
    }

    /**
     * Adds quantized weights to a builder.
     *
     * @param builder the builder
     * @param descriptor the float32 weights' descriptor, of rank 1 or more
     * @param data their elements
     * @return {@code dequantizeLinear(int8 weights, scales, zero points)}, of the descriptor's shape
     */
    static MLOperand dequantized(MLGraphBuilder builder, MLOperandDescriptor descriptor, MemorySegment data) {
        long[] shape = descriptor.shape();
        int channels = Math.toIntExact(shape[0]);
        int perChannel = Math.toIntExact(descriptor.elementCount() / channels);
        float[] scales = new float[channels];
        byte[] quantized = new byte[channels * perChannel];
        for (int c = 0; c < channels; c++) {
            float largest = 0;
            for (int i = 0; i < perChannel; i++) {
                largest = Math.max(largest, Math.abs(data.getAtIndex(ValueLayout.JAVA_FLOAT, (long) c * perChannel + i)));
            }
            scales[c] = largest == 0 ? 1 : largest / 127;
            for (int i = 0; i < perChannel; i++) {
                int index = c * perChannel + i;
                quantized[index] = (byte) Math.round(data.getAtIndex(ValueLayout.JAVA_FLOAT, index) / scales[c]);
            }
        }
        long[] channelShape = new long[shape.length];
        Arrays.fill(channelShape, 1);
        channelShape[0] = channels;
        return builder.dequantizeLinear(builder.constant(MLOperandDescriptor.of(MLOperandDataType.INT8, shape), quantized),
                builder.constant(MLOperandDescriptor.of(MLOperandDataType.FLOAT32, channelShape), scales),
                builder.constant(MLOperandDescriptor.of(MLOperandDataType.INT8, channelShape), new byte[channels]));
    }
}

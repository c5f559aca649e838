package dev.webnn.samples.bench;

import dev.webnn.MLOperandDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;

/**
 * The fixed pseudo-random values {@code run} gives a model input that has no {@code .npy}
 * file, and {@code bench --onnx} every input: floats uniform in [-1, 1), integers 0 or 1,
 * the same on every run.
 */
public final class InputPattern {

    /** Seed of the pattern. */
    public static final long SEED = 20261204L;
    /** How the pattern is described to the user. */
    public static final String DESCRIPTION = "a fixed pseudo-random pattern (floats uniform in [-1, 1), integers 0 or 1)";

    private InputPattern() {
    }

    /**
     * Fills a tensor with the pattern.
     *
     * @param descriptor the tensor's type and shape
     * @param data exactly {@code descriptor.byteLength()} writable bytes
     */
    public static void fill(MLOperandDescriptor descriptor, MemorySegment data) {
        SplittableRandom random = new SplittableRandom(SEED);
        for (long i = 0; i < descriptor.elementCount(); i++) {
            switch (descriptor.dataType()) {
                case FLOAT32 -> data.setAtIndex(ValueLayout.JAVA_FLOAT, i, uniform(random));
                case FLOAT16 -> data.setAtIndex(ValueLayout.JAVA_SHORT, i, Float.floatToFloat16(uniform(random)));
                case INT8, UINT8 -> data.set(ValueLayout.JAVA_BYTE, i, (byte) random.nextInt(2));
                case INT32, UINT32 -> data.setAtIndex(ValueLayout.JAVA_INT, i, random.nextInt(2));
                case INT64, UINT64 -> data.setAtIndex(ValueLayout.JAVA_LONG, i, random.nextInt(2));
            }
        }
    }

    private static float uniform(SplittableRandom random) {
        return (float) (random.nextDouble() * 2 - 1);
    }
}

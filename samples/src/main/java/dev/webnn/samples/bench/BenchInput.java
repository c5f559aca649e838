package dev.webnn.samples.bench;

import dev.webnn.MLOperandDescriptor;
import java.util.SplittableRandom;

/** Fixed pseudo-random input data, the same for every engine and every run. */
public final class BenchInput {

    private static final long SEED = 20_260_224L;

    private BenchInput() {
    }

    /**
     * A normalised image of the given shape: values uniform in [-2, 2), roughly the range of an
     * ImageNet-normalised photo, from a fixed seed.
     *
     * @param descriptor a float32 descriptor
     * @return its values, in the descriptor's element order
     */
    public static float[] image(MLOperandDescriptor descriptor) {
        SplittableRandom random = new SplittableRandom(SEED);
        float[] values = new float[Math.toIntExact(descriptor.elementCount())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble(-2, 2);
        }
        return values;
    }
}

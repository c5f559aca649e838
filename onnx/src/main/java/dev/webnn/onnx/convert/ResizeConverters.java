package dev.webnn.onnx.convert;

import dev.webnn.MLInterpolationMode;
import dev.webnn.MLOperand;
import dev.webnn.MLResample2dOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * Resize (opsets 10 to 19) and Upsample (7 to 9) as WebNN resample2d, for the variants whose
 * sampling positions WebNN's computes: linear with half-pixel centres, nearest with half-pixel
 * centres rounding down at ties, and nearest with asymmetric coordinates at integer upscales
 * (where both pick the same source pixels). At most two axes may change size. Nearest
 * upsampling by integer factors of an input whose rank is not 4 (resample2d's) is composed of
 * reshape and concat.
 */
final class ResizeConverters {

    private ResizeConverters() {
    }

    static void register(Registry registry) {
        registry.add("Resize", List.of("resample2d", "concat"), ResizeConverters::resize);
        registry.add("Upsample", List.of("resample2d", "concat"), node -> {
            float[] scales = node.opset() < 9 ? node.floatsAttribute("scales") : floats(node.constant(1).doubles());
            resample(node, node.stringAttribute("mode", "nearest"), "asymmetric", "floor", scales, null);
        });
    }

    private static float[] floats(double[] values) {
        float[] result = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (float) values[i];
        }
        return result;
    }

    private static void resize(OnnxNode node) {
        if (node.intAttribute("antialias", 0) != 0) {
            throw node.unsupported("antialias = 1");
        }
        if (node.hasAttribute("axes")) {
            throw node.unsupported("the axes attribute");
        }
        String mode = node.stringAttribute("mode", "nearest");
        String coordinates = node.stringAttribute("coordinate_transformation_mode",
                node.opset() < 11 ? "asymmetric" : "half_pixel");
        String nearest = node.stringAttribute("nearest_mode", "round_prefer_floor");
        float[] scales = null;
        long[] sizes = null;
        if (node.opset() < 11) {
            scales = floats(node.constant(1).doubles());
        } else {
            if (node.has(2) && node.constant(2).elementCount() > 0) {
                scales = floats(node.constant(2).doubles());
            }
            if (node.has(3) && node.constant(3).elementCount() > 0) {
                sizes = node.constant(3).longs();
            }
        }
        resample(node, mode, coordinates, nearest, scales, sizes);
    }

    private static void resample(OnnxNode node, String mode, String coordinates, String nearest, float[] scales,
                                 long[] sizes) {
        MLOperand x = node.operand(0);
        long[] shape = x.shape();
        if ((scales == null) == (sizes == null)) {
            throw node.unsupported("exactly one of scales and sizes must be given");
        }
        int rank = shape.length;
        if ((scales != null ? scales.length : sizes.length) != rank) {
            throw node.unsupported("scales or sizes must have one value per input dimension");
        }
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < rank; i++) {
            boolean same = scales != null ? scales[i] == 1f : sizes[i] == shape[i];
            if (!same) {
                changed.add(i);
            }
        }
        if (changed.isEmpty()) {
            node.output(0, node.builder().identity(x, node.options()));
            return;
        }
        if (changed.size() > 2) {
            throw node.unsupported("more than two axes change size; WebNN resamples two");
        }
        int first = changed.get(0);
        int second = changed.size() == 2 ? changed.get(1) : (first + 1 < rank ? first + 1 : first - 1);
        if (second < 0) {
            throw node.unsupported("a rank-1 input");
        }
        int low = Math.min(first, second);
        int high = Math.max(first, second);
        boolean linear = mode.equals("linear");
        checkSampling(node, mode, coordinates, nearest, scales, sizes, shape, low, high);
        long[] factors = integerFactors(scales, sizes, shape, low, high);
        if (!linear && factors != null && rank != 4) {
            node.output(0, repeat(node, x, low, high, factors));
            return;
        }
        MLResample2dOptions options = MLResample2dOptions.defaults().withLabel(node.label())
                .withMode(linear ? MLInterpolationMode.LINEAR : MLInterpolationMode.NEAREST_NEIGHBOR)
                .withAxes(low, high);
        options = scales != null ? options.withScales(scales[low], scales[high])
                : options.withSizes(sizes[low], sizes[high]);
        node.output(0, node.builder().resample2d(x, options));
    }

    /** The upscale factors of the two axes if both are integers of at least 1, else null. */
    private static long[] integerFactors(float[] scales, long[] sizes, long[] shape, int low, int high) {
        long[] factors = new long[2];
        int[] axes = {low, high};
        for (int i = 0; i < 2; i++) {
            double factor = scales != null ? scales[axes[i]] : (double) sizes[axes[i]] / shape[axes[i]];
            if (factor < 1 || factor != Math.rint(factor)
                    || (scales == null && sizes[axes[i]] != shape[axes[i]] * (long) factor)) {
                return null;
            }
            factors[i] = (long) factor;
        }
        return factors;
    }

    /**
     * Nearest-neighbour upsampling by integer factors of an input of rank other than 4, where
     * every sampling rule the converter accepts picks source pixel floor(i / factor): a unit
     * axis is added after each resized axis, filled with copies by concat, and folded back by
     * a reshape.
     */
    private static MLOperand repeat(OnnxNode node, MLOperand x, int low, int high, long[] factors) {
        dev.webnn.MLGraphBuilder b = node.builder();
        long[] shape = x.shape();
        java.util.List<Long> split = new java.util.ArrayList<>();
        int[] unitAxes = new int[2];
        long[] result = shape.clone();
        int[] axes = {low, high};
        for (int i = 0; i < shape.length; i++) {
            split.add(shape[i]);
            for (int j = 0; j < 2; j++) {
                if (axes[j] == i) {
                    unitAxes[j] = split.size();
                    split.add(1L);
                    result[i] = shape[i] * factors[j];
                }
            }
        }
        MLOperand wide = b.reshape(x, toArray(split));
        for (int j = 0; j < 2; j++) {
            if (factors[j] > 1) {
                wide = b.concat(java.util.Collections.nCopies((int) factors[j], wide), unitAxes[j]);
            }
        }
        return b.reshape(wide, result, node.options());
    }

    private static long[] toArray(java.util.List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    private static void checkSampling(OnnxNode node, String mode, String coordinates, String nearest, float[] scales,
                                      long[] sizes, long[] shape, int low, int high) {
        boolean halfPixel = coordinates.equals("half_pixel") || coordinates.equals("pytorch_half_pixel");
        if (coordinates.equals("pytorch_half_pixel")) {
            for (int axis : new int[] {low, high}) {
                long size = sizes != null ? sizes[axis] : (long) Math.floor(shape[axis] * (double) scales[axis]);
                if (size == 1) {
                    throw node.unsupported("pytorch_half_pixel with an output size of 1 samples at 0, not the centre");
                }
            }
        }
        if (mode.equals("linear")) {
            if (!halfPixel) {
                throw node.unsupported("linear with coordinate_transformation_mode '" + coordinates
                        + "'; WebNN samples at half-pixel centres");
            }
            return;
        }
        if (!mode.equals("nearest")) {
            throw node.unsupported("mode '" + mode + "'");
        }
        if (halfPixel && nearest.equals("round_prefer_floor")) {
            return;
        }
        if (coordinates.equals("asymmetric") && (nearest.equals("floor") || nearest.equals("round_prefer_floor"))) {
            long limit = nearest.equals("floor") ? Long.MAX_VALUE : 2;
            for (int axis : new int[] {low, high}) {
                double factor = scales != null ? scales[axis] : (double) sizes[axis] / shape[axis];
                if (factor < 1 || factor != Math.rint(factor) || factor > limit) {
                    throw node.unsupported("nearest '" + nearest + "' with asymmetric coordinates at scale " + factor
                            + "; WebNN's sampling matches it only for integer upscales");
                }
            }
            return;
        }
        throw node.unsupported("nearest with coordinate_transformation_mode '" + coordinates + "' and nearest_mode '"
                + nearest + "'");
    }
}

package dev.webnn.backend.onnxruntime;

import static dev.webnn.MLOperandDataType.FLOAT16;
import static dev.webnn.MLOperandDataType.FLOAT32;

import dev.webnn.MLInputOperandLayout;
import dev.webnn.MLInterpolationMode;
import dev.webnn.MLNumber;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.graph.Node;
import dev.webnn.graph.Op;
import dev.webnn.graph.Operation.Pool2d;
import dev.webnn.graph.Operation.Resample2d;
import dev.webnn.spi.Permutations;
import dev.webnn.spi.PoolWindows;
import dev.webnn.spi.SupportLimitsBuilder;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * ONNX lowering of pooling and resampling, on NCHW data: NHWC inputs and other resampled
 * axes are moved there by Transpose nodes around the ONNX operator.
 *
 * <p>WebNN pooling excludes padding from averages, so AveragePool keeps
 * {@code count_include_pad = 0}; the rounded-up output sizes ({@code outputShapeRounding
 * ceil} or explicit {@code outputSizes}) are reached by extending the ending padding, which
 * pooling never reads, instead of ONNX's {@code ceil_mode}, whose dropping of windows that
 * start in the padding differs between runtimes. ONNX Runtime rejects pads that are not
 * smaller than the window; such pools pad explicitly with a Pad node first. maxPool2d of
 * 32-bit integers runs on doubles, which hold them exactly.
 *
 * <p>A window that lies wholly in the padding ({@link PoolWindows}) gives 0, as upstream WPT
 * and Chromium do (webmachinelearning/webnn#935). Which windows these are follows from the
 * shapes, so only such pools get the extra Where node that writes the zeros (ONNX Runtime
 * alone would give the lowest float or NaN there).
 *
 * <p>resample2d always gives ONNX Resize the output sizes, so that the coordinate scale is
 * {@code outputSize / inputSize} as WebNN defines it ({@code half_pixel}), with
 * {@code round_prefer_floor} for WebNN's {@code ceil(x - 0.5)} nearest neighbour. Linear
 * interpolation of int8 and uint8 truncates toward zero, as WebNN's cast of a float does.
 *
 * <p>Float16 nodes are emitted as they are: where ONNX Runtime's CPU kernel exists only for
 * float32, its graph transformer runs the node in float32 between Cast nodes, which is
 * exact for the conversions and rounds the float32 result once.
 */
final class OrtPoolingLowering {

    /**
     * Data types of maxPool2d: those of ONNX MaxPool, and the 32-bit integers through
     * double. ONNX has no 64-bit integer MaxPool and doubles do not hold them exactly.
     */
    private static final Set<MLOperandDataType> MAX_POOL_TYPES = EnumSet.of(FLOAT32, FLOAT16, MLOperandDataType.INT8,
            MLOperandDataType.UINT8, MLOperandDataType.INT32, MLOperandDataType.UINT32);

    private OrtPoolingLowering() {
    }

    /** Narrows the limits of this family's operators to what ONNX Runtime's CPU kernels run. */
    static SupportLimitsBuilder narrow(SupportLimitsBuilder limits) {
        return limits.retainDataTypes(Op.MAX_POOL2D.specName(), MAX_POOL_TYPES);
    }

    /** The three WebNN pooling operators. */
    private enum Pooling {
        AVERAGE("AveragePool", "GlobalAveragePool"),
        L2("LpPool", "GlobalLpPool", OrtAttribute.integer("p", 2)),
        MAX("MaxPool", "GlobalMaxPool");

        final String onnx;
        /** The ONNX operator pooling each channel's whole image, as ordinary exports write such pools. */
        final String global;
        final OrtAttribute[] attributes;

        Pooling(String onnx, String global, OrtAttribute... attributes) {
            this.onnx = onnx;
            this.global = global;
            this.attributes = attributes;
        }

        /** A value of explicit padding that never changes a window's result (beyond average's count). */
        MLNumber neutral(MLOperandDataType type) {
            if (this != MAX) {
                return MLNumber.of(0);
            }
            return switch (type) {
                case FLOAT32, FLOAT16 -> MLNumber.of(Double.NEGATIVE_INFINITY);
                case INT8 -> MLNumber.of(Byte.MIN_VALUE);
                case INT32 -> MLNumber.of(Integer.MIN_VALUE);
                default -> MLNumber.of(0);
            };
        }
    }

    /**
     * Pooling over NCHW data. The ending pads are extended so that the floor-rounded ONNX
     * output size is WebNN's output size. Pads that ONNX Runtime accepts (smaller than the
     * window) are the operator's own, and AveragePool excludes them from the count;
     * otherwise a Pad node adds a neutral value first and averages are rescaled from the
     * whole window's count to the count of input elements in each window. A window over the
     * whole unpadded image is ONNX's global pooling (GlobalAveragePool, GlobalMaxPool,
     * GlobalLpPool) for floating-point types, the operator ordinary exports use and ORT runs in its NCHWc layout, and
     * attributes at their ONNX defaults are left out.
     */
    static void pool2d(Pool2d op, Node node, OrtLowering lowering) {
        Pooling pooling = switch (op.kind()) {
            case AVERAGE_POOL2D -> Pooling.AVERAGE;
            case L2_POOL2D -> Pooling.L2;
            case MAX_POOL2D -> Pooling.MAX;
        };
        MLInputOperandLayout layout = op.layout();
        long[] shape = op.input().descriptor().shape();
        long[] spatial = layout == MLInputOperandLayout.NCHW ? new long[] {shape[2], shape[3]}
                : new long[] {shape[1], shape[2]};
        long[] window = op.windowDimensions();
        long[] strides = op.strides();
        long[] dilations = op.dilations();
        long[] padding = op.padding();
        long[] outputSizes = op.outputSizes();
        long[] pads = new long[4];
        boolean accepted = true;
        for (int i = 0; i < 2; i++) {
            long begin = padding[2 * i];
            long reach = (outputSizes[i] - 1) * strides[i] + (window[i] - 1) * dilations[i] + 1;
            pads[i] = begin;
            pads[2 + i] = Math.max(padding[2 * i + 1], reach - spatial[i] - begin);
            accepted &= pads[i] < window[i] && pads[2 + i] < window[i];
        }
        MLOperandDataType type = node.output().descriptor().dataType();
        // ONNX's global pools take floating-point types only.
        boolean global = (type == FLOAT32 || type == FLOAT16) && accepted && isZero(pads) && Arrays.equals(window, spatial) && isOne(dilations);
        List<OrtAttribute> attributes = new ArrayList<>(List.of(pooling.attributes));
        if (!global) {
            attributes.add(OrtAttribute.integers("kernel_shape", window));
            OrtAttribute.addIntegersUnlessDefault(attributes, "strides", strides, 1);
            OrtAttribute.addIntegersUnlessDefault(attributes, "dilations", dilations, 1);
            OrtAttribute.addIntegersUnlessDefault(attributes, "pads", accepted ? pads : new long[4], 0);
            if (pooling == Pooling.AVERAGE && !accepted) {
                attributes.add(OrtAttribute.integer("count_include_pad", 1));
            }
        }
        String onnxOperator = global ? pooling.global : pooling.onnx;
        OrtAttribute[] onnxAttributes = attributes.toArray(OrtAttribute[]::new);
        OrtModelBuilder model = lowering.model();
        boolean explicit = !accepted;
        boolean rescaled = explicit && pooling == Pooling.AVERAGE;
        PoolWindows windows = PoolWindows.of(op);
        boolean someEmpty = windows.anyEmpty();
        // ONNX MaxPool has no 32-bit integer types and Where no int8; doubles hold them exactly.
        boolean viaDouble = type == MLOperandDataType.INT32 || type == MLOperandDataType.UINT32
                || someEmpty && type == MLOperandDataType.INT8;
        int[][] counts = {windows.inputCounts(0), windows.inputCounts(1)};
        lowering.emit(node, lowering.name(op.input()), OrtLowering.toNchw(layout), (in, out) -> {
            String source = in;
            if (explicit) {
                source = model.temporary("padded");
                model.node("Pad", List.of(in, model.int64s(0, 0, pads[0], pads[1], 0, 0, pads[2], pads[3]),
                        model.scalar(type, pooling.neutral(type))), source);
            }
            if (viaDouble) {
                source = model.cast(source, OnnxTypes.DOUBLE);
            }
            // pool, then rescale the averages, zero the empty windows and cast back, as needed; the last step writes out
            int remaining = (rescaled ? 1 : 0) + (someEmpty ? 1 : 0) + (viaDouble ? 1 : 0);
            String value = remaining == 0 ? out : model.temporary("pooled");
            model.node(onnxOperator, List.of(source), value, onnxAttributes);
            if (rescaled) {
                String rescaledValue = --remaining == 0 ? out : model.temporary("rescaled");
                model.node("Mul", List.of(value, inputCountFactors(lowering, node, window, counts)), rescaledValue);
                value = rescaledValue;
            }
            if (someEmpty) {
                String zero = viaDouble ? model.cast(model.scalar(FLOAT32, MLNumber.of(0)), OnnxTypes.DOUBLE)
                        : model.scalar(type, MLNumber.of(0));
                String masked = --remaining == 0 ? out : model.temporary("masked");
                model.node("Where", List.of(coveredMask(model, counts), value, zero), masked);
                value = masked;
            }
            if (viaDouble) {
                model.cast(value, OnnxTypes.of(type), out);
            }
        });
    }

    /** The bool {@code [outputHeight, outputWidth]} mask of the windows that hold input elements. */
    private static String coveredMask(OrtModelBuilder model, int[][] counts) {
        int height = counts[0].length;
        int width = counts[1].length;
        byte[] mask = new byte[height * width];
        for (int h = 0; h < height; h++) {
            for (int w = 0; w < width; w++) {
                mask[h * width + w] = (byte) (counts[0][h] > 0 && counts[1][w] > 0 ? 1 : 0);
            }
        }
        String bytes = model.constant(MLOperandDescriptor.of(MLOperandDataType.UINT8, height, width), MemorySegment.ofArray(mask));
        return model.cast(bytes, OnnxTypes.BOOL);
    }

    private static boolean isZero(long[] values) {
        return Arrays.stream(values).allMatch(v -> v == 0);
    }

    private static boolean isOne(long[] values) {
        return Arrays.stream(values).allMatch(v -> v == 1);
    }

    /**
     * The constant that turns averages over whole windows into averages over the input
     * elements in each window: {@code windowSize / count} per output position.
     */
    private static String inputCountFactors(OrtLowering lowering, Node node, long[] window, int[][] counts) {
        long width = counts[1].length;
        long[] outputSizes = {counts[0].length, width};
        double size = window[0] * window[1];
        return lowering.constant(node, outputSizes, index -> size
                / ((double) counts[0][(int) (index / width)] * counts[1][(int) (index % width)]));
    }

    /** resample2d: ONNX Resize to the output sizes, over the resampled axes moved where ONNX Runtime resizes. */
    static void resample2d(Resample2d op, Node node, OrtLowering lowering) {
        boolean linear = op.mode() == MLInterpolationMode.LINEAR;
        int[] axes = op.axes();
        int low = Math.min(axes[0], axes[1]);
        int high = Math.max(axes[0], axes[1]);
        // ONNX Runtime interpolates linearly only the two last (NCHW) or middle (NHWC) axes.
        int[] perm = null;
        if (linear && !(low == 2 && high == 3) && !(low == 1 && high == 2)) {
            perm = new int[4];
            int next = 0;
            for (int axis = 0; axis < 4; axis++) {
                if (axis != low && axis != high) {
                    perm[next++] = axis;
                }
            }
            perm[2] = low;
            perm[3] = high;
        }
        long[] sizes = Permutations.apply(node.output().descriptor().shape(), perm);
        String sizesName = lowering.model().int64s(sizes);
        List<OrtAttribute> attributes = new ArrayList<>(List.of(
                OrtAttribute.string("mode", linear ? "linear" : "nearest"),
                OrtAttribute.string("coordinate_transformation_mode", "half_pixel")));
        if (!linear) {
            attributes.add(OrtAttribute.string("nearest_mode", "round_prefer_floor"));
        }
        lowering.emit(node, lowering.name(op.input()), perm, (in, out) -> lowering.model().node("Resize",
                List.of(in, "", "", sizesName), out, attributes.toArray(OrtAttribute[]::new)));
    }
}

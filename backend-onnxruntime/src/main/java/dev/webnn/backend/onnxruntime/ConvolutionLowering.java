package dev.webnn.backend.onnxruntime;

import static dev.webnn.MLOperandDataType.FLOAT16;
import static dev.webnn.MLOperandDataType.FLOAT32;

import dev.webnn.MLConv2dFilterOperandLayout;
import dev.webnn.MLConvTranspose2dFilterOperandLayout;
import dev.webnn.MLInputOperandLayout;
import dev.webnn.MLInterpolationMode;
import dev.webnn.MLNumber;
import dev.webnn.MLOpSupportLimits;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.MLTensorLimits;
import dev.webnn.graph.Attributes;
import dev.webnn.graph.Node;
import dev.webnn.graph.Op;
import dev.webnn.graph.Operand;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongToDoubleFunction;
import java.util.function.UnaryOperator;

/**
 * ONNX lowering of the convolution, pooling, resampling and normalization operators.
 *
 * <p>The ONNX operators work on NCHW data with OIHW (Conv) or IOHW (ConvTranspose) filters
 * and normalize trailing axes (LayerNormalization); other WebNN layouts and axes are
 * rearranged around them: NHWC inputs and other resampled or normalized axes by Transpose
 * nodes, constant filters permuted once at compile time (non-constant ones by a Transpose
 * node). Absent scales and biases become constants of ones and zeros where ONNX requires
 * them. Batch normalization is composed of element-wise nodes as the spec writes it.
 *
 * <p>WebNN pooling excludes padding from averages, so AveragePool keeps
 * {@code count_include_pad = 0}; the rounded-up output sizes ({@code outputShapeRounding
 * ceil} or explicit {@code outputSizes}) are reached by extending the ending padding, which
 * pooling never reads, instead of ONNX's {@code ceil_mode}, whose dropping of windows that
 * start in the padding differs between runtimes. ONNX Runtime rejects pads that are not
 * smaller than the window; such pools pad explicitly with a Pad node first. maxPool2d of
 * 32-bit integers runs on doubles, which hold them exactly.
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
final class ConvolutionLowering {

    /** Moves the channels of an NHWC tensor to axis 1. */
    private static final long[] NHWC_TO_NCHW = {0, 3, 1, 2};

    /**
     * Data types of maxPool2d: those of ONNX MaxPool, and the 32-bit integers through
     * double. ONNX has no 64-bit integer MaxPool and doubles do not hold them exactly.
     */
    private static final Set<MLOperandDataType> MAX_POOL_TYPES = EnumSet.of(FLOAT32, FLOAT16, MLOperandDataType.INT8,
            MLOperandDataType.UINT8, MLOperandDataType.INT32, MLOperandDataType.UINT32);

    private ConvolutionLowering() {
    }

    /** Adds this family's lowerings to the registry. */
    static void register(Map<Op, OpLowering> map) {
        map.put(Op.CONV2D, ConvolutionLowering::conv2d);
        map.put(Op.CONV_TRANSPOSE2D, ConvolutionLowering::convTranspose2d);
        map.put(Op.AVERAGE_POOL2D, pool(Pooling.AVERAGE));
        map.put(Op.L2_POOL2D, pool(Pooling.L2));
        map.put(Op.MAX_POOL2D, pool(Pooling.MAX));
        map.put(Op.RESAMPLE2D, ConvolutionLowering::resample2d);
        map.put(Op.BATCH_NORMALIZATION, ConvolutionLowering::batchNormalization);
        map.put(Op.INSTANCE_NORMALIZATION, ConvolutionLowering::instanceNormalization);
        map.put(Op.LAYER_NORMALIZATION, ConvolutionLowering::layerNormalization);
    }

    /** Narrows the limits of this family's operators to what ONNX Runtime's CPU kernels run. */
    static MLOpSupportLimits narrow(MLOpSupportLimits limits) {
        return retainTypes(limits, Op.MAX_POOL2D.specName(), MAX_POOL_TYPES);
    }

    /** Restricts every operand of an operator to some data types. */
    private static MLOpSupportLimits retainTypes(MLOpSupportLimits limits, String op, Set<MLOperandDataType> types) {
        Optional<Map<String, MLTensorLimits>> roles = limits.operator(op);
        if (roles.isEmpty()) {
            return limits;
        }
        MLOpSupportLimits narrowed = limits;
        for (Map.Entry<String, MLTensorLimits> role : roles.get().entrySet()) {
            Set<MLOperandDataType> kept = EnumSet.noneOf(MLOperandDataType.class);
            kept.addAll(role.getValue().dataTypes());
            kept.retainAll(types);
            narrowed = narrowed.withOperand(op, role.getKey(), new MLTensorLimits(kept, role.getValue().rankRange()));
        }
        return narrowed;
    }

    // ---- convolutions ----

    private static void conv2d(Node node, Lowering lowering) {
        Frame frame = new Frame(node, lowering);
        Attributes a = node.attributes();
        long[] perm = switch (a.enumValue("filterLayout", MLConv2dFilterOperandLayout.class)) {
            case OIHW -> null;
            case HWIO -> new long[] {3, 2, 0, 1};
            case OHWI -> new long[] {0, 3, 1, 2};
            case IHWO -> new long[] {3, 0, 1, 2};
        };
        convolution(frame, "Conv", a.enumValue("inputLayout", MLInputOperandLayout.class), perm);
    }

    private static void convTranspose2d(Node node, Lowering lowering) {
        Frame frame = new Frame(node, lowering);
        Attributes a = node.attributes();
        long[] perm = switch (a.enumValue("filterLayout", MLConvTranspose2dFilterOperandLayout.class)) {
            case IOHW -> null;
            case HWOI -> new long[] {3, 2, 0, 1};
            case OHWI -> new long[] {3, 0, 1, 2};
        };
        long[] outputPadding = a.longs("outputPadding");
        convolution(frame, "ConvTranspose", a.enumValue("inputLayout", MLInputOperandLayout.class), perm,
                OrtAttribute.integers("output_padding", outputPadding));
    }

    /**
     * Conv or ConvTranspose with the filter permuted into the ONNX layout and WebNN's
     * padding [beginH, endH, beginW, endW] as ONNX pads [beginH, beginW, endH, endW].
     */
    private static void convolution(Frame frame, String onnx, MLInputOperandLayout layout, long[] filterPerm,
                                    OrtAttribute... extra) {
        Attributes a = frame.node.attributes();
        List<String> inputs = new ArrayList<>(List.of("", frame.filter(filterPerm)));
        frame.optionalInput("bias").ifPresent(inputs::add);
        List<OrtAttribute> attributes = new ArrayList<>(List.of(
                OrtAttribute.integers("pads", onnxPads(a.longs("padding"))),
                OrtAttribute.integers("strides", a.longs("strides")),
                OrtAttribute.integers("dilations", a.longs("dilations")),
                OrtAttribute.integer("group", a.integer("groups"))));
        attributes.addAll(List.of(extra));
        frame.emit(frame.input("input"), toNchw(layout), (in, out) -> {
            inputs.set(0, in);
            frame.model.node(onnx, inputs, out, attributes.toArray(OrtAttribute[]::new));
        });
    }

    /** WebNN's [beginH, endH, beginW, endW] as ONNX's [beginH, beginW, endH, endW]. */
    private static long[] onnxPads(long[] padding) {
        return new long[] {padding[0], padding[2], padding[1], padding[3]};
    }

    // ---- pooling ----

    /** The three WebNN pooling operators. */
    private enum Pooling {
        AVERAGE("AveragePool"),
        L2("LpPool", OrtAttribute.integer("p", 2)),
        MAX("MaxPool");

        final String onnx;
        final OrtAttribute[] attributes;

        Pooling(String onnx, OrtAttribute... attributes) {
            this.onnx = onnx;
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
     * whole window's count to the count of input elements in each window.
     */
    private static OpLowering pool(Pooling pooling) {
        return (node, lowering) -> {
            Frame frame = new Frame(node, lowering);
            Attributes a = node.attributes();
            MLInputOperandLayout layout = a.enumValue("layout", MLInputOperandLayout.class);
            long[] shape = node.input("input").descriptor().shape();
            long[] spatial = layout == MLInputOperandLayout.NCHW ? new long[] {shape[2], shape[3]}
                    : new long[] {shape[1], shape[2]};
            long[] window = a.longs("windowDimensions");
            long[] strides = a.longs("strides");
            long[] dilations = a.longs("dilations");
            long[] padding = a.longs("padding");
            long[] outputSizes = a.longs("outputSizes");
            long[] pads = new long[4];
            boolean accepted = true;
            for (int i = 0; i < 2; i++) {
                long begin = padding[2 * i];
                long reach = (outputSizes[i] - 1) * strides[i] + (window[i] - 1) * dilations[i] + 1;
                pads[i] = begin;
                pads[2 + i] = Math.max(padding[2 * i + 1], reach - spatial[i] - begin);
                accepted &= pads[i] < window[i] && pads[2 + i] < window[i];
            }
            List<OrtAttribute> attributes = new ArrayList<>(List.of(
                    OrtAttribute.integers("kernel_shape", window),
                    OrtAttribute.integers("strides", strides),
                    OrtAttribute.integers("dilations", dilations),
                    OrtAttribute.integers("pads", accepted ? pads : new long[4])));
            attributes.addAll(List.of(pooling.attributes));
            if (pooling == Pooling.AVERAGE) {
                attributes.add(OrtAttribute.integer("count_include_pad", accepted ? 0 : 1));
            }
            OrtAttribute[] onnxAttributes = attributes.toArray(OrtAttribute[]::new);
            OrtModelBuilder model = frame.model;
            MLOperandDataType type = node.output().descriptor().dataType();
            boolean explicit = !accepted;
            // ONNX MaxPool has no 32-bit integer types; doubles hold them exactly.
            boolean viaDouble = type == MLOperandDataType.INT32 || type == MLOperandDataType.UINT32;
            boolean rescaled = explicit && pooling == Pooling.AVERAGE;
            frame.emit(frame.input("input"), toNchw(layout), (in, out) -> {
                String source = in;
                if (explicit) {
                    source = model.temporary("padded");
                    model.node("Pad", List.of(in, model.int64s(0, 0, pads[0], pads[1], 0, 0, pads[2], pads[3]),
                            model.scalar(type, pooling.neutral(type))), source);
                }
                if (viaDouble) {
                    source = ElementwiseLowering.cast(model, source, OnnxTypes.DOUBLE);
                }
                String pooled = rescaled || viaDouble ? model.temporary("pooled") : out;
                model.node(pooling.onnx, List.of(source), pooled, onnxAttributes);
                if (viaDouble) {
                    ElementwiseLowering.cast(model, pooled, OnnxTypes.of(type), out);
                } else if (rescaled) {
                    model.node("Mul", List.of(pooled, inputCountFactors(frame, window, strides, dilations, pads, spatial,
                            outputSizes)), out);
                }
            });
        };
    }

    /**
     * The constant that turns averages over whole windows into averages over the input
     * elements in each window: {@code windowSize / count} per output position.
     */
    private static String inputCountFactors(Frame frame, long[] window, long[] strides, long[] dilations, long[] pads,
                                            long[] spatial, long[] outputSizes) {
        double[][] counts = new double[2][];
        for (int i = 0; i < 2; i++) {
            counts[i] = new double[(int) outputSizes[i]];
            for (int o = 0; o < outputSizes[i]; o++) {
                for (int k = 0; k < window[i]; k++) {
                    long position = o * strides[i] - pads[i] + k * dilations[i];
                    counts[i][o] += position >= 0 && position < spatial[i] ? 1 : 0;
                }
            }
        }
        double size = window[0] * window[1];
        return frame.constant(outputSizes, index -> size
                / (counts[0][(int) (index / outputSizes[1])] * counts[1][(int) (index % outputSizes[1])]));
    }

    // ---- resampling ----

    private static void resample2d(Node node, Lowering lowering) {
        Frame frame = new Frame(node, lowering);
        Attributes a = node.attributes();
        boolean linear = a.enumValue("mode", MLInterpolationMode.class) == MLInterpolationMode.LINEAR;
        int[] axes = a.ints("axes");
        int low = Math.min(axes[0], axes[1]);
        int high = Math.max(axes[0], axes[1]);
        // ONNX Runtime interpolates linearly only the two last (NCHW) or middle (NHWC) axes.
        long[] perm = null;
        if (linear && !(low == 2 && high == 3) && !(low == 1 && high == 2)) {
            perm = new long[4];
            int next = 0;
            for (int axis = 0; axis < 4; axis++) {
                if (axis != low && axis != high) {
                    perm[next++] = axis;
                }
            }
            perm[2] = low;
            perm[3] = high;
        }
        long[] sizes = permute(node.output().descriptor().shape(), perm);
        String sizesName = frame.model.int64s(sizes);
        List<OrtAttribute> attributes = new ArrayList<>(List.of(
                OrtAttribute.string("mode", linear ? "linear" : "nearest"),
                OrtAttribute.string("coordinate_transformation_mode", "half_pixel")));
        if (!linear) {
            attributes.add(OrtAttribute.string("nearest_mode", "round_prefer_floor"));
        }
        frame.emit(frame.input("input"), perm, (in, out) -> frame.model.node("Resize",
                List.of(in, "", "", sizesName), out, attributes.toArray(OrtAttribute[]::new)));
    }

    // ---- normalization ----

    /**
     * The spec's {@code scale * ((input - mean) / sqrt(variance + epsilon)) + bias} with
     * the per-feature operands reshaped to broadcast along {@code axis}. ONNX
     * BatchNormalization is not used: ONNX Runtime folds it into
     * {@code input * a + b}, whose cancellation exceeds WebNN's 6 ULP tolerance.
     */
    private static void batchNormalization(Node node, Lowering lowering) {
        Frame frame = new Frame(node, lowering);
        Attributes a = node.attributes();
        OrtModelBuilder model = frame.model;
        long[] shape = node.input("input").descriptor().shape();
        int axis = (int) a.integer("axis");
        long[] featureShape = new long[shape.length - axis];
        Arrays.fill(featureShape, 1);
        featureShape[0] = shape[axis];
        UnaryOperator<String> alongAxis = name -> {
            if (featureShape.length == 1) {
                return name;
            }
            return ElementwiseLowering.intermediate(model, "Reshape", List.of(name, model.int64s(featureShape)));
        };
        MLOperandDataType type = node.output().descriptor().dataType();
        String shifted = ElementwiseLowering.intermediate(model, "Add",
                List.of(alongAxis.apply(frame.input("variance")), model.scalar(type, MLNumber.of(a.real("epsilon")))));
        String deviation = ElementwiseLowering.intermediate(model, "Sqrt", List.of(shifted));
        List<Step> steps = new ArrayList<>(List.of(new Step("Sub", alongAxis.apply(frame.input("mean"))),
                new Step("Div", deviation)));
        frame.optionalInput("scale").ifPresent(scale -> steps.add(new Step("Mul", alongAxis.apply(scale))));
        frame.optionalInput("bias").ifPresent(bias -> steps.add(new Step("Add", alongAxis.apply(bias))));
        frame.chain(frame.input("input"), steps);
    }

    private static void instanceNormalization(Node node, Lowering lowering) {
        Frame frame = new Frame(node, lowering);
        Attributes a = node.attributes();
        MLInputOperandLayout layout = a.enumValue("layout", MLInputOperandLayout.class);
        long[] shape = node.input("input").descriptor().shape();
        long channels = shape[layout == MLInputOperandLayout.NCHW ? 1 : 3];
        String scale = frame.optionalInput("scale").orElseGet(() -> frame.filled(new long[] {channels}, 1));
        String bias = frame.optionalInput("bias").orElseGet(() -> frame.filled(new long[] {channels}, 0));
        double epsilon = a.real("epsilon");
        frame.emit(frame.input("input"), toNchw(layout), (in, out) -> frame.model.node(
                "InstanceNormalization", List.of(in, scale, bias), out, OrtAttribute.real("epsilon", epsilon)));
    }

    /**
     * ONNX LayerNormalization normalizes the axes from {@code axis} to the last: the WebNN
     * axes are moved there in their given order (the order of the scale and bias
     * dimensions). Without axes nothing is reduced: each element is its own mean, so the
     * result is {@code (x - x) * scale + bias}.
     */
    private static void layerNormalization(Node node, Lowering lowering) {
        Frame frame = new Frame(node, lowering);
        Attributes a = node.attributes();
        long[] shape = node.input("input").descriptor().shape();
        int[] axes = a.ints("axes");
        String input = frame.input("input");
        Optional<String> scale = frame.optionalInput("scale");
        Optional<String> bias = frame.optionalInput("bias");
        OrtModelBuilder model = frame.model;
        // Over no element, or one (where ORT's LayerNormalization refuses to run), the
        // normalized value is x - mean = x - x: the spec's result is (x - x) * scale + bias.
        if (Arrays.stream(axes).mapToLong(axis -> shape[axis]).reduce(1, Math::multiplyExact) == 1) {
            List<Step> steps = new ArrayList<>(List.of(new Step("Sub", input)));
            scale.ifPresent(value -> steps.add(new Step("Mul", value)));
            bias.ifPresent(value -> steps.add(new Step("Add", value)));
            frame.chain(input, steps);
            return;
        }
        int rank = shape.length;
        long[] perm = new long[rank];
        int next = 0;
        for (int axis = 0; axis < rank; axis++) {
            final int candidate = axis;
            if (Arrays.stream(axes).noneMatch(x -> x == candidate)) {
                perm[next++] = axis;
            }
        }
        for (int axis : axes) {
            perm[next++] = axis;
        }
        boolean identity = true;
        for (int i = 0; i < rank; i++) {
            identity &= perm[i] == i;
        }
        long[] normalizedShape = Arrays.stream(axes).mapToLong(axis -> shape[axis]).toArray();
        String scaleName = scale.orElseGet(() -> frame.filled(normalizedShape, 1));
        List<String> inputs = new ArrayList<>(List.of("", scaleName));
        bias.ifPresent(inputs::add);
        double epsilon = a.real("epsilon");
        frame.emit(input, identity ? null : perm, (in, out) -> {
            inputs.set(0, in);
            model.node("LayerNormalization", inputs, out, OrtAttribute.integer("axis", rank - axes.length),
                    OrtAttribute.real("epsilon", epsilon));
        });
    }

    // ---- helpers ----

    /** Emits the core ONNX node(s) of one operator between the input and output transpositions. */
    @FunctionalInterface
    private interface Core {
        void emit(String input, String output);
    }

    /**
     * One binary ONNX node of a chain: the value so far, then {@code operand}.
     *
     * @param onnx the ONNX operator, e.g. {@code "Sub"}
     * @param operand the value name of its second input
     */
    private record Step(String onnx, String operand) {
    }

    /** The permutation that moves the channels of {@code layout} to axis 1; null for NCHW. */
    private static long[] toNchw(MLInputOperandLayout layout) {
        return layout == MLInputOperandLayout.NHWC ? NHWC_TO_NCHW : null;
    }

    private static String transposed(OrtModelBuilder model, String value, long[] perm, String output) {
        model.node("Transpose", List.of(value), output, OrtAttribute.integers("perm", perm));
        return output;
    }

    /** {@code values} reordered by {@code perm}; the values themselves if it is null. */
    private static long[] permute(long[] values, long[] perm) {
        if (perm == null) {
            return values;
        }
        long[] result = new long[perm.length];
        for (int i = 0; i < perm.length; i++) {
            result[i] = values[(int) perm[i]];
        }
        return result;
    }

    /** The emission of one node: its operands' value names and its rearranged output. */
    private static final class Frame {
        final Node node;
        final Lowering lowering;
        final OrtModelBuilder model;

        Frame(Node node, Lowering lowering) {
            this.node = node;
            this.lowering = lowering;
            this.model = lowering.model();
        }

        String input(String role) {
            return lowering.input(node, role);
        }

        Optional<String> optionalInput(String role) {
            return node.optionalInput(role).map(lowering::name);
        }

        /** A constant of the node's data type, every element {@code value}. */
        String filled(long[] shape, double value) {
            return constant(shape, index -> value);
        }

        /** A constant of the node's data type, the element at each row-major index computed. */
        String constant(long[] shape, LongToDoubleFunction values) {
            MLOperandDataType type = node.output().descriptor().dataType();
            long count = Arrays.stream(shape).reduce(1, Math::multiplyExact);
            MemorySegment data = MemorySegment.ofArray(new byte[Math.toIntExact(count * type.byteSize())]);
            for (long i = 0; i < count; i++) {
                double value = values.applyAsDouble(i);
                if (type == FLOAT16) {
                    data.setAtIndex(ValueLayout.JAVA_SHORT_UNALIGNED, i, MLNumber.of(value).toFloat16Bits());
                } else {
                    data.setAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, i, (float) value);
                }
            }
            return model.constant(MLOperandDescriptor.of(type, shape), data);
        }

        /**
         * The filter in the ONNX layout: a constant filter permuted once, another through a
         * Transpose node.
         *
         * @param perm the permutation into the ONNX layout, null if the layouts agree
         */
        String filter(long[] perm) {
            Operand filter = node.input("filter");
            String name = lowering.name(filter);
            if (perm == null) {
                return name;
            }
            Optional<MemorySegment> data = lowering.constantData(filter);
            if (data.isPresent()) {
                MLOperandDescriptor descriptor = filter.descriptor();
                MLOperandDescriptor permuted = MLOperandDescriptor.of(descriptor.dataType(),
                        permute(descriptor.shape(), perm));
                return model.constant(permuted, transposeData(data.get(), descriptor, perm));
            }
            return transposed(model, name, perm, model.temporary("filter"));
        }

        /** Applies the steps in order to {@code input}, the last one writing the node's output. */
        void chain(String input, List<Step> steps) {
            String value = input;
            for (int i = 0; i < steps.size(); i++) {
                String target = i == steps.size() - 1 ? lowering.output(node) : model.temporary(node.op().specName());
                model.node(steps.get(i).onnx(), List.of(value, steps.get(i).operand()), target);
                value = target;
            }
        }

        /**
         * Transposes the input, lets {@code core} compute, and writes its result transposed
         * back to the node's output.
         *
         * @param input the input value
         * @param perm the permutation for the ONNX operator, or null for none
         * @param core the ONNX node(s)
         */
        void emit(String input, long[] perm, Core core) {
            String output = lowering.output(node);
            if (perm == null) {
                core.emit(input, output);
                return;
            }
            long[] inverse = new long[perm.length];
            for (int i = 0; i < perm.length; i++) {
                inverse[(int) perm[i]] = i;
            }
            String result = model.temporary(node.op().specName());
            core.emit(transposed(model, input, perm, model.temporary("transposed")), result);
            transposed(model, result, inverse, output);
        }
    }

    /** The elements of a tensor reordered as ONNX Transpose with {@code perm} would. */
    private static MemorySegment transposeData(MemorySegment data, MLOperandDescriptor descriptor, long[] perm) {
        long[] shape = descriptor.shape();
        int rank = shape.length;
        long elementSize = descriptor.dataType().byteSize();
        long[] strides = new long[rank];
        long stride = elementSize;
        for (int axis = rank - 1; axis >= 0; axis--) {
            strides[axis] = stride;
            stride *= shape[axis];
        }
        long[] outShape = permute(shape, perm);
        long[] outStrides = permute(strides, perm);
        MemorySegment result = MemorySegment.ofArray(new byte[Math.toIntExact(descriptor.byteLength())]);
        long[] index = new long[rank];
        long count = descriptor.elementCount();
        long source = 0;
        for (long i = 0; i < count; i++) {
            MemorySegment.copy(data, source, result, i * elementSize, elementSize);
            for (int axis = rank - 1; axis >= 0; axis--) {
                source += outStrides[axis];
                if (++index[axis] < outShape[axis]) {
                    break;
                }
                source -= outStrides[axis] * outShape[axis];
                index[axis] = 0;
            }
        }
        return result;
    }
}

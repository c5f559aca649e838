package dev.webnn.backend.onnxruntime;

import static dev.webnn.MLOperandDataType.FLOAT16;
import static dev.webnn.MLOperandDataType.FLOAT32;
import static dev.webnn.MLOperandDataType.INT64;
import static dev.webnn.MLOperandDataType.INT8;
import static dev.webnn.MLOperandDataType.UINT8;

import dev.webnn.MLNumber;
import dev.webnn.MLOperandDataType;
import dev.webnn.graph.Node;
import dev.webnn.graph.Operation.Gemm;
import dev.webnn.graph.Operation.Matmul;
import dev.webnn.graph.Operation.Quantization;
import dev.webnn.graph.Operation.Triangular;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * ONNX lowering of the gemm, matmul, triangular and quantization operators.
 *
 * <p>gemm, matmul and triangular map to ONNX's Gemm, MatMul and Trilu; Trilu's CPU kernel
 * lacks the 8- and 32-bit integer types and uint64, which run on int64 values (exactly, the
 * operator only moves values and zeros).
 *
 * <p>quantizeLinear and dequantizeLinear map to ONNX's QuantizeLinear and DequantizeLinear when
 * ONNX can express the blockwise broadcast of scale and zero point (one scale for the whole
 * tensor, one per index of an axis, or blocks along one axis) and its CPU kernels take the
 * integer type (int8, uint8, int4 and uint4; its int32 dequantization rejects nonzero zero points), so that
 * ONNX Runtime can fuse them into its quantized kernels. float16 values are quantized as float32
 * (exactly widened), as ONNX Runtime's float16 QuantizeLinear truncates instead of rounding half
 * to even. Otherwise they are composed exactly in double precision, where every
 * 32-bit integer, zero point and clamping bound is exact: {@code (x - zeroPoint) * scale}, or
 * {@code clamp(roundEven(x / scale) + zeroPoint)} to the integer type's range.
 */
final class OrtMatrixLowering {

    /** The types of ONNX Runtime's CPU Trilu kernel among WebNN's. */
    private static final Set<MLOperandDataType> TRILU_TYPES = Set.of(FLOAT32, FLOAT16, INT64);
    /** {@link #blockedAxis}: scale and zero point are one value for the whole tensor. */
    private static final int NO_AXIS = -1;
    /** {@link #blockedAxis}: scale and zero point have blocks along several axes, which ONNX cannot express. */
    private static final int MULTIPLE_AXES = -2;

    private OrtMatrixLowering() {
    }

    /** gemm: ONNX Gemm. */
    static void gemm(Gemm op, Node node, OrtLowering lowering) {
        List<String> inputs = new ArrayList<>(List.of(lowering.name(op.a()), lowering.name(op.b())));
        op.c().ifPresent(c -> inputs.add(lowering.name(c)));
        lowering.model().node("Gemm", inputs, lowering.output(node),
                OrtAttribute.real("alpha", op.alpha()),
                OrtAttribute.real("beta", op.beta()),
                OrtAttribute.integer("transA", op.aTranspose() ? 1 : 0),
                OrtAttribute.integer("transB", op.bTranspose() ? 1 : 0));
    }

    /** matmul: ONNX MatMul. */
    static void matmul(Matmul op, Node node, OrtLowering lowering) {
        lowering.model().node("MatMul", List.of(lowering.name(op.a()), lowering.name(op.b())), lowering.output(node));
    }

    /** triangular: ONNX Trilu, through int64 for the types without a kernel. */
    static void triangular(Triangular op, Node node, OrtLowering lowering) {
        OrtModelBuilder model = lowering.model();
        String k = model.scalar(INT64, MLNumber.of(op.diagonal()));
        OrtAttribute upper = OrtAttribute.integer("upper", op.upper() ? 1 : 0);
        MLOperandDataType type = op.input().descriptor().dataType();
        String input = lowering.name(op.input());
        if (TRILU_TYPES.contains(type)) {
            model.node("Trilu", List.of(input, k), lowering.output(node), upper);
        } else {
            OrtReductionLowering.onInt64(model, type, false, input, lowering.output(node),
                    (x, y) -> model.node("Trilu", List.of(x, k), y, upper));
        }
    }

    /**
     * quantizeLinear or dequantizeLinear: ONNX's operator when it applies, else the exact
     * composition.
     */
    static void quantization(Quantization op, Node node, OrtLowering lowering) {
        boolean quantize = switch (op.kind()) {
            case QUANTIZE_LINEAR -> true;
            case DEQUANTIZE_LINEAR -> false;
        };
        long[] inputShape = op.input().descriptor().shape();
        long[] scaleShape = op.scale().descriptor().shape();
        MLOperandDataType integer = op.zeroPoint().descriptor().dataType();
        boolean kernel = integer == INT8 || integer == UINT8 || integer.isPacked();
        OrtModelBuilder model = lowering.model();
        String input = lowering.name(op.input());
        String scale = lowering.name(op.scale());
        String zeroPoint = lowering.name(op.zeroPoint());
        List<OrtAttribute> attributes = new ArrayList<>();
        int axis = blockedAxis(inputShape, scaleShape);
        if (!kernel || axis == MULTIPLE_AXES) {
            composeQuantization(op, node, lowering, quantize);
            return;
        }
        if (integer.isPacked()) {
            // ONNX Runtime's Reshape and Expand lack the 4-bit types: the zero point is shaped as float32
            zeroPoint = model.cast(zeroPoint, OnnxTypes.of(FLOAT32));
        }
        if (axis == NO_AXIS) {
            if (scaleShape.length > 0) {
                scale = reshape(model, scale);
                zeroPoint = reshape(model, zeroPoint);
            }
        } else if (scaleShape[axis] == inputShape[axis] && ones(scaleShape, axis)) {
            scale = reshape(model, scale, inputShape[axis]);
            zeroPoint = reshape(model, zeroPoint, inputShape[axis]);
            attributes.add(OrtAttribute.integer("axis", axis));
        } else {
            long[] blocked = inputShape.clone();
            blocked[axis] = scaleShape[axis];
            if (!Arrays.equals(blocked, scaleShape)) {
                String shape = model.int64s(blocked);
                scale = expand(model, scale, shape);
                zeroPoint = expand(model, zeroPoint, shape);
            }
            attributes.add(OrtAttribute.integer("axis", axis));
            attributes.add(OrtAttribute.integer("block_size", inputShape[axis] / scaleShape[axis]));
        }
        if (integer.isPacked()) {
            zeroPoint = model.cast(zeroPoint, OnnxTypes.of(integer));
        }
        if (quantize && op.input().descriptor().dataType() == FLOAT16) {
            // ONNX Runtime's float16 QuantizeLinear truncates instead of rounding half to even.
            input = model.cast(input, OnnxTypes.of(FLOAT32));
            scale = model.cast(scale, OnnxTypes.of(FLOAT32));
        }
        model.node(quantize ? "QuantizeLinear" : "DequantizeLinear", List.of(input, scale, zeroPoint),
                lowering.output(node), attributes.toArray(OrtAttribute[]::new));
    }

    /**
     * The one axis along which ONNX's per-axis or blocked quantization applies the scale: where
     * its dimension is neither 1 nor the input's (blocks), else one where it is not 1 (blocks of
     * one value). For blocked quantization, the other axes of scale and zero point are expanded
     * to the input's sizes.
     *
     * @return the axis, {@link #NO_AXIS} or {@link #MULTIPLE_AXES}
     */
    private static int blockedAxis(long[] inputShape, long[] scaleShape) {
        int blocked = NO_AXIS;
        int varying = NO_AXIS;
        for (int i = 0; i < inputShape.length; i++) {
            if (scaleShape[i] != 1 && scaleShape[i] != inputShape[i]) {
                if (blocked != NO_AXIS) {
                    return MULTIPLE_AXES;
                }
                blocked = i;
            }
            if (scaleShape[i] != 1) {
                varying = i;
            }
        }
        return blocked != NO_AXIS ? blocked : varying;
    }

    /** Whether every dimension but {@code axis} is 1. */
    private static boolean ones(long[] shape, int axis) {
        for (int i = 0; i < shape.length; i++) {
            if (i != axis && shape[i] != 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * The exact composition in double precision, with the blockwise broadcast done by splitting
     * each blocked axis of the input into (blocks, block size) and giving scale and zero point a
     * size-1 axis after each of theirs, so that ordinary broadcasting repeats every value over
     * its block.
     */
    private static void composeQuantization(Quantization op, Node node, OrtLowering lowering, boolean quantize) {
        OrtModelBuilder model = lowering.model();
        long[] inputShape = op.input().descriptor().shape();
        long[] scaleShape = op.scale().descriptor().shape();
        List<Long> splitInput = new ArrayList<>();
        List<Long> splitScale = new ArrayList<>();
        boolean split = false;
        for (int i = 0; i < inputShape.length; i++) {
            if (scaleShape[i] != 1 && scaleShape[i] != inputShape[i]) {
                split = true;
                splitInput.add(scaleShape[i]);
                splitInput.add(inputShape[i] / scaleShape[i]);
                splitScale.add(scaleShape[i]);
                splitScale.add(1L);
            } else {
                splitInput.add(inputShape[i]);
                splitScale.add(scaleShape[i]);
            }
        }
        String x = model.cast(lowering.name(op.input()), OnnxTypes.DOUBLE);
        String scale = model.cast(lowering.name(op.scale()), OnnxTypes.DOUBLE);
        String zeroPoint = model.cast(lowering.name(op.zeroPoint()), OnnxTypes.DOUBLE);
        if (split) {
            x = reshape(model, x, splitInput.stream().mapToLong(Long::longValue).toArray());
            long[] scaleTarget = splitScale.stream().mapToLong(Long::longValue).toArray();
            scale = reshape(model, scale, scaleTarget);
            zeroPoint = reshape(model, zeroPoint, scaleTarget);
        }
        String result;
        if (quantize) {
            MLOperandDataType integer = node.output().descriptor().dataType();
            String rounded = model.intermediate("Round", List.of(binary(model, "Div", x, scale)));
            String shifted = binary(model, "Add", rounded, zeroPoint);
            // Clip of doubles is exact; only int64 Clip misorders values (see OrtElementwiseLowering).
            result = model.intermediate("Clip",
                    List.of(shifted, bound(model, integer, false), bound(model, integer, true)));
        } else {
            result = binary(model, "Mul", binary(model, "Sub", x, zeroPoint), scale);
        }
        if (split) {
            result = reshape(model, result, inputShape);
        }
        model.cast(result, OnnxTypes.of(node.output().descriptor().dataType()), lowering.output(node));
    }

    /** The smallest or largest value of an integer type, as a double scalar. */
    private static String bound(OrtModelBuilder model, MLOperandDataType integer, boolean max) {
        long value = switch (integer) {
            case INT8 -> max ? Byte.MAX_VALUE : Byte.MIN_VALUE;
            case UINT8 -> max ? 255 : 0;
            case INT32 -> max ? Integer.MAX_VALUE : Integer.MIN_VALUE;
            case UINT32 -> max ? 0xFFFF_FFFFL : 0;
            case INT4 -> max ? 7 : -8;
            case UINT4 -> max ? 15 : 0;
            default -> throw new IllegalStateException("no quantized type " + integer);
        };
        return model.cast(model.scalar(INT64, MLNumber.of(value)), OnnxTypes.DOUBLE);
    }

    private static String binary(OrtModelBuilder model, String onnx, String a, String b) {
        return model.intermediate(onnx, List.of(a, b));
    }

    private static String reshape(OrtModelBuilder model, String input, long... shape) {
        return binary(model, "Reshape", input, model.int64s(shape));
    }

    private static String expand(OrtModelBuilder model, String input, String shape) {
        return binary(model, "Expand", input, shape);
    }
}

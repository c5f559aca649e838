package dev.webnn.onnx.convert;

import dev.webnn.MLClampOptions;
import dev.webnn.MLConv2dOptions;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.MLReduceOptions;

import dev.webnn.onnx.internal.Tensor;

import java.util.Arrays;
import java.util.List;

/**
 * QuantizeLinear and DequantizeLinear (per tensor, per axis), DynamicQuantizeLinear, and the
 * integer MatMulInteger/ConvInteger computed on dequantized values.
 */
final class QuantizationConverters {

    private QuantizationConverters() {
    }

    static void register(Registry registry) {
        registry.add("QuantizeLinear", List.of("quantizeLinear"), node -> linear(node, true));
        registry.add("DequantizeLinear", List.of("dequantizeLinear"), node -> linear(node, false));
        registry.add("DynamicQuantizeLinear", List.of("quantizeLinear"), QuantizationConverters::dynamicQuantize);
        registry.add("MatMulInteger", List.of("dequantizeLinear", "matmul"), node -> {
            MLOperand product = MatrixConverters.matmul(node, dequantized(node, 0, 2, -2), dequantized(node, 1, 3, -1));
            node.output(0, node.builder().cast(product, MLOperandDataType.INT32, node.options()));
        });
        registry.add("ConvInteger", List.of("dequantizeLinear", "conv2d"), QuantizationConverters::convInteger);
        registry.add("QLinearMatMul", List.of("dequantizeLinear", "matmul", "quantizeLinear"), node -> {
            MLOperand a = dequantize(node, 0, -2);
            MLOperand b = dequantize(node, 3, -1);
            node.output(0, quantize(node, MatrixConverters.matmul(node, a, b), 6));
        });
        registry.add("QLinearConv", List.of("dequantizeLinear", "conv2d", "quantizeLinear"), node -> {
            MLGraphBuilder b = node.builder();
            MLOperand x = dequantize(node, 0, 1);
            MLOperand w = dequantize(node, 3, 0);
            MLOperand bias = null;
            if (node.has(8)) {
                // int32 bias in units of x_scale · w_scale
                MLOperand scale = b.mul(b.reshape(node.operand(1), 1), node.operand(4).rank() == 0
                        ? b.reshape(node.operand(4), 1) : node.operand(4));
                bias = b.mul(b.cast(node.operand(8), MLOperandDataType.FLOAT32), scale);
            }
            node.output(0, quantize(node, ConvPoolConverters.conv(node, x, w, bias), 6));
        });
    }

    /** Inputs i, i+1, i+2 (value, scale, zero point) dequantized; a per-channel scale runs along {@code axis}. */
    private static MLOperand dequantize(OnnxNode node, int i, int axis) {
        MLOperand x = node.operand(i);
        MLOperand scale = node.operand(i + 1);
        boolean perAxis = scale.rank() == 1 && scale.shape()[0] > 1;
        int along = perAxis ? Axes.normalize(node, axis, x.rank()) : 0;
        MLOperand zeroPoint = node.has(i + 2) ? node.operand(i + 2)
                : node.builder().expand(node.builder().constant(x.dataType(), 0), scale.shape());
        return node.builder().dequantizeLinear(x, shaped(node, scale, x.rank(), along),
                shaped(node, zeroPoint, x.rank(), along));
    }

    /** A float result quantized with the scale and zero point at inputs i and i+1. */
    private static MLOperand quantize(OnnxNode node, MLOperand y, int i) {
        MLOperand scale = shaped(node, node.operand(i), y.rank(), 0);
        MLOperand zeroPoint = shaped(node, node.operand(i + 1), y.rank(), 0);
        return node.builder().quantizeLinear(y, scale, zeroPoint, node.options());
    }

    /** Scale or zero point shaped for WebNN: rank of the input, the values along {@code axis}. */
    private static MLOperand shaped(OnnxNode node, MLOperand value, int inputRank, int axis) {
        long[] target = shapeFor(value.shape(), inputRank, axis);
        return target == null ? value : node.builder().reshape(value, target);
    }

    /**
     * Input {@code i}, a scale or zero point, shaped as {@link #shaped} does; a constant stays a
     * constant (so a backend sees constant quantization parameters).
     */
    private static MLOperand shapedInput(OnnxNode node, int i, int inputRank, int axis) {
        if (!node.isConstant(i)) {
            return shaped(node, node.operand(i), inputRank, axis);
        }
        Tensor value = node.constant(i);
        long[] target = shapeFor(value.shape(), inputRank, axis);
        return target == null ? node.operand(i)
                : node.builder().constant(MLOperandDescriptor.of(value.webnnType(), target), value.data());
    }

    /** The WebNN shape of a scale or zero point of {@code shape}, or null if it already is one. */
    private static long[] shapeFor(long[] shape, int inputRank, int axis) {
        if (shape.length > 1) {
            return null;
        }
        long[] target = new long[inputRank];
        Arrays.fill(target, 1);
        if (shape.length == 1 && shape[0] != 1) {
            target[axis] = shape[0];
        }
        return target;
    }

    private static void linear(OnnxNode node, boolean quantize) {
        MLGraphBuilder b = node.builder();
        MLOperand x = node.operand(0);
        long[] rawScale = node.shape(1);
        boolean perAxis = rawScale.length == 1 && rawScale[0] > 1;
        int axis = perAxis ? Axes.normalize(node, node.intAttribute("axis", 1), x.rank()) : 0;
        MLOperand scale = shapedInput(node, 1, x.rank(), axis);
        MLOperand zeroPoint;
        if (node.has(2)) {
            zeroPoint = shapedInput(node, 2, x.rank(), axis);
        } else {
            // zeros as a constant, as a given zero point would be
            MLOperandDescriptor zeros = MLOperandDescriptor.of(quantize ? MLOperandDataType.UINT8 : x.dataType(), scale.shape());
            zeroPoint = b.constant(zeros, new byte[Math.toIntExact(zeros.byteLength())]);
        }
        node.output(0, quantize ? b.quantizeLinear(x, scale, zeroPoint, node.options())
                : b.dequantizeLinear(x, scale, zeroPoint, node.options()));
    }

    private static void dynamicQuantize(OnnxNode node) {
        MLGraphBuilder b = node.builder();
        MLOperand x = node.operand(0);
        MLOperand zero = b.constant(x.dataType(), 0);
        MLReduceOptions all = MLReduceOptions.defaults();
        MLOperand min = b.min(b.reduceMin(x, all), zero);
        MLOperand max = b.max(b.reduceMax(x, all), zero);
        MLOperand scale = b.div(b.sub(max, min), b.constant(x.dataType(), 255));
        MLOperand zeroPoint = b.cast(b.clamp(b.roundEven(b.div(b.neg(min), scale)),
                MLClampOptions.defaults().withMinValue(0).withMaxValue(255)), MLOperandDataType.UINT8);
        long[] ones = new long[x.rank()];
        Arrays.fill(ones, 1);
        node.output(0, b.quantizeLinear(x, b.reshape(scale, ones), b.reshape(zeroPoint, ones), node.options()));
        node.output(1, b.identity(scale));
        node.output(2, b.identity(zeroPoint));
    }

    /**
     * Input {@code i} as float32 with its zero point (input {@code zeroPointInput}, if given)
     * subtracted; a per-channel zero point runs along {@code axis} (negative: from the end).
     */
    private static MLOperand dequantized(OnnxNode node, int i, int zeroPointInput, int axis) {
        MLGraphBuilder b = node.builder();
        MLOperand x = node.operand(i);
        long[] target = new long[x.rank()];
        Arrays.fill(target, 1);
        MLOperand zeroPoint = node.has(zeroPointInput) ? node.operand(zeroPointInput) : b.constant(x.dataType(), 0);
        long count = Tensor.elementCount(zeroPoint.shape());
        if (count > 1) {
            target[Axes.normalize(node, axis, x.rank())] = count;
        }
        MLOperand scale = b.expand(b.reshape(b.constant(MLOperandDataType.FLOAT32, 1), ones(target.length)), target);
        return b.dequantizeLinear(x, scale, b.reshape(zeroPoint, target));
    }

    private static long[] ones(int rank) {
        long[] ones = new long[rank];
        Arrays.fill(ones, 1);
        return ones;
    }

    private static void convInteger(OnnxNode node) {
        MLGraphBuilder b = node.builder();
        MLOperand x = dequantized(node, 0, 2, -1);
        MLOperand w = dequantized(node, 1, 3, 0);
        if (x.rank() != 4) {
            throw node.unsupported("input of rank " + x.rank() + "; only 2-D ConvInteger is converted");
        }
        long[] kernel = Arrays.copyOfRange(w.shape(), 2, 4);
        Windows windows = Windows.of(node, kernel, Arrays.copyOfRange(x.shape(), 2, 4), false);
        MLOperand result = b.conv2d(x, w, MLConv2dOptions.defaults().withPadding(windows.padding)
                .withStrides(windows.strides).withDilations(windows.dilations).withGroups(node.intAttribute("group", 1)));
        node.output(0, b.cast(result, MLOperandDataType.INT32, node.options()));
    }
}

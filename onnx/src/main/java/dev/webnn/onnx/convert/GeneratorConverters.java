package dev.webnn.onnx.convert;

import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.onnx.OnnxDataType;
import dev.webnn.onnx.internal.Tensor;

import java.util.List;

/**
 * Operators that create values: Constant, ConstantOfShape, Range and EyeLike (all evaluated at
 * import) and OneHot (folded for constant indices, else compared against an index ramp).
 */
final class GeneratorConverters {

    /** ConstantOfShape results above this many elements are broadcast in the graph instead. */
    private static final long FILL_LIMIT = 1 << 16;

    private GeneratorConverters() {
    }

    static void register(Registry registry) {
        registry.add("Constant", List.of(), GeneratorConverters::constant);
        registry.add("ConstantOfShape", List.of("expand"), GeneratorConverters::constantOfShape);
        registry.add("Range", List.of(), GeneratorConverters::range);
        registry.add("EyeLike", List.of(), GeneratorConverters::eyeLike);
        registry.add("OneHot", List.of("equal", "where"), GeneratorConverters::oneHot);
    }

    private static void constant(OnnxNode node) {
        Tensor value = node.tensorAttribute("value");
        if (value == null && node.hasAttribute("value_float")) {
            value = Tensor.ofDoubles(OnnxDataType.FLOAT, new long[0], node.floatAttribute("value_float", 0));
        } else if (value == null && node.hasAttribute("value_floats")) {
            float[] floats = node.floatsAttribute("value_floats");
            double[] values = new double[floats.length];
            for (int i = 0; i < floats.length; i++) {
                values[i] = floats[i];
            }
            value = Tensor.ofDoubles(OnnxDataType.FLOAT, new long[] {floats.length}, values);
        } else if (value == null && node.hasAttribute("value_int")) {
            value = Tensor.ofLongs(OnnxDataType.INT64, new long[0], node.intAttribute("value_int", 0));
        } else if (value == null && node.hasAttribute("value_ints")) {
            long[] ints = node.intsAttribute("value_ints");
            value = Tensor.ofLongs(OnnxDataType.INT64, new long[] {ints.length}, ints);
        }
        if (value == null) {
            throw node.unsupported("only value, value_float(s) and value_int(s) are read (not sparse or string values)");
        }
        node.output(0, value);
    }

    private static void constantOfShape(OnnxNode node) {
        long[] shape = node.constant(0).longs();
        Tensor value = node.tensorAttribute("value");
        OnnxDataType type = value == null ? OnnxDataType.FLOAT : value.type();
        double fill = value == null ? 0 : value.getDouble(0);
        long count = Tensor.elementCount(shape);
        if (count == 0) {
            throw node.unsupported("the result " + java.util.Arrays.toString(shape) + " is empty; WebNN has no empty tensors");
        }
        if (count <= FILL_LIMIT || type.webnnType().isEmpty()) {
            Tensor result = Tensor.allocate(type, shape);
            for (long i = 0; i < count; i++) {
                result.setDouble(i, fill);
            }
            node.output(0, result);
            return;
        }
        MLGraphBuilder b = node.builder();
        MLOperand scalar = b.constant(type.webnnType().orElseThrow(), fill);
        node.output(0, b.expand(scalar, shape, node.options()));
    }

    private static void range(OnnxNode node) {
        Tensor start = node.constant(0);
        double first = start.getDouble(0);
        double limit = node.constant(1).getDouble(0);
        double delta = node.constant(2).getDouble(0);
        if (delta == 0) {
            throw node.unsupported("delta 0");
        }
        long count = Math.max(0, (long) Math.ceil((limit - first) / delta));
        Tensor result = Tensor.allocate(start.type(), new long[] {count});
        for (long i = 0; i < count; i++) {
            if (start.isReal()) {
                result.setDouble(i, first + i * delta);
            } else {
                result.setLong(i, start.getLong(0) + i * node.constant(2).getLong(0));
            }
        }
        node.output(0, result);
    }

    private static void eyeLike(OnnxNode node) {
        long[] shape = node.shape(0);
        if (shape.length != 2) {
            throw node.unsupported("input of rank " + shape.length);
        }
        OnnxDataType type = node.hasAttribute("dtype")
                ? OnnxDataType.fromCode((int) node.intAttribute("dtype", 1)).orElseThrow(() -> node.unsupported("dtype"))
                : node.isConstant(0) ? node.constant(0).type() : onnxType(node.operand(0).dataType());
        long k = node.intAttribute("k", 0);
        Tensor result = Tensor.allocate(type, shape);
        for (long row = 0; row < shape[0]; row++) {
            long column = row + k;
            if (column >= 0 && column < shape[1]) {
                result.setLong(row * shape[1] + column, 1);
            }
        }
        node.output(0, result);
    }

    static OnnxDataType onnxType(MLOperandDataType type) {
        for (OnnxDataType onnx : OnnxDataType.values()) {
            if (onnx != OnnxDataType.BOOL && onnx.webnnType().orElse(null) == type) {
                return onnx;
            }
        }
        throw new IllegalArgumentException(type.toString());
    }

    private static void oneHot(OnnxNode node) {
        MLGraphBuilder b = node.builder();
        long depth = node.constant(1).getLong(0);
        Tensor values = node.constant(2);
        MLOperand indices = node.operand(0);
        int rank = indices.rank() + 1;
        int axis = Axes.normalize(node, node.intAttribute("axis", -1), rank);
        long[] rampShape = new long[rank];
        java.util.Arrays.fill(rampShape, 1);
        rampShape[axis] = depth;
        long[] ramp = new long[(int) depth];
        for (int i = 0; i < depth; i++) {
            ramp[i] = i;
        }
        MLOperandDataType indexType = indices.dataType().isFloatingPoint() ? MLOperandDataType.INT64 : indices.dataType();
        MLOperand index = indices.dataType() == indexType ? indices : b.cast(indices, indexType);
        Tensor rampTensor = Tensor.ofLongs(onnxType(indexType), rampShape, ramp);
        MLOperand rampOperand = b.constant(MLOperandDescriptor.of(indexType, rampShape), rampTensor.data());
        MLOperand wrapped = b.where(b.lesser(index, b.constant(indexType, 0)), b.add(index, b.constant(indexType, depth)),
                index);
        long[] expanded = new long[rank];
        long[] indexShape = indices.shape();
        for (int i = 0, j = 0; i < rank; i++) {
            expanded[i] = i == axis ? 1 : indexShape[j++];
        }
        MLOperand hot = b.equal(b.reshape(wrapped, expanded), rampOperand);
        MLOperandDataType valueType = values.webnnType();
        MLOperand off = b.constant(valueType, values.getDouble(0));
        MLOperand on = b.constant(valueType, values.getDouble(1));
        node.output(0, b.where(hot, on, off, node.options()));
    }
}

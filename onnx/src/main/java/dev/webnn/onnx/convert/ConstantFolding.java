package dev.webnn.onnx.convert;

import dev.webnn.onnx.OnnxDataType;
import dev.webnn.onnx.internal.Tensor;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * Evaluates small constant sub-computations in Java at import, so that shape arithmetic
 * (Shape → Gather → Concat → Reshape and the like) ends as constants and the WebNN graph is
 * static: element-wise arithmetic, comparison and logic with broadcasting, Cast, Concat,
 * Gather, Slice, Where, Expand and Transpose.
 */
final class ConstantFolding {

    /** Constants above this many elements are left to the graph. */
    private static final long LIMIT = 1 << 16;

    private ConstantFolding() {
    }

    static void register(Registry registry) {
        arithmetic(registry, "Add", Double::sum, Long::sum);
        arithmetic(registry, "Sub", (a, b) -> a - b, (a, b) -> a - b);
        arithmetic(registry, "Mul", (a, b) -> a * b, (a, b) -> a * b);
        arithmetic(registry, "Div", (a, b) -> a / b, (a, b) -> a / b);
        arithmetic(registry, "Max", Math::max, Math::max);
        arithmetic(registry, "Min", Math::min, Math::min);
        compare(registry, "Equal", (a, b) -> a == b);
        compare(registry, "Less", (a, b) -> a < b);
        compare(registry, "Greater", (a, b) -> a > b);
        compare(registry, "LessOrEqual", (a, b) -> a <= b);
        compare(registry, "GreaterOrEqual", (a, b) -> a >= b);
        compare(registry, "And", (a, b) -> a != 0 && b != 0);
        compare(registry, "Or", (a, b) -> a != 0 || b != 0);
        unary(registry, "Neg", a -> -a, a -> -a);
        unary(registry, "Abs", Math::abs, Math::abs);
        unary(registry, "Sqrt", Math::sqrt, null);
        unary(registry, "Floor", Math::floor, a -> a);
        unary(registry, "Ceil", Math::ceil, a -> a);
        registry.fold("Not", node -> small(node) && set(node, map(node.constant(0), OnnxDataType.BOOL, a -> a == 0 ? 1 : 0)));
        registry.fold("Cast", node -> {
            if (!small(node)) {
                return false;
            }
            OnnxDataType target = OnnxDataType.fromCode((int) node.intAttribute("to", 0))
                    .orElseThrow(() -> node.unsupported("unknown target type"));
            Tensor input = node.constant(0);
            Tensor result = Tensor.allocate(target, input.shape());
            for (long i = 0; i < input.elementCount(); i++) {
                if (input.isReal()) {
                    result.setDouble(i, input.getDouble(i));
                } else {
                    result.setLong(i, input.getLong(i));
                }
            }
            return set(node, result);
        });
        registry.fold("Concat", ConstantFolding::concat);
        registry.fold("Gather", ConstantFolding::gather);
        registry.fold("Slice", ConstantFolding::slice);
        registry.fold("Where", ConstantFolding::where);
        registry.fold("Expand", node -> {
            if (!small(node)) {
                return false;
            }
            Tensor input = node.constant(0);
            long[] shape = ShapeConverters.broadcast(node, input.shape(), node.constant(1).longs());
            return Tensor.elementCount(shape) <= LIMIT && set(node, broadcastTo(input, shape));
        });
        registry.fold("Transpose", ConstantFolding::transpose);
    }

    private static boolean small(OnnxNode node) {
        long total = 0;
        for (int i = 0; i < node.inputCount(); i++) {
            if (node.has(i)) {
                total += node.constant(i).elementCount();
            }
        }
        return total <= LIMIT;
    }

    private static boolean set(OnnxNode node, Tensor result) {
        node.output(0, result);
        return true;
    }

    private static void arithmetic(Registry registry, String opType, DoubleBinaryOperator real, LongBinaryOperator integer) {
        registry.fold(opType, node -> {
            if (!small(node) || node.inputCount() != 2) {
                return false;
            }
            Tensor a = node.constant(0);
            Tensor b = node.constant(1);
            if (!a.isReal() && opType.equals("Div") && containsZero(b)) {
                return false; // integer division by zero: leave it to the graph
            }
            return set(node, binary(node, a, b, a.type(), (x, y, i, j) -> {
                if (a.isReal()) {
                    return real.applyAsDouble(a.getDouble(i), b.getDouble(j));
                }
                return integer.applyAsLong(a.getLong(i), b.getLong(j));
            }));
        });
    }

    private static boolean containsZero(Tensor tensor) {
        for (long i = 0; i < tensor.elementCount(); i++) {
            if (tensor.getLong(i) == 0) {
                return true;
            }
        }
        return false;
    }

    /** The comparison of two elements. */
    @FunctionalInterface
    private interface Predicate2 {
        boolean test(double a, double b);
    }

    private static void compare(Registry registry, String opType, Predicate2 predicate) {
        registry.fold(opType, node -> {
            if (!small(node)) {
                return false;
            }
            Tensor a = node.constant(0);
            Tensor b = node.constant(1);
            return set(node, binary(node, a, b, OnnxDataType.BOOL,
                    (x, y, i, j) -> predicate.test(a.getDouble(i), b.getDouble(j)) ? 1 : 0));
        });
    }

    /** A unary folder: {@code real} for real tensors, {@code integer} (if any) for integer ones, exactly. */
    private static void unary(Registry registry, String opType, DoubleUnaryOperator real, LongUnaryOperator integer) {
        registry.fold(opType, node -> {
            if (!small(node)) {
                return false;
            }
            Tensor input = node.constant(0);
            if (input.isReal()) {
                return set(node, map(input, input.type(), real));
            }
            if (integer == null) {
                return false;
            }
            Tensor result = Tensor.allocate(input.type(), input.shape());
            for (long i = 0; i < input.elementCount(); i++) {
                result.setLong(i, integer.applyAsLong(input.getLong(i)));
            }
            return set(node, result);
        });
    }

    private static Tensor map(Tensor input, OnnxDataType type, DoubleUnaryOperator op) {
        Tensor result = Tensor.allocate(type, input.shape());
        for (long i = 0; i < input.elementCount(); i++) {
            result.setDouble(i, op.applyAsDouble(input.getDouble(i)));
        }
        return result;
    }

    /** An element-wise function of two broadcast operands, given flat indices into each. */
    @FunctionalInterface
    private interface Element {
        double apply(Tensor a, Tensor b, long i, long j);
    }

    private static Tensor binary(OnnxNode node, Tensor a, Tensor b, OnnxDataType type, Element element) {
        long[] shape = ShapeConverters.broadcast(node, a.shape(), b.shape());
        Tensor result = Tensor.allocate(type, shape);
        long count = Tensor.elementCount(shape);
        boolean exact = !a.isReal() && type != OnnxDataType.BOOL;
        for (long k = 0; k < count; k++) {
            long i = sourceIndex(k, shape, a.shape());
            long j = sourceIndex(k, shape, b.shape());
            double value = element.apply(a, b, i, j);
            if (exact) {
                result.setLong(k, (long) value);
            } else {
                result.setDouble(k, value);
            }
        }
        return result;
    }

    /** The flat index into a broadcast source of flat output index {@code k}. */
    static long sourceIndex(long k, long[] outShape, long[] sourceShape) {
        long index = 0;
        long stride = 1;
        long rest = k;
        int offset = outShape.length - sourceShape.length;
        for (int d = outShape.length - 1; d >= 0; d--) {
            long coordinate = rest % outShape[d];
            rest /= outShape[d];
            if (d >= offset) {
                long dim = sourceShape[d - offset];
                if (dim != 1) {
                    index += coordinate * stride;
                }
                stride *= dim;
            }
        }
        return index;
    }

    private static Tensor broadcastTo(Tensor input, long[] shape) {
        Tensor result = Tensor.allocate(input.type(), shape);
        long size = input.type().byteSize();
        for (long k = 0; k < result.elementCount(); k++) {
            long i = sourceIndex(k, shape, input.shape());
            java.lang.foreign.MemorySegment.copy(input.data(), i * size, result.data(), k * size, size);
        }
        return result;
    }

    private static boolean concat(OnnxNode node) {
        if (!small(node)) {
            return false;
        }
        Tensor first = node.constant(0);
        int rank = first.rank();
        int axis = Axes.normalize(node, node.intAttribute("axis", 0), rank);
        long[] shape = first.shape();
        shape[axis] = 0;
        for (int i = 0; i < node.inputCount(); i++) {
            shape[axis] += node.constant(i).shape()[axis];
        }
        Tensor result = Tensor.allocate(first.type(), shape);
        long outer = Axes.product(shape, 0, axis);
        long inner = Axes.product(shape, axis + 1, rank) * first.type().byteSize();
        long offset = 0;
        for (long o = 0; o < outer; o++) {
            for (int i = 0; i < node.inputCount(); i++) {
                Tensor part = node.constant(i);
                long bytes = part.shape()[axis] * inner;
                java.lang.foreign.MemorySegment.copy(part.data(), o * bytes, result.data(), offset, bytes);
                offset += bytes;
            }
        }
        return set(node, result);
    }

    private static boolean gather(OnnxNode node) {
        if (!small(node)) {
            return false;
        }
        Tensor data = node.constant(0);
        Tensor indices = node.constant(1);
        long[] dataShape = data.shape();
        int axis = Axes.normalize(node, node.intAttribute("axis", 0), dataShape.length);
        long[] indexShape = indices.shape();
        long[] shape = new long[dataShape.length - 1 + indexShape.length];
        System.arraycopy(dataShape, 0, shape, 0, axis);
        System.arraycopy(indexShape, 0, shape, axis, indexShape.length);
        System.arraycopy(dataShape, axis + 1, shape, axis + indexShape.length, dataShape.length - axis - 1);
        Tensor result = Tensor.allocate(data.type(), shape);
        long outer = Axes.product(dataShape, 0, axis);
        long inner = Axes.product(dataShape, axis + 1, dataShape.length) * data.type().byteSize();
        long count = indices.elementCount();
        long offset = 0;
        for (long o = 0; o < outer; o++) {
            for (long n = 0; n < count; n++) {
                long index = indices.getLong(n);
                if (index < 0) {
                    index += dataShape[axis];
                }
                if (index < 0 || index >= dataShape[axis]) {
                    throw node.unsupported("index " + indices.getLong(n) + " is outside dimension " + dataShape[axis]);
                }
                java.lang.foreign.MemorySegment.copy(data.data(), (o * dataShape[axis] + index) * inner, result.data(),
                        offset, inner);
                offset += inner;
            }
        }
        return set(node, result);
    }

    private static boolean slice(OnnxNode node) {
        if (!small(node)) {
            return false;
        }
        Tensor data = node.constant(0);
        long[] shape = data.shape();
        GatherSliceConverters.Window window = GatherSliceConverters.window(node, shape);
        Tensor result = Tensor.allocate(data.type(), window.sizes());
        long size = data.type().byteSize();
        long[] strides = strides(shape);
        long[] outShape = window.sizes();
        for (long k = 0; k < result.elementCount(); k++) {
            long rest = k;
            long source = 0;
            for (int d = shape.length - 1; d >= 0; d--) {
                long coordinate = rest % outShape[d];
                rest /= outShape[d];
                source += (window.starts()[d] + coordinate * window.steps()[d]) * strides[d];
            }
            java.lang.foreign.MemorySegment.copy(data.data(), source * size, result.data(), k * size, size);
        }
        return set(node, result);
    }

    private static long[] strides(long[] shape) {
        long[] strides = new long[shape.length];
        long stride = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            strides[d] = stride;
            stride *= shape[d];
        }
        return strides;
    }

    private static boolean where(OnnxNode node) {
        if (!small(node)) {
            return false;
        }
        Tensor condition = node.constant(0);
        Tensor a = node.constant(1);
        Tensor b = node.constant(2);
        long[] shape = ShapeConverters.broadcast(node, ShapeConverters.broadcast(node, condition.shape(), a.shape()),
                b.shape());
        Tensor result = Tensor.allocate(a.type(), shape);
        long size = a.type().byteSize();
        for (long k = 0; k < result.elementCount(); k++) {
            boolean pick = condition.getLong(sourceIndex(k, shape, condition.shape())) != 0;
            Tensor source = pick ? a : b;
            java.lang.foreign.MemorySegment.copy(source.data(), sourceIndex(k, shape, source.shape()) * size,
                    result.data(), k * size, size);
        }
        return set(node, result);
    }

    private static boolean transpose(OnnxNode node) {
        if (!small(node)) {
            return false;
        }
        Tensor data = node.constant(0);
        long[] shape = data.shape();
        int rank = shape.length;
        long[] perm = node.intsAttribute("perm");
        if (perm == null) {
            perm = new long[rank];
            for (int i = 0; i < rank; i++) {
                perm[i] = rank - 1 - i;
            }
        }
        long[] outShape = new long[rank];
        for (int i = 0; i < rank; i++) {
            outShape[i] = shape[(int) perm[i]];
        }
        long[] strides = strides(shape);
        Tensor result = Tensor.allocate(data.type(), outShape);
        long size = data.type().byteSize();
        for (long k = 0; k < result.elementCount(); k++) {
            long rest = k;
            long source = 0;
            for (int d = rank - 1; d >= 0; d--) {
                long coordinate = rest % outShape[d];
                rest /= outShape[d];
                source += coordinate * strides[(int) perm[d]];
            }
            java.lang.foreign.MemorySegment.copy(data.data(), source * size, result.data(), k * size, size);
        }
        return set(node, result);
    }
}

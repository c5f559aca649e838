package dev.webnn.onnx.convert;

import dev.webnn.MLCumulativeSumOptions;
import dev.webnn.MLGemmOptions;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOperand;
import dev.webnn.MLTriangularOptions;

import java.util.List;

/**
 * MatMul (including 1-D operands), Gemm with its transposes, CumSum and Trilu.
 */
final class MatrixConverters {

    private MatrixConverters() {
    }

    static void register(Registry registry) {
        registry.add("MatMul", List.of("matmul"), node -> node.output(0, matmul(node, node.operand(0),
                node.operand(1, node.operand(0).dataType()))));
        registry.add("Gemm", List.of("gemm"), MatrixConverters::gemm);
        registry.add("CumSum", List.of("cumulativeSum"), node -> {
            MLOperand x = node.operand(0);
            int axis = Axes.normalize(node, node.constant(1).getLong(0), x.rank());
            node.output(0, node.builder().cumulativeSum(x, axis, MLCumulativeSumOptions.defaults().withLabel(node.label())
                    .withExclusive(node.intAttribute("exclusive", 0) == 1)
                    .withReversed(node.intAttribute("reverse", 0) == 1)));
        });
        registry.add("Trilu", List.of("triangular"), node -> {
            long k = node.has(1) ? node.constant(1).getLong(0) : 0;
            node.output(0, node.builder().triangular(node.operand(0), MLTriangularOptions.defaults()
                    .withLabel(node.label()).withUpper(node.intAttribute("upper", 1) == 1).withDiagonal(Math.toIntExact(k))));
        });
    }

    /** ONNX MatMul: numpy semantics, 1-D operands are promoted and the added axis removed. */
    static MLOperand matmul(OnnxNode node, MLOperand a, MLOperand b) {
        MLGraphBuilder builder = node.builder();
        long[] aShape = a.shape();
        long[] bShape = b.shape();
        if (aShape.length > 2 && bShape.length == 2) {
            // a stack of rows times one matrix: one 2-D product (no broadcast batch dimensions)
            long rows = Axes.product(aShape, 0, aShape.length - 1);
            MLOperand flat = builder.matmul(builder.reshape(a, rows, aShape[aShape.length - 1]), b);
            long[] shape = aShape.clone();
            shape[shape.length - 1] = bShape[1];
            return builder.reshape(flat, shape, node.options());
        }
        MLOperand left = aShape.length == 1 ? builder.reshape(a, 1, aShape[0]) : a;
        MLOperand right = bShape.length == 1 ? builder.reshape(b, bShape[0], 1) : b;
        MLOperand product = builder.matmul(left, right, node.options());
        if (aShape.length > 1 && bShape.length > 1) {
            return product;
        }
        long[] shape = product.shape();
        int drop = (aShape.length == 1 ? 1 : 0) + (bShape.length == 1 ? 1 : 0);
        long[] result = new long[shape.length - drop];
        int rank = shape.length;
        int j = 0;
        for (int i = 0; i < rank; i++) {
            boolean dropped = (aShape.length == 1 && i == rank - 2) || (bShape.length == 1 && i == rank - 1);
            if (!dropped) {
                result[j++] = shape[i];
            }
        }
        return builder.reshape(product, result);
    }

    private static void gemm(OnnxNode node) {
        MLOperand a = node.operand(0);
        MLGemmOptions options = MLGemmOptions.defaults().withLabel(node.label())
                .withAlpha(node.floatAttribute("alpha", 1f)).withBeta(node.floatAttribute("beta", 1f))
                .withATranspose(node.intAttribute("transA", 0) == 1).withBTranspose(node.intAttribute("transB", 0) == 1);
        if (node.has(2)) {
            options = options.withC(node.operand(2, a.dataType()));
        }
        node.output(0, node.builder().gemm(a, node.operand(1, a.dataType()), options));
    }
}

package dev.webnn;

import dev.webnn.graph.Op;
import dev.webnn.graph.Operation;
import java.util.Arrays;
import java.util.Map;

/**
 * Validation and shape inference of the matrix operations (spec: "gemm", "matmul",
 * "triangular").
 */
final class MatrixOps {

    private MatrixOps() {
    }

    /** The spec's gemm method steps: {@code alpha * A * B + beta * C}, output {@code [M, N]}. */
    static MLOperand gemm(GraphRecorder recorder, MLOperand a, MLOperand b, MLGemmOptions options) {
        Op op = Op.GEMM;
        String label = recorder.begin(op, options).label();
        MLOperand c = options.c().orElse(null);
        recorder.validateOperands(op, label, "a", a, "b", b);
        recorder.validateOptionalOperands(op, label, "c", c);
        Checks.inputLimits(op, label, Checks.roles("a", a, "b", b));
        double alpha = MLNumber.of(options.alpha()).castTo(a.dataType()).doubleValue();
        double beta = MLNumber.of(options.beta()).castTo(a.dataType()).doubleValue();
        long[] shapeA = matrixShape(a, options.aTranspose());
        long[] shapeB = matrixShape(b, options.bTranspose());
        if (shapeA[1] != shapeB[0]) {
            throw Checks.typeError(op, label, "a " + describe(a, "aTranspose", options.aTranspose()) + " has K = "
                    + shapeA[1] + " but b " + describe(b, "bTranspose", options.bTranspose()) + " has K = " + shapeB[0]);
        }
        long[] outputShape = {shapeA[0], shapeB[1]};
        if (c != null) {
            if (Checks.broadcastUnidirectional(c.shapeView(), outputShape) == null) {
                throw Checks.typeError(op, label, "c shape " + Arrays.toString(c.shapeView())
                        + " is not unidirectionally broadcastable to " + Arrays.toString(outputShape));
            }
            Checks.inputLimits(op, label, Checks.roles("a", a, "c", c));
        }
        Operation.Gemm gemm = new Operation.Gemm(a.operand(), b.operand(), MLOperand.optional(c), alpha, beta,
                options.aTranspose(), options.bTranspose());
        return recorder.record(gemm, label,
                Checks.output(op, label, a.dataType(), outputShape));
    }

    /** The spec's matmul method steps: batched matrix product with broadcast batch dimensions. */
    static MLOperand matmul(GraphRecorder recorder, MLOperand a, MLOperand b, MLOperatorOptions options) {
        Op op = Op.MATMUL;
        String label = recorder.begin(op, options).label();
        recorder.validateOperands(op, label, "a", a, "b", b);
        Map<String, MLOperand> inputs = Checks.roles("a", a, "b", b);
        // The table's ranks (2 to N) are the spec's "rankA or rankB is less than 2" step.
        Checks.inputLimits(op, label, inputs);
        long[] shapeA = a.shapeView();
        long[] shapeB = b.shapeView();
        int rankA = shapeA.length;
        int rankB = shapeB.length;
        long colsA = shapeA[rankA - 1];
        long rowsA = shapeA[rankA - 2];
        long colsB = shapeB[rankB - 1];
        long rowsB = shapeB[rankB - 2];
        if (colsA != rowsB) {
            throw Checks.typeError(op, label, "a columns " + colsA + " must equal b rows " + rowsB + " (shapes "
                    + Arrays.toString(shapeA) + " and " + Arrays.toString(shapeB) + ")");
        }
        long[] batchShapeA = Arrays.copyOf(shapeA, rankA - 2);
        long[] batchShapeB = Arrays.copyOf(shapeB, rankB - 2);
        long[] batchShape = Checks.broadcastBidirectional(batchShapeA, batchShapeB);
        if (batchShape == null) {
            throw Checks.typeError(op, label, "batch shapes " + Arrays.toString(batchShapeA) + " and "
                    + Arrays.toString(batchShapeB) + " are not broadcastable");
        }
        long[] outputShape = Arrays.copyOf(batchShape, batchShape.length + 2);
        outputShape[batchShape.length] = rowsA;
        outputShape[batchShape.length + 1] = colsB;
        return recorder.record(new Operation.Matmul(a.operand(), b.operand()), label,
                Checks.output(op, label, a.dataType(), outputShape));
    }

    /** The spec's triangular method steps: the output is a copy of the input's descriptor. */
    static MLOperand triangular(GraphRecorder recorder, MLOperand input, MLTriangularOptions options) {
        Op op = Op.TRIANGULAR;
        String label = recorder.begin(op, options).label();
        recorder.validateOperands(op, label, "input", input);
        Checks.inputLimits(op, label, Checks.roles("input", input));
        return recorder.record(new Operation.Triangular(input.operand(), options.upper(), options.diagonal()), label,
                input.descriptor());
    }

    /** A 2-D operand's shape, reversed when transposed. */
    private static long[] matrixShape(MLOperand operand, boolean transpose) {
        long[] shape = operand.shape();
        return transpose ? new long[] {shape[1], shape[0]} : shape;
    }

    /** "[2, 3] (aTranspose=false)". */
    private static String describe(MLOperand operand, String option, boolean transpose) {
        return Arrays.toString(operand.shapeView()) + " (" + option + "=" + transpose + ")";
    }
}

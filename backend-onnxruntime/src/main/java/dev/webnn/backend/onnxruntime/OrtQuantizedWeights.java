package dev.webnn.backend.onnxruntime;

import static dev.webnn.MLOperandDataType.FLOAT32;

import dev.webnn.MLOperandDescriptor;
import dev.webnn.graph.Graph;
import dev.webnn.graph.Node;
import dev.webnn.graph.Operation.Conv2d;
import dev.webnn.graph.Operation.ConvTranspose2d;
import dev.webnn.graph.Operation.Gemm;
import dev.webnn.graph.Operation.Matmul;
import dev.webnn.graph.Operation.Quantization;
import dev.webnn.spi.ConstantDequantization;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Optional;

/**
 * Weights given as {@code dequantizeLinear} of constant int8/uint8 data with a float32 scale.
 *
 * <p>{@code matmul(a, dequantizeLinear(B, scale, zeroPoint))} with float32 activations and B
 * of shape [K, N], quantized per tensor or per column, is lowered as ONNX Runtime's own
 * dynamic quantization writes it: {@code DynamicQuantizeLinear(a)}, {@code MatMulInteger}
 * with B's initializer, a Cast to float and the product of the two scales. ONNX Runtime fuses
 * that into its integer kernel (as for a dynamically quantized model file), instead of
 * dequantizing B at every run for a float MatMul. The activations are rounded to uint8 with one
 * scale per tensor, as ONNX Runtime does. A dequantizeLinear read only by such products is not
 * lowered at all.
 *
 * <p>Weights read only as conv2d or convTranspose2d filters or as gemm's B are dequantized once,
 * at compile time, into a float32 initializer: ONNX Runtime has no kernel for float
 * activations with such integer weights and would otherwise dequantize them at every run.
 */
final class OrtQuantizedWeights {

    private OrtQuantizedWeights() {
    }

    /**
     * The weights' dequantizeLinear, when the matmul runs on the integer kernels.
     *
     * @param op the matmul
     * @param lowering the lowering, for the producer of b
     * @return the dequantizeLinear of constants giving b, or empty
     */
    static Optional<Quantization> weights(Matmul op, OrtLowering lowering) {
        MLOperandDescriptor a = op.a().descriptor();
        if (a.dataType() != FLOAT32 || a.rank() < 2 || op.b().descriptor().rank() != 2) {
            return Optional.empty();
        }
        return lowering.producer(op.b()).filter(node -> integerWeights(node, lowering.graph()))
                .map(node -> (Quantization) node.operation());
    }

    /**
     * Whether a node is a dequantizeLinear whose every reader is a matmul on the integer
     * kernels (which read B itself): it needs no ONNX node.
     *
     * @param node a node of the graph
     * @param lowering the lowering, for the readers
     * @return true if it is left out
     */
    static boolean readOnlyByIntegerProducts(Node node, OrtLowering lowering) {
        if (!integerWeights(node, lowering.graph()) || lowering.isGraphOutput(node.output())) {
            return false;
        }
        List<Node> readers = lowering.readers(node.output());
        return !readers.isEmpty() && readers.stream().allMatch(reader -> reader.operation() instanceof Matmul matmul
                && matmul.b().id() == node.output().id() && matmul.a().id() != node.output().id()
                && weights(matmul, lowering).isPresent());
    }

    /**
     * Whether a node is a dequantizeLinear of constants read only as conv2d or
     * convTranspose2d filters or as gemm's B: its result is computed at compile time
     * ({@link #dequantizeAtCompileTime}).
     *
     * @param node a node of the graph
     * @param lowering the lowering, for the readers
     * @return true if it becomes an initializer
     */
    static boolean readOnlyAsFloatWeights(Node node, OrtLowering lowering) {
        int id = node.output().id();
        List<Node> readers = lowering.readers(node.output());
        return ConstantDequantization.of(lowering.graph(), node).isPresent() && !lowering.isGraphOutput(node.output())
                && !readers.isEmpty() && readers.stream().allMatch(reader -> switch (reader.operation()) {
                    case Conv2d conv -> conv.filter().id() == id && conv.input().id() != id;
                    case ConvTranspose2d conv -> conv.filter().id() == id && conv.input().id() != id;
                    case Gemm gemm -> gemm.b().id() == id && gemm.a().id() != id;
                    default -> false;
                });
    }

    /**
     * Emits the float32 weights of {@link #readOnlyAsFloatWeights} as an initializer under the
     * node's output name.
     *
     * @param node the dequantizeLinear
     * @param lowering the lowering
     */
    static void dequantizeAtCompileTime(Node node, OrtLowering lowering) {
        OrtModelBuilder model = lowering.model();
        MemorySegment weights = ConstantDequantization.of(lowering.graph(), node).orElseThrow().dequantize(model::allocate);
        model.initializer(lowering.output(node), node.output().descriptor(), weights);
    }

    /**
     * Emits the integer product.
     *
     * @param op the matmul
     * @param weights its weights' dequantizeLinear, from {@link #weights}
     * @param node the matmul's node
     * @param lowering the lowering
     */
    static void lower(Matmul op, Quantization weights, Node node, OrtLowering lowering) {
        OrtModelBuilder model = lowering.model();
        long columns = weights.scale().descriptor().elementCount();
        long[] perColumn = columns == 1 ? new long[0] : new long[] {columns};
        String scale = model.constant(MLOperandDescriptor.of(FLOAT32, perColumn), lowering.graph().constant(weights.scale()));
        String zeroPoint = model.constant(MLOperandDescriptor.of(weights.zeroPoint().descriptor().dataType(), perColumn),
                lowering.graph().constant(weights.zeroPoint()));
        String[] quantized = lowering.dynamicallyQuantized(op.a());
        String product = model.intermediate("MatMulInteger",
                List.of(quantized[0], lowering.name(weights.input()), quantized[2], zeroPoint));
        String scales = model.intermediate("Mul", List.of(quantized[1], scale));
        model.node("Mul", List.of(model.cast(product, OnnxTypes.of(FLOAT32)), scales), lowering.output(node));
    }

    /**
     * Whether a node dequantizes constant int8/uint8 data of rank 2 with a float32 scale (and
     * a zero point of its type) per tensor or per column.
     */
    private static boolean integerWeights(Node node, Graph graph) {
        if (ConstantDequantization.of(graph, node).isEmpty()) {
            return false;
        }
        Quantization q = (Quantization) node.operation();
        long[] input = q.input().descriptor().shape();
        long[] scale = q.scale().descriptor().shape();
        return input.length == 2 && scale.length == 2 && scale[0] == 1 && (scale[1] == 1 || scale[1] == input[1]);
    }
}

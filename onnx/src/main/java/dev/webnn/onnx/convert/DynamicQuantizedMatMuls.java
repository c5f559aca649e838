package dev.webnn.onnx.convert;

import dev.webnn.onnx.proto.OnnxIr.AttributeProto;
import dev.webnn.onnx.proto.OnnxIr.GraphProto;
import dev.webnn.onnx.proto.OnnxIr.NodeProto;
import dev.webnn.onnx.proto.OnnxIr.TensorProto;
import dev.webnn.onnx.proto.OnnxIr.ValueInfoProto;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the matrix products of dynamically quantized models (what ONNX Runtime's
 * {@code quantize_dynamic} writes for a MatMul with constant weights) and rewrites each as a
 * MatMul of the float activations and the dequantized weights:
 *
 * <pre>
 * (q, s, zp) = DynamicQuantizeLinear(x)          x        B, B_scale, B_zp
 * y = MatMulInteger(q, B, zp, B_zp)        ⇒     |        DequantizeLinear
 * out = Mul(Cast(y, float), Mul(s, B_scale))      MatMul(x, ·) = out
 * </pre>
 *
 * <p>B, its scale (per tensor or per column) and its zero point are initializers. The two
 * agree up to the activations' rounding to uint8, which the rewrite leaves to the backend:
 * WebNN's {@code matmul} of a {@code dequantizeLinear} of constant int8 weights is what a
 * backend runs on its own integer kernels (dynamically quantized, as ONNX Runtime does), and
 * what one without them computes in float. The chain's intermediate values must have no
 * other reader (nor be graph outputs); a DynamicQuantizeLinear all of whose results are read
 * only by rewritten chains is dropped.
 */
final class DynamicQuantizedMatMuls {

    /** ONNX TensorProto data type codes. */
    private static final int FLOAT = 1;
    private static final int UINT8 = 2;
    private static final int INT8 = 3;

    private final Map<String, NodeProto> producers = new HashMap<>();
    private final Map<String, Integer> readers = new HashMap<>();
    private final Map<String, TensorProto> initializers = new HashMap<>();

    private DynamicQuantizedMatMuls(GraphProto graph) {
        for (TensorProto initializer : graph.getInitializerList()) {
            initializers.put(initializer.getName(), initializer);
        }
        for (NodeProto node : graph.getNodeList()) {
            node.getOutputList().forEach(output -> producers.put(output, node));
            node.getInputList().forEach(input -> readers.merge(input, 1, Integer::sum));
        }
        for (ValueInfoProto output : graph.getOutputList()) {
            readers.merge(output.getName(), 1, Integer::sum);
        }
    }

    /**
     * The graph's nodes with every matched chain rewritten.
     *
     * @param graph an ONNX graph
     * @return its nodes in order, each matched chain replaced, where its final Mul was, by a
     *     DequantizeLinear of the weights and a MatMul
     */
    static List<NodeProto> rewrite(GraphProto graph) {
        if (graph.getNodeList().stream().noneMatch(node -> node.getOpType().equals("MatMulInteger"))) {
            return graph.getNodeList();
        }
        return new DynamicQuantizedMatMuls(graph).rewritten(graph.getNodeList());
    }

    /** A matched chain: the nodes it replaces, its DynamicQuantizeLinear and its result. */
    private record Chain(List<NodeProto> replaced, NodeProto quantize, NodeProto product, String scale, NodeProto mul) {
    }

    private List<NodeProto> rewritten(List<NodeProto> nodes) {
        Map<NodeProto, Chain> byMul = new HashMap<>();
        Set<NodeProto> skipped = new HashSet<>();
        Map<NodeProto, Integer> rewrittenReads = new HashMap<>();
        for (NodeProto node : nodes) {
            match(node).ifPresent(chain -> {
                byMul.put(node, chain);
                skipped.addAll(chain.replaced());
                // q (and zp) read by the MatMulInteger, s by the scale Mul
                rewrittenReads.merge(chain.quantize(), chain.product().getInputCount() > 2 ? 3 : 2, Integer::sum);
            });
        }
        List<NodeProto> result = new ArrayList<>(nodes.size());
        for (NodeProto node : nodes) {
            Chain chain = byMul.get(node);
            if (chain != null) {
                result.addAll(replacement(chain));
            } else if (!skipped.contains(node) && !(node.getOpType().equals("DynamicQuantizeLinear")
                    && rewrittenReads.getOrDefault(node, 0) == node.getOutputList().stream().mapToInt(this::readCount).sum())) {
                result.add(node);
            }
        }
        return result;
    }

    /** The chain ending at {@code mul}, if it is one. */
    private Optional<Chain> match(NodeProto mul) {
        if (!mul.getOpType().equals("Mul") || mul.getInputCount() != 2) {
            return Optional.empty();
        }
        for (int i = 0; i < 2; i++) {
            NodeProto cast = producer(mul.getInput(i), "Cast");
            NodeProto scales = producer(mul.getInput(1 - i), "Mul");
            if (cast == null || scales == null || intAttribute(cast, "to") != FLOAT || readCount(cast.getOutput(0)) != 1
                    || readCount(scales.getOutput(0)) != 1) {
                continue;
            }
            NodeProto product = producer(cast.getInput(0), "MatMulInteger");
            if (product == null || readCount(product.getOutput(0)) != 1 || product.getInputCount() < 2) {
                continue;
            }
            NodeProto quantize = producer(product.getInput(0), "DynamicQuantizeLinear");
            if (quantize == null || !product.getInput(0).equals(quantize.getOutput(0))
                    || (product.getInputCount() > 2 && !product.getInput(2).equals(quantize.getOutput(2)))) {
                continue;
            }
            Optional<String> scale = weightScale(scales, quantize.getOutput(1));
            if (scale.isPresent() && weightsMatch(product, initializers.get(scale.get()))) {
                return Optional.of(new Chain(List.of(product, cast, scales, mul), quantize, product, scale.get(), mul));
            }
        }
        return Optional.empty();
    }

    /** The initializer multiplied by the activations' scale in {@code scales}, if it is a float32 one of rank 0 or 1. */
    private Optional<String> weightScale(NodeProto scales, String activationScale) {
        for (int i = 0; i < 2; i++) {
            TensorProto scale = initializers.get(scales.getInput(1 - i));
            if (scales.getInput(i).equals(activationScale) && scale != null && scale.getDataType() == FLOAT
                    && scale.getDimsCount() <= 1) {
                return Optional.of(scale.getName());
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the MatMulInteger's weights are a constant int8/uint8 matrix whose zero point
     * (if any) has the type of the weights and the scale's element count.
     */
    private boolean weightsMatch(NodeProto product, TensorProto scale) {
        TensorProto weights = initializers.get(product.getInput(1));
        if (weights == null || weights.getDimsCount() != 2 || (weights.getDataType() != INT8 && weights.getDataType() != UINT8)) {
            return false;
        }
        long columns = scale.getDimsCount() == 0 ? 1 : scale.getDims(0);
        if (columns != 1 && columns != weights.getDims(1)) {
            return false;
        }
        if (product.getInputCount() < 4 || product.getInput(3).isEmpty()) {
            return true;
        }
        TensorProto zeroPoint = initializers.get(product.getInput(3));
        return zeroPoint != null && zeroPoint.getDataType() == weights.getDataType() && zeroPoint.getDimsCount() <= 1
                && (zeroPoint.getDimsCount() == 0 ? 1 : zeroPoint.getDims(0)) == columns;
    }

    /** DequantizeLinear(B, B_scale, B_zp) along the columns, then MatMul(x, that) into the chain's result. */
    private static List<NodeProto> replacement(Chain chain) {
        String weights = chain.mul().getOutput(0) + "/dequantized_weights";
        NodeProto.Builder dequantize = NodeProto.newBuilder().setOpType("DequantizeLinear")
                .setName(chain.mul().getName() + "/DequantizeLinear")
                .addInput(chain.product().getInput(1)).addInput(chain.scale()).addOutput(weights)
                .addAttribute(AttributeProto.newBuilder().setName("axis").setType(AttributeProto.AttributeType.INT).setI(1));
        if (chain.product().getInputCount() > 3 && !chain.product().getInput(3).isEmpty()) {
            dequantize.addInput(chain.product().getInput(3));
        }
        NodeProto matMul = NodeProto.newBuilder().setOpType("MatMul").setName(chain.mul().getName() + "/MatMul")
                .addInput(chain.quantize().getInput(0)).addInput(weights).addOutput(chain.mul().getOutput(0)).build();
        return List.of(dequantize.build(), matMul);
    }

    private NodeProto producer(String value, String opType) {
        NodeProto node = producers.get(value);
        return node != null && node.getOpType().equals(opType) ? node : null;
    }

    private int readCount(String value) {
        return readers.getOrDefault(value, 0);
    }

    private static long intAttribute(NodeProto node, String name) {
        return node.getAttributeList().stream().filter(a -> a.getName().equals(name)).mapToLong(AttributeProto::getI)
                .findFirst().orElse(-1);
    }
}

package dev.webnn.onnx.convert;

import dev.webnn.MLGatherOptions;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLReduceOptions;

import java.util.List;

/**
 * The inference forms of NegativeLogLikelihoodLoss and SoftmaxCrossEntropyLoss, composed of
 * gatherElements, where and reductions (weights, ignore_index, reduction none/sum/mean).
 */
final class LossConverters {

    private LossConverters() {
    }

    static void register(Registry registry) {
        registry.add("NegativeLogLikelihoodLoss", List.of("gatherElements", "where", "reduceSum"),
                node -> node.output(0, negativeLogLikelihood(node, node.operand(0))));
        registry.add("SoftmaxCrossEntropyLoss", List.of("softmax", "log", "gatherElements", "where", "reduceSum"),
                node -> {
                    MLGraphBuilder b = node.builder();
                    MLOperand scores = node.operand(0);
                    MLReduceOptions keep = MLReduceOptions.defaults().withAxes(1).withKeepDimensions(true);
                    MLOperand shifted = b.sub(scores, b.reduceMax(scores, keep));
                    MLOperand logProb = b.sub(shifted, b.log(b.reduceSum(b.exp(shifted), keep)));
                    node.output(0, negativeLogLikelihood(node, logProb));
                    node.output(1, logProb);
                });
    }

    /** loss = −input[n, target, …]·weight[target], zero where target = ignore_index, then reduced. */
    private static MLOperand negativeLogLikelihood(OnnxNode node, MLOperand input) {
        MLGraphBuilder b = node.builder();
        MLOperand target = node.operand(1);
        MLOperandDataType indexType = target.dataType();
        long[] targetShape = target.shape();
        boolean ignoring = node.hasAttribute("ignore_index");
        MLOperand kept = null;
        MLOperand safe = target;
        if (ignoring) {
            MLOperand ignore = b.constant(indexType, node.intAttribute("ignore_index", 0));
            kept = b.notEqual(target, ignore);
            safe = b.where(kept, target, b.constant(indexType, 0));
        }
        long[] expanded = new long[targetShape.length + 1];
        expanded[0] = targetShape[0];
        expanded[1] = 1;
        System.arraycopy(targetShape, 1, expanded, 2, targetShape.length - 1);
        MLOperand picked = b.reshape(b.gatherElements(input, b.reshape(safe, expanded),
                MLGatherOptions.defaults().withAxis(1)), targetShape);
        MLOperand weight = node.has(2) ? b.gather(node.operand(2, input.dataType()), safe) : null;
        if (kept != null) {
            MLOperand mask = b.cast(kept, input.dataType());
            weight = weight == null ? mask : b.mul(weight, mask);
        }
        MLOperand loss = b.neg(picked);
        if (weight != null) {
            loss = b.mul(loss, weight);
        }
        String reduction = node.stringAttribute("reduction", "mean");
        MLReduceOptions all = MLReduceOptions.defaults().withLabel(node.label());
        return switch (reduction) {
            case "none" -> b.identity(loss, node.options());
            case "sum" -> b.reduceSum(loss, all);
            case "mean" -> weight == null ? b.reduceMean(loss, all)
                    : b.div(b.reduceSum(loss), b.reduceSum(weight), node.options());
            default -> throw node.unsupported("reduction '" + reduction + "'");
        };
    }
}

package dev.webnn.onnx.convert;

import java.util.List;

/**
 * If with a condition known at import: the chosen branch is converted in place.
 */
final class ControlFlowConverters {

    private ControlFlowConverters() {
    }

    static void register(Registry registry) {
        registry.add("If", List.of(), node -> {
            if (!node.isConstant(0)) {
                throw node.unsupported("the condition is only known at run time; WebNN graphs have no branches");
            }
            boolean condition = node.constant(0).getDouble(0) != 0;
            List<Value> outputs = node.inline(node.graphAttribute(condition ? "then_branch" : "else_branch"));
            for (int i = 0; i < outputs.size(); i++) {
                Value value = outputs.get(i);
                if (value.isConstant()) {
                    node.output(i, value.constant());
                } else {
                    node.output(i, value.operand());
                }
            }
        });
    }
}

package dev.webnn.onnx.convert;

import dev.webnn.MLGraphBuilder;
import dev.webnn.MLNotSupportedError;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.MLTypeError;
import dev.webnn.onnx.OnnxUnsupported;
import dev.webnn.onnx.OnnxValueInfo;
import dev.webnn.onnx.internal.Tensor;
import dev.webnn.onnx.internal.TensorDecoder;
import dev.webnn.onnx.proto.OnnxIr.GraphProto;
import dev.webnn.onnx.proto.OnnxIr.NodeProto;
import dev.webnn.onnx.proto.OnnxIr.TensorProto;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks an ONNX graph in node order and builds it with a caller's {@link MLGraphBuilder}:
 * constants are folded in Java where the registry can, every other node is converted.
 */
public final class GraphImporter {

    /** A value that is missing because the node producing it could not be converted (check mode). */
    private static final class MissingValue extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingValue() {
            super(null, null, false, false);
        }
    }

    private final MLGraphBuilder builder;
    private final TensorDecoder decoder;
    private final long opset;
    private final Registry registry;
    private final Deque<Map<String, Value>> scopes = new ArrayDeque<>();
    private final List<OnnxUnsupported> problems;
    private final SupportCheck supportCheck;

    private GraphImporter(MLGraphBuilder builder, TensorDecoder decoder, long opset, boolean check) {
        this.builder = builder;
        this.decoder = decoder;
        this.opset = opset;
        this.registry = Registry.DEFAULT;
        this.problems = check ? new ArrayList<>() : null;
        this.supportCheck = check ? new SupportCheck(builder.context().opSupportLimits(), registry) : null;
    }

    /**
     * Builds a graph's nodes with the builder.
     *
     * @param builder the caller's builder
     * @param graph the ONNX graph
     * @param inputs the graph inputs (initializers excluded) as the model declares them
     * @param shapes the fixed shape of each input fed at run time
     * @param constants the inputs fixed by value at import
     * @param decoder decodes the model's tensors
     * @param opset the default-domain opset the model imports
     * @return the graph outputs by ONNX name
     * @throws MLNotSupportedError if a node cannot be converted
     * @throws MLTypeError if the graph is inconsistent
     */
    public static Map<String, MLOperand> build(MLGraphBuilder builder, GraphProto graph, List<OnnxValueInfo> inputs,
            Map<String, long[]> shapes, Map<String, Tensor> constants, TensorDecoder decoder, long opset) {
        return new GraphImporter(builder, decoder, opset, false).run(graph, inputs, shapes, constants);
    }

    /**
     * Converts a graph as {@link #build} does, but collects every node that cannot be converted
     * or that the builder's backend cannot run, instead of stopping at the first.
     *
     * @param builder a builder on the context to check (never built)
     * @param graph the ONNX graph
     * @param inputs the graph inputs
     * @param shapes the fixed shape of each input fed at run time
     * @param constants the inputs fixed by value at import
     * @param decoder decodes the model's tensors
     * @param opset the default-domain opset
     * @return the nodes that cannot run, in graph order
     */
    public static List<OnnxUnsupported> check(MLGraphBuilder builder, GraphProto graph, List<OnnxValueInfo> inputs,
            Map<String, long[]> shapes, Map<String, Tensor> constants, TensorDecoder decoder, long opset) {
        GraphImporter importer = new GraphImporter(builder, decoder, opset, true);
        try {
            importer.run(graph, inputs, shapes, constants);
        } catch (MissingValue | MLNotSupportedError e) {
            // a graph output depends on a node already reported, or is itself unsupported
        }
        return List.copyOf(importer.problems);
    }

    /**
     * The ONNX operators the importer converts.
     *
     * @return their names, sorted
     */
    public static List<String> convertedOperators() {
        return Registry.DEFAULT.operators();
    }

    /**
     * The WebNN operators a conversion may use (empty for operators evaluated at import).
     *
     * @param opType an ONNX operator
     * @return the WebNN operators' spec names
     */
    public static List<String> webnnOperators(String opType) {
        return Registry.DEFAULT.webnnOperators(opType);
    }

    private Map<String, MLOperand> run(GraphProto graph, List<OnnxValueInfo> inputs, Map<String, long[]> shapes,
            Map<String, Tensor> constants) {
        Map<String, Value> scope = new HashMap<>();
        scopes.push(scope);
        defineInitializers(graph);
        constants.forEach((name, value) -> scope.put(name, Value.of(value)));
        for (OnnxValueInfo input : inputs) {
            if (!shapes.containsKey(input.name())) {
                continue; // fixed by value: defined by the caller as a constant
            }
            MLOperandDescriptor descriptor = InputShapes.descriptor(input, shapes.get(input.name()));
            if (Arrays.stream(descriptor.shape()).anyMatch(dimension -> dimension == 0)) {
                throw new MLNotSupportedError("input '" + input.name() + "' " + descriptor
                        + " is empty; WebNN has no empty tensors");
            }
            if (problems != null && !builder.context().opSupportLimits().input().allows(descriptor.dataType(),
                    descriptor.rank())) {
                problems.add(new OnnxUnsupported(input.name(), "(graph input)", opset, "the backend takes no "
                        + descriptor + " graph input"));
            }
            scope.put(input.name(), Value.of(builder.input(input.name(), descriptor)));
        }
        convertNodes(graph);
        Map<String, MLOperand> outputs = new LinkedHashMap<>();
        for (var output : graph.getOutputList()) {
            MLOperand operand = operand(output.getName());
            // build() takes only operator outputs: pass inputs and constants through identity
            outputs.put(output.getName(), builder.identity(operand));
        }
        return outputs;
    }

    private void defineInitializers(GraphProto graph) {
        for (TensorProto initializer : graph.getInitializerList()) {
            scopes.peek().put(initializer.getName(), Value.of(decode(initializer)));
        }
        if (graph.getSparseInitializerCount() > 0) {
            throw new MLNotSupportedError("graph '" + graph.getName() + "' has sparse initializers, which the importer "
                    + "does not read");
        }
    }

    private void convertNodes(GraphProto graph) {
        for (NodeProto proto : DynamicQuantizedMatMuls.rewrite(graph)) {
            OnnxNode node = new OnnxNode(this, proto, opset);
            try {
                convert(node, proto);
            } catch (MissingValue e) {
                if (problems == null) {
                    throw e;
                }
            } catch (MLNotSupportedError e) {
                if (problems == null) {
                    throw e;
                }
                String where = OnnxNode.where(proto, opset);
                String reason = e.getMessage().startsWith(where) ? e.getMessage().substring(where.length()) : e.getMessage();
                problems.add(new OnnxUnsupported(proto.getName(), proto.getOpType(), opset, reason));
            } catch (MLTypeError e) {
                throw new MLTypeError(OnnxNode.where(proto, opset) + e.getMessage(), e);
            } catch (ArithmeticException | IndexOutOfBoundsException e) {
                throw new MLTypeError(OnnxNode.where(proto, opset) + "inconsistent values: " + e, e);
            }
        }
    }

    private void convert(OnnxNode node, NodeProto proto) {
        if (!proto.getDomain().isEmpty() && !proto.getDomain().equals("ai.onnx")) {
            throw node.unsupported("domain '" + proto.getDomain() + "' is not the default ONNX domain");
        }
        Folder folder = registry.folder(proto.getOpType());
        if (folder != null && node.allInputsFoldable() && folder.fold(node)) {
            return;
        }
        Converter converter = registry.converter(proto.getOpType());
        if (converter == null) {
            throw node.unsupported("no WebNN conversion for this operator");
        }
        converter.convert(node);
        if (supportCheck != null) {
            supportCheck.check(node);
        }
    }

    // ---- used by OnnxNode ----

    MLGraphBuilder builder() {
        return builder;
    }

    Tensor decode(TensorProto proto) {
        return decoder.decode(proto);
    }

    Value value(String name) {
        for (Map<String, Value> scope : scopes) {
            Value value = scope.get(name);
            if (value != null) {
                return value;
            }
        }
        if (problems != null) {
            throw new MissingValue();
        }
        throw new MLTypeError("value '" + name + "' is used before any node or initializer defines it");
    }

    MLOperand operand(String name) {
        Value value = value(name);
        if (value.operand() != null) {
            return value.operand();
        }
        Tensor constant = value.constant();
        if (Arrays.stream(constant.shape()).anyMatch(d -> d == 0)) {
            throw new MLNotSupportedError("value '" + name + "' of shape " + Arrays.toString(constant.shape())
                    + " is empty; WebNN has no empty tensors");
        }
        MLOperand operand = builder.constant(MLOperandDescriptor.of(constant.webnnType(), constant.shape()),
                constant.data());
        if (constant.data().isMapped()) {
            // the builder holds a copy: drop the file's pages from this process (the OS rereads them if needed)
            constant.data().unload();
        }
        for (Map<String, Value> scope : scopes) {
            if (scope.get(name) == value) {
                scope.put(name, new Value(constant, operand));
                break;
            }
        }
        return operand;
    }

    void define(String name, Value value) {
        scopes.peek().put(name, value);
    }

    /** Converts a subgraph with access to the enclosing values; returns its outputs. */
    List<Value> inline(GraphProto graph) {
        Map<String, Value> scope = new HashMap<>();
        scopes.push(scope);
        try {
            defineInitializers(graph);
            convertNodes(graph);
            List<Value> outputs = new ArrayList<>();
            for (var output : graph.getOutputList()) {
                outputs.add(value(output.getName()));
            }
            return outputs;
        } finally {
            scopes.pop();
        }
    }
}

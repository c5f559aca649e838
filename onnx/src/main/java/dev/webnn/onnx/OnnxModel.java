package dev.webnn.onnx;

import dev.webnn.MLContext;
import dev.webnn.MLGraph;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.onnx.convert.GraphImporter;
import dev.webnn.onnx.convert.InputShapes;
import dev.webnn.onnx.internal.ModelFiles;
import dev.webnn.onnx.internal.Tensor;
import dev.webnn.onnx.internal.TensorDecoder;
import dev.webnn.onnx.proto.OnnxIr.GraphProto;
import dev.webnn.onnx.proto.OnnxIr.ModelProto;
import dev.webnn.onnx.proto.OnnxIr.NodeProto;
import dev.webnn.onnx.proto.OnnxIr.OperatorSetIdProto;
import dev.webnn.onnx.proto.OnnxIr.TensorProto;
import dev.webnn.onnx.proto.OnnxIr.TensorShapeProto;
import dev.webnn.onnx.proto.OnnxIr.ValueInfoProto;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * An ONNX model file, read and ready to be built as a WebNN graph.
 *
 * <pre>{@code
 * OnnxModel model = OnnxModel.read(Path.of("model.onnx"));
 * OnnxImportOptions options = OnnxImportOptions.defaults().withDimension("batch_size", 1);
 * try (MLGraph graph = model.compile(context, options)) { ... }
 * }</pre>
 *
 * <p>The file is memory-mapped: weights stay in the mapping (and external data files next to
 * the model) until the graph is built; the heap holds only the model's structure. Shape
 * computations are evaluated at import once free dimensions are fixed, so the graph is
 * static. Graph inputs and outputs keep their ONNX names.
 */
public final class OnnxModel {

    private final Path file;
    private final ModelProto proto;
    private final java.lang.foreign.MemorySegment mapping;
    private final long opsetVersion;
    private final List<OnnxValueInfo> inputs;
    private final List<OnnxValueInfo> outputs;

    private OnnxModel(Path file, ModelFiles.Parsed<ModelProto> parsed) {
        this.file = file;
        this.proto = parsed.message();
        this.mapping = parsed.file();
        if (!proto.hasGraph()) {
            throw new OnnxFormatError("ONNX model " + file + " has no graph", -1, null);
        }
        this.opsetVersion = defaultOpset(proto);
        GraphProto graph = proto.getGraph();
        Set<String> initializers = new HashSet<>();
        for (TensorProto initializer : graph.getInitializerList()) {
            initializers.add(initializer.getName());
        }
        this.inputs = graph.getInputList().stream().filter(input -> !initializers.contains(input.getName()))
                .map(OnnxModel::valueInfo).toList();
        this.outputs = graph.getOutputList().stream().map(OnnxModel::valueInfo).toList();
    }

    /**
     * Reads an ONNX model file (memory-mapped).
     *
     * @param file the {@code .onnx} file; external data is looked up in its folder
     * @return the model
     * @throws OnnxFormatError if the file is not a valid ONNX model (with the byte offset)
     * @throws dev.webnn.MLTypeError if the file cannot be read
     * @throws dev.webnn.MLNotSupportedError if a graph input or output is not a tensor (a sequence, map, ...)
     */
    public static OnnxModel read(Path file) {
        Objects.requireNonNull(file, "file");
        return new OnnxModel(file, ModelFiles.parse(file, ModelFiles.Root.MODEL, ModelProto::parseFrom, "ONNX model"));
    }

    private static long defaultOpset(ModelProto proto) {
        for (OperatorSetIdProto opset : proto.getOpsetImportList()) {
            if (opset.getDomain().isEmpty() || opset.getDomain().equals("ai.onnx")) {
                return opset.getVersion();
            }
        }
        return 1;
    }

    private static OnnxValueInfo valueInfo(ValueInfoProto proto) {
        if (!proto.getType().hasTensorType()) {
            throw new dev.webnn.MLNotSupportedError("value '" + proto.getName() + "' is not a tensor ("
                    + proto.getType().getValueCase() + "); WebNN graphs take tensors only");
        }
        var tensorType = proto.getType().getTensorType();
        OnnxDataType type = OnnxDataType.fromCode(tensorType.getElemType()).orElseThrow(() -> new OnnxFormatError(
                "value '" + proto.getName() + "' has unknown element type " + tensorType.getElemType(), -1, null));
        List<OnnxDimension> dimensions = new ArrayList<>();
        for (TensorShapeProto.Dimension dimension : tensorType.getShape().getDimList()) {
            dimensions.add(dimension.hasDimValue() ? new OnnxDimension(dimension.getDimValue(), "")
                    : new OnnxDimension(-1, dimension.getDimParam()));
        }
        return new OnnxValueInfo(proto.getName(), type, dimensions);
    }

    /**
     * The graph inputs the caller feeds (initializers that are also listed as inputs excluded).
     *
     * @return the inputs in model order
     */
    public List<OnnxValueInfo> inputs() {
        return inputs;
    }

    /**
     * The graph outputs.
     *
     * @return the outputs in model order
     */
    public List<OnnxValueInfo> outputs() {
        return outputs;
    }

    /**
     * The version of the default ONNX operator set the model imports.
     *
     * @return the opset version, e.g. 11
     */
    public long opsetVersion() {
        return opsetVersion;
    }

    /**
     * How often each operator occurs in the main graph.
     *
     * @return operator type to count, sorted by operator
     */
    public Map<String, Integer> operatorHistogram() {
        Map<String, Integer> histogram = new TreeMap<>();
        for (NodeProto node : proto.getGraph().getNodeList()) {
            String op = node.getDomain().isEmpty() ? node.getOpType() : node.getDomain() + "." + node.getOpType();
            histogram.merge(op, 1, Integer::sum);
        }
        return histogram;
    }

    /**
     * The ONNX operators the importer converts (some only for some attribute values or with
     * constant inputs; see {@link #check}).
     *
     * @return the operator names, sorted
     */
    public static List<String> convertedOperators() {
        return GraphImporter.convertedOperators();
    }

    /**
     * Adds the model's computation to a caller's builder: one builder input per model input
     * (same name) and the model's outputs as operands.
     *
     * @param builder the builder
     * @param options the free dimensions
     * @return the outputs by ONNX name
     * @throws dev.webnn.MLTypeError if a dimension is left free or an option names nothing in the model
     * @throws dev.webnn.MLNotSupportedError if a node cannot be converted (naming node, op type, opset, reason)
     */
    public Map<String, MLOperand> addTo(MLGraphBuilder builder, OnnxImportOptions options) {
        Objects.requireNonNull(builder, "builder");
        Objects.requireNonNull(options, "options");
        return GraphImporter.build(builder, proto.getGraph(), inputs, shapes(options), constants(options), decoder(),
                opsetVersion);
    }

    /**
     * Builds and compiles the model on a context.
     *
     * @param context the context (its backend runs the graph)
     * @param options the free dimensions
     * @return the compiled graph; its inputs and outputs have the ONNX names
     * @throws dev.webnn.MLTypeError if a dimension is left free or an option names nothing in the model
     * @throws dev.webnn.MLNotSupportedError if a node cannot be converted or the backend cannot run it
     */
    public MLGraph compile(MLContext context, OnnxImportOptions options) {
        MLGraphBuilder builder = new MLGraphBuilder(context);
        return builder.build(addTo(builder, options));
    }

    /**
     * The graph inputs the model takes with these options: their data types and their shapes
     * with every symbolic dimension fixed, as {@link #compile} gives them to the graph.
     *
     * @param options the free dimensions
     * @return input name to descriptor, in model order (inputs fixed by value left out)
     * @throws dev.webnn.MLTypeError if a dimension is left free or an option names nothing in the model
     * @throws dev.webnn.MLNotSupportedError if an input's type has no WebNN equivalent
     */
    public Map<String, MLOperandDescriptor> inputDescriptors(OnnxImportOptions options) {
        Map<String, long[]> shapes = shapes(options);
        Map<String, MLOperandDescriptor> descriptors = new LinkedHashMap<>();
        for (OnnxValueInfo input : inputs) {
            if (shapes.containsKey(input.name())) {
                descriptors.put(input.name(), InputShapes.descriptor(input, shapes.get(input.name())));
            }
        }
        return descriptors;
    }

    /**
     * Lists every node that cannot run on the context, before compiling: nodes without a
     * conversion, with attribute values or data types that cannot be converted, and nodes whose
     * WebNN operators the context's backend lacks or cannot run with their data types.
     *
     * @param context the context to check against (nothing is compiled)
     * @param options the free dimensions
     * @return the problems in graph order; empty if the model should compile
     * @throws dev.webnn.MLTypeError if a dimension is left free or an option names nothing in the model
     */
    public List<OnnxUnsupported> check(MLContext context, OnnxImportOptions options) {
        Objects.requireNonNull(context, "context");
        return GraphImporter.check(new MLGraphBuilder(context), proto.getGraph(), inputs, shapes(options),
                constants(options), decoder(), opsetVersion);
    }

    private Map<String, long[]> shapes(OnnxImportOptions options) {
        return InputShapes.resolve(inputs, options);
    }

    /** The inputs fixed by value, checked against their declarations. */
    private Map<String, Tensor> constants(OnnxImportOptions options) {
        Map<String, Tensor> constants = new java.util.HashMap<>();
        options.constantInputs().forEach((name, value) -> {
            OnnxValueInfo declared = inputs.stream().filter(input -> input.name().equals(name)).findFirst().orElseThrow();
            long[] shape = value.shape();
            boolean sameRank = declared.rank() == shape.length;
            for (int i = 0; sameRank && i < shape.length; i++) {
                OnnxDimension dimension = declared.dimensions().get(i);
                sameRank = !dimension.isFixed() || dimension.value() == shape[i];
            }
            if (value.onnxType() != declared.dataType() || !sameRank) {
                throw new dev.webnn.MLTypeError("withConstantInput: input '" + name + "' is declared " + declared
                        + ", the value is " + value);
            }
            OnnxDataType stored = value.onnxType() == OnnxDataType.DOUBLE || value.onnxType() == OnnxDataType.BFLOAT16
                    ? OnnxDataType.FLOAT : value.onnxType();
            constants.put(name, new Tensor(stored, shape, value.data()));
        });
        return constants;
    }

    private TensorDecoder decoder() {
        Path folder = file.toAbsolutePath().getParent();
        return new TensorDecoder(folder, mapping);
    }

    /** For example {@code ONNX model model.onnx (opset 11, 3 inputs, 1 output)}. */
    @Override
    public String toString() {
        return "ONNX model " + file + " (opset " + opsetVersion + ", " + inputs.size() + " inputs, " + outputs.size()
                + " outputs)";
    }
}

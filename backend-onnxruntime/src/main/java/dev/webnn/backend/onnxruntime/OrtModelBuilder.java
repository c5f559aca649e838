package dev.webnn.backend.onnxruntime;

import static java.lang.foreign.MemorySegment.NULL;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.webnn.MLNumber;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.bindings.onnxruntime.OnnxRuntime;
import dev.webnn.bindings.onnxruntime.OrtApi;
import dev.webnn.bindings.onnxruntime.OrtModelEditorApi;
import dev.webnn.spi.Scalars;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Builds an ONNX model in memory with ONNX Runtime's Model Editor API: graph inputs and
 * outputs, nodes with attributes, and initializers. Large constants point at memory that
 * must outlive the session (data_is_external); small ones are copied into ORT-owned tensors,
 * as the API requires below 128 bytes.
 *
 * <p>Owns every native object until {@link #finish} hands them to the model; {@link #close}
 * releases whatever was not handed over.
 */
final class OrtModelBuilder implements AutoCloseable {

    /** ONNX opset of the models built. */
    static final int OPSET = 21;
    /**
     * The operator sets the models import: ONNX's, and ORT's own domains, whose nodes ORT's
     * graph optimisations insert (e.g. NCHWc convolutions).
     */
    static final List<OnnxModelFile.OpsetImport> OPSET_IMPORTS = List.of(new OnnxModelFile.OpsetImport("", OPSET),
            new OnnxModelFile.OpsetImport("com.microsoft", 1), new OnnxModelFile.OpsetImport("com.microsoft.nchwc", 1));
    /** Below this size an initializer must be copied into ORT-owned memory. */
    private static final long EXTERNAL_MINIMUM = 128;

    private final OrtRuntime ort;
    private final MemorySegment api;
    private final MemorySegment editor;
    private final Arena scratch = Arena.ofConfined();
    /** Data of constants created by the lowering; must live as long as the session. */
    private final Arena constants;
    private final MemorySegment memoryInfo;
    private final MemorySegment allocator;
    private MemorySegment graph;
    private final List<MemorySegment> inputInfos = new ArrayList<>();
    private final List<MemorySegment> outputInfos = new ArrayList<>();
    private int names;

    /**
     * Starts an empty graph.
     *
     * @param ort the runtime
     * @param constants arena for constant data the lowering creates; it must outlive the session
     */
    OrtModelBuilder(OrtRuntime ort, Arena constants) {
        this.ort = ort;
        this.api = ort.api();
        this.editor = ort.modelEditorApi();
        this.constants = constants;
        this.memoryInfo = out(o -> OrtApi.CreateCpuMemoryInfo.invoke(OrtApi.CreateCpuMemoryInfo(api),
                OnnxRuntime.OrtArenaAllocator(), OnnxRuntime.OrtMemTypeDefault(), o), "create CPU memory info");
        this.allocator = out(o -> OrtApi.GetAllocatorWithDefaultOptions.invoke(OrtApi.GetAllocatorWithDefaultOptions(api), o),
                "get the default allocator");
        this.graph = out(o -> OrtModelEditorApi.CreateGraph.invoke(OrtModelEditorApi.CreateGraph(editor), o), "create a graph");
    }

    /**
     * A fresh value name for an intermediate result of a composition.
     *
     * @param hint readable part of the name
     * @return a name not used elsewhere in the model
     */
    String temporary(String hint) {
        return "_" + hint + "_" + names++;
    }

    /** Declares a graph input. */
    void input(String name, MLOperandDescriptor descriptor) {
        inputInfos.add(valueInfo(name, descriptor));
    }

    /** Declares a graph output. */
    void output(String name, MLOperandDescriptor descriptor) {
        outputInfos.add(valueInfo(name, descriptor));
    }

    /**
     * Adds an initializer. Data of 128 bytes or more is referenced, not copied: it must stay
     * valid until the session is released.
     *
     * @param name the value name
     * @param descriptor type and shape
     * @param data the bytes (native memory when 128 bytes or more)
     */
    void initializer(String name, MLOperandDescriptor descriptor, MemorySegment data) {
        long[] shape = descriptor.shape();
        MemorySegment dims = scratch.allocateFrom(JAVA_LONG, shape.length == 0 ? new long[1] : shape);
        int type = OnnxTypes.of(descriptor.dataType());
        MemorySegment value;
        boolean external = data.byteSize() >= EXTERNAL_MINIMUM && data.isNative();
        if (external) {
            value = out(o -> OrtApi.CreateTensorWithDataAsOrtValue.invoke(OrtApi.CreateTensorWithDataAsOrtValue(api),
                    memoryInfo, data, data.byteSize(), dims, shape.length, type, o), "wrap initializer " + name);
        } else {
            value = out(o -> OrtApi.CreateTensorAsOrtValue.invoke(OrtApi.CreateTensorAsOrtValue(api), allocator, dims,
                    shape.length, type, o), "allocate initializer " + name);
            MemorySegment target = out(o -> OrtApi.GetTensorMutableData.invoke(OrtApi.GetTensorMutableData(api), value, o),
                    "get initializer data").reinterpret(data.byteSize());
            target.copyFrom(data);
        }
        ort.check(OrtModelEditorApi.AddInitializerToGraph.invoke(OrtModelEditorApi.AddInitializerToGraph(editor), graph,
                scratch.allocateFrom(name), value, external), "add initializer " + name);
    }

    /**
     * Adds a constant made by the lowering (e.g. a reshape target or permuted weights).
     *
     * @param descriptor type and shape
     * @param data the bytes, copied into memory that lives as long as the session
     * @return the constant's value name
     */
    String constant(MLOperandDescriptor descriptor, MemorySegment data) {
        String name = temporary("const");
        MemorySegment copy = allocate(data.byteSize());
        copy.copyFrom(data);
        initializer(name, descriptor, copy);
        return name;
    }

    /**
     * Memory that lives as long as the session, for initializer data the lowering computes.
     *
     * @param bytes its size
     * @return zeroed memory, 64-byte aligned
     */
    MemorySegment allocate(long bytes) {
        return constants.allocate(Math.max(1, bytes), 64).asSlice(0, bytes);
    }

    /** A 1-D int64 constant, e.g. a shape or axes input. */
    String int64s(long... values) {
        return constant(MLOperandDescriptor.of(MLOperandDataType.INT64, values.length), MemorySegment.ofArray(values));
    }

    /** A rank-0 constant of a data type holding a number cast to it. */
    String scalar(MLOperandDataType type, MLNumber value) {
        return constant(MLOperandDescriptor.of(type), Scalars.write(scratch.allocate(type.byteSize()), type, value));
    }

    /**
     * Adds a single-output node whose result is an intermediate value of a composition.
     *
     * @param opType the ONNX operator
     * @param inputs its input value names
     * @param attributes its attributes
     * @return the fresh name of its output
     */
    String intermediate(String opType, List<String> inputs, OrtAttribute... attributes) {
        String result = temporary(opType);
        node(opType, inputs, result, attributes);
        return result;
    }

    /**
     * Casts a value to another ONNX element type.
     *
     * @param value the value name
     * @param onnxType the target {@code ONNXTensorElementDataType}
     * @return the name of the cast value
     */
    String cast(String value, int onnxType) {
        return intermediate("Cast", List.of(value), OrtAttribute.integer("to", onnxType));
    }

    /**
     * Casts a value to another ONNX element type, writing {@code output}.
     *
     * @param value the value name
     * @param onnxType the target {@code ONNXTensorElementDataType}
     * @param output the value name to write
     */
    void cast(String value, int onnxType, String output) {
        node("Cast", List.of(value), output, OrtAttribute.integer("to", onnxType));
    }

    /**
     * Copies a value to {@code output}: an Identity node, or for the 4-bit types, which ONNX
     * Runtime's Identity lacks, two exact Cast nodes through float32 (its int8 to int4 Cast
     * loses the high nibbles).
     *
     * @param value the value name
     * @param type its data type
     * @param output the value name to write
     */
    void copy(String value, MLOperandDataType type, String output) {
        if (type.isPacked()) {
            cast(cast(value, OnnxTypes.of(MLOperandDataType.FLOAT32)), OnnxTypes.of(type), output);
        } else {
            node("Identity", List.of(value), output);
        }
    }

    /**
     * Adds an ONNX node of the default domain.
     *
     * @param opType the ONNX operator, e.g. {@code "Conv"}
     * @param inputs input value names; {@code ""} for an absent optional input
     * @param outputs output value names
     * @param attributes the node's attributes
     */
    void node(String opType, List<String> inputs, List<String> outputs, OrtAttribute... attributes) {
        MemorySegment attrs = scratch.allocate(ADDRESS, Math.max(1, attributes.length));
        try {
            for (int i = 0; i < attributes.length; i++) {
                OrtAttribute attribute = attributes[i];
                attrs.setAtIndex(ADDRESS, i, out(o -> OrtApi.CreateOpAttr.invoke(OrtApi.CreateOpAttr(api),
                        scratch.allocateFrom(attribute.name()), attribute.data(scratch), attribute.length(), attribute.type(), o),
                        "create attribute " + attribute.name() + " of " + opType));
            }
            MemorySegment node = out(o -> OrtModelEditorApi.CreateNode.invoke(OrtModelEditorApi.CreateNode(editor),
                    scratch.allocateFrom(opType), scratch.allocateFrom(""), scratch.allocateFrom(temporary(opType)),
                    strings(inputs), inputs.size(), strings(outputs), outputs.size(),
                    attributes.length == 0 ? NULL : attrs, attributes.length, o), "create a " + opType + " node");
            ort.check(OrtModelEditorApi.AddNodeToGraph.invoke(OrtModelEditorApi.AddNodeToGraph(editor), graph, node),
                    "add a " + opType + " node");
        } finally {
            for (int i = 0; i < attributes.length; i++) {
                MemorySegment attr = attrs.getAtIndex(ADDRESS, i);
                if (!attr.equals(NULL)) {
                    OrtApi.ReleaseOpAttr.invoke(OrtApi.ReleaseOpAttr(api), attr);
                }
            }
        }
    }

    /** Shorthand for a single-output node. */
    void node(String opType, List<String> inputs, String output, OrtAttribute... attributes) {
        node(opType, inputs, List.of(output), attributes);
    }

    /**
     * Sets inputs and outputs and wraps the graph in a model; the builder no longer owns the graph.
     *
     * @return an {@code OrtModel*} to be released by the caller after creating the session
     */
    MemorySegment finish() {
        ort.check(OrtModelEditorApi.SetGraphInputs.invoke(OrtModelEditorApi.SetGraphInputs(editor), graph,
                pointers(inputInfos), inputInfos.size()), "set the graph inputs");
        inputInfos.clear();
        ort.check(OrtModelEditorApi.SetGraphOutputs.invoke(OrtModelEditorApi.SetGraphOutputs(editor), graph,
                pointers(outputInfos), outputInfos.size()), "set the graph outputs");
        outputInfos.clear();
        MemorySegment domains = strings(OPSET_IMPORTS.stream().map(OnnxModelFile.OpsetImport::domain).toList());
        MemorySegment versions = scratch.allocateFrom(JAVA_INT,
                OPSET_IMPORTS.stream().mapToInt(OnnxModelFile.OpsetImport::version).toArray());
        MemorySegment model = out(o -> OrtModelEditorApi.CreateModel.invoke(OrtModelEditorApi.CreateModel(editor),
                domains, versions, OPSET_IMPORTS.size(), o), "create the model");
        MemorySegment owned = graph;
        graph = NULL;
        try {
            ort.check(OrtModelEditorApi.AddGraphToModel.invoke(OrtModelEditorApi.AddGraphToModel(editor), model, owned),
                    "add the graph to the model");
        } catch (RuntimeException e) {
            OrtApi.ReleaseGraph.invoke(OrtApi.ReleaseGraph(api), owned);
            OrtApi.ReleaseModel.invoke(OrtApi.ReleaseModel(api), model);
            throw e;
        }
        return model;
    }

    @Override
    public void close() {
        for (MemorySegment info : inputInfos) {
            OrtApi.ReleaseValueInfo.invoke(OrtApi.ReleaseValueInfo(api), info);
        }
        for (MemorySegment info : outputInfos) {
            OrtApi.ReleaseValueInfo.invoke(OrtApi.ReleaseValueInfo(api), info);
        }
        if (!graph.equals(NULL)) {
            OrtApi.ReleaseGraph.invoke(OrtApi.ReleaseGraph(api), graph);
            graph = NULL;
        }
        OrtApi.ReleaseMemoryInfo.invoke(OrtApi.ReleaseMemoryInfo(api), memoryInfo);
        scratch.close();
    }

    private MemorySegment valueInfo(String name, MLOperandDescriptor descriptor) {
        long[] shape = descriptor.shape();
        MemorySegment shapeInfo = out(o -> OrtApi.CreateTensorTypeAndShapeInfo.invoke(OrtApi.CreateTensorTypeAndShapeInfo(api), o),
                "create shape info");
        try {
            ort.check(OrtApi.SetTensorElementType.invoke(OrtApi.SetTensorElementType(api), shapeInfo,
                    OnnxTypes.of(descriptor.dataType())), "set an element type");
            ort.check(OrtApi.SetDimensions.invoke(OrtApi.SetDimensions(api), shapeInfo,
                    scratch.allocateFrom(JAVA_LONG, shape.length == 0 ? new long[1] : shape), shape.length), "set dimensions");
            MemorySegment typeInfo = out(o -> OrtModelEditorApi.CreateTensorTypeInfo.invoke(
                    OrtModelEditorApi.CreateTensorTypeInfo(editor), shapeInfo, o), "create type info");
            try {
                return out(o -> OrtModelEditorApi.CreateValueInfo.invoke(OrtModelEditorApi.CreateValueInfo(editor),
                        scratch.allocateFrom(name), typeInfo, o), "create value info " + name);
            } finally {
                OrtApi.ReleaseTypeInfo.invoke(OrtApi.ReleaseTypeInfo(api), typeInfo);
            }
        } finally {
            OrtApi.ReleaseTensorTypeAndShapeInfo.invoke(OrtApi.ReleaseTensorTypeAndShapeInfo(api), shapeInfo);
        }
    }

    private MemorySegment strings(List<String> values) {
        return OrtRuntime.strings(scratch, values);
    }

    private MemorySegment pointers(List<MemorySegment> values) {
        MemorySegment array = scratch.allocate(ADDRESS, Math.max(1, values.size()));
        for (int i = 0; i < values.size(); i++) {
            array.setAtIndex(ADDRESS, i, values.get(i));
        }
        return array;
    }

    private MemorySegment out(Function<MemorySegment, MemorySegment> call, String action) {
        return ort.out(scratch, call, action);
    }
}

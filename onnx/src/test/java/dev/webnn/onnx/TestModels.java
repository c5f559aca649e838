package dev.webnn.onnx;

import com.google.protobuf.ByteString;
import dev.webnn.onnx.proto.OnnxIr.AttributeProto;
import dev.webnn.onnx.proto.OnnxIr.GraphProto;
import dev.webnn.onnx.proto.OnnxIr.ModelProto;
import dev.webnn.onnx.proto.OnnxIr.NodeProto;
import dev.webnn.onnx.proto.OnnxIr.OperatorSetIdProto;
import dev.webnn.onnx.proto.OnnxIr.TensorProto;
import dev.webnn.onnx.proto.OnnxIr.TensorShapeProto;
import dev.webnn.onnx.proto.OnnxIr.TypeProto;
import dev.webnn.onnx.proto.OnnxIr.ValueInfoProto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds small ONNX models in tests: graph inputs with fixed or symbolic dimensions, nodes
 * with attributes, initializers, and writes the model file.
 */
final class TestModels {

    private final GraphProto.Builder graph = GraphProto.newBuilder().setName("test");
    private final long opset;

    private TestModels(long opset) {
        this.opset = opset;
    }

    static TestModels opset(long opset) {
        return new TestModels(opset);
    }

    /** A graph input; each dimension is a Long (fixed), a String (symbolic) or "?" (unnamed). */
    TestModels input(String name, OnnxDataType type, Object... dimensions) {
        graph.addInput(valueInfo(name, type, dimensions));
        return this;
    }

    TestModels output(String name, OnnxDataType type, Object... dimensions) {
        graph.addOutput(valueInfo(name, type, dimensions));
        return this;
    }

    private static ValueInfoProto valueInfo(String name, OnnxDataType type, Object... dimensions) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object dimension : dimensions) {
            TensorShapeProto.Dimension.Builder d = TensorShapeProto.Dimension.newBuilder();
            if (dimension instanceof Number n) {
                d.setDimValue(n.longValue());
            } else if (!"?".equals(dimension)) {
                d.setDimParam((String) dimension);
            }
            shape.addDim(d);
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(type.code()).setShape(shape))).build();
    }

    /** A node; attributes alternate name and value (Long, Float, String, long[], float[], TensorProto, GraphProto). */
    TestModels node(String op, String[] inputs, String[] outputs, Object... attributes) {
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(op).setName(op.toLowerCase() + graph.getNodeCount());
        for (String input : inputs) {
            node.addInput(input);
        }
        for (String output : outputs) {
            node.addOutput(output);
        }
        for (int i = 0; i < attributes.length; i += 2) {
            node.addAttribute(attribute((String) attributes[i], attributes[i + 1]));
        }
        graph.addNode(node);
        return this;
    }

    static AttributeProto attribute(String name, Object value) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name);
        switch (value) {
            case Long l -> a.setType(AttributeProto.AttributeType.INT).setI(l);
            case Integer i -> a.setType(AttributeProto.AttributeType.INT).setI(i);
            case Float f -> a.setType(AttributeProto.AttributeType.FLOAT).setF(f);
            case String s -> a.setType(AttributeProto.AttributeType.STRING).setS(ByteString.copyFromUtf8(s));
            case long[] ints -> {
                a.setType(AttributeProto.AttributeType.INTS);
                for (long v : ints) {
                    a.addInts(v);
                }
            }
            case float[] floats -> {
                a.setType(AttributeProto.AttributeType.FLOATS);
                for (float v : floats) {
                    a.addFloats(v);
                }
            }
            case TensorProto t -> a.setType(AttributeProto.AttributeType.TENSOR).setT(t);
            case GraphProto g -> a.setType(AttributeProto.AttributeType.GRAPH).setG(g);
            default -> throw new IllegalArgumentException(value.toString());
        }
        return a.build();
    }

    TestModels initializer(TensorProto tensor) {
        graph.addInitializer(tensor);
        return this;
    }

    /** A float32 tensor in raw_data. */
    static TensorProto floats(String name, long[] dims, float... values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            bytes.putFloat(v);
        }
        return tensor(name, OnnxDataType.FLOAT, dims).setRawData(ByteString.copyFrom(bytes.array())).build();
    }

    /** An int64 tensor in int64_data. */
    static TensorProto longs(String name, long[] dims, long... values) {
        TensorProto.Builder t = tensor(name, OnnxDataType.INT64, dims);
        for (long v : values) {
            t.addInt64Data(v);
        }
        return t.build();
    }

    static TensorProto.Builder tensor(String name, OnnxDataType type, long[] dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type.code());
        for (long d : dims) {
            t.addDims(d);
        }
        return t;
    }

    GraphProto graph() {
        return graph.build();
    }

    byte[] bytes() {
        return ModelProto.newBuilder().setIrVersion(8)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset))
                .setGraph(graph).build().toByteArray();
    }

    Path write(Path folder) {
        try {
            Path file = folder.resolve("model.onnx");
            Files.write(file, bytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    OnnxModel read(Path folder) {
        return OnnxModel.read(write(folder));
    }
}

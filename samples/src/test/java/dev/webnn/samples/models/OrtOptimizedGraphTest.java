package dev.webnn.samples.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOperand;
import dev.webnn.samples.Samples;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What ONNX Runtime makes of the graphs the {@code onnxruntime} backend emits for SqueezeNet
 * 1.1 and MobileNetV2 built op by op: the model saved after its optimisations
 * ({@code webnn.onnxruntime.saveOptimizedModel}) holds the nodes ORT gives an ordinary ONNX
 * export of these networks: every convolution an NCHWc Conv with its activation (and, in
 * MobileNetV2, the residual Add) fused in, global average pooling (NCHWc where the channels
 * fill whole blocks), and no layout or shape node beyond the single reorder out of NCHWc and
 * the classifier's flatten.
 */
class OrtOptimizedGraphTest {

    /** A node of the optimised model: its operator, domain and the names of its attributes and their string values. */
    record OnnxNode(String opType, String domain, Map<String, String> attributes) {
    }

    @Test
    void squeezeNetRunsAsFusedNchwcConvolutions(@TempDir Path temp) throws IOException {
        Path weights = Samples.assumeModel("squeezenet1.1_nchw").resolve("weights");
        List<OnnxNode> nodes = optimized(temp, builder -> SqueezeNet.build(weights, builder));
        List<OnnxNode> convs = ofType(nodes, "Conv");
        assertEquals(26, convs.size(), () -> describe(nodes));
        for (OnnxNode conv : convs) {
            assertEquals("com.microsoft.nchwc", conv.domain(), () -> describe(nodes));
            assertEquals("Relu", conv.attributes().get("activation"), () -> describe(nodes));
        }
        List<OnnxNode> maxPools = ofType(nodes, "MaxPool");
        assertEquals(3, maxPools.size(), () -> describe(nodes));
        assertTrue(maxPools.stream().allMatch(p -> p.domain().equals("com.microsoft.nchwc")), () -> describe(nodes));
        // 1000 channels are no whole number of NCHWc blocks: ORT reorders before the pool, as for any export.
        assertLayoutNodes(nodes, "");
    }

    @Test
    void mobileNetV2RunsAsFusedNchwcConvolutions(@TempDir Path temp) throws IOException {
        Path weights = Samples.assumeModel("mobilenetv2_nchw").resolve("weights");
        List<OnnxNode> nodes = optimized(temp, builder -> MobileNetV2.build(weights, builder));
        List<OnnxNode> convs = ofType(nodes, "Conv");
        assertEquals(52, convs.size(), () -> describe(nodes));
        for (OnnxNode conv : convs) {
            assertEquals("com.microsoft.nchwc", conv.domain(), () -> describe(nodes));
        }
        assertEquals(0, ofType(nodes, "Clip").size() + ofType(nodes, "Relu").size(), () -> describe(nodes));
        assertEquals(0, ofType(nodes, "Add").size(), () -> describe(nodes));
        assertEquals(1, ofType(nodes, "Gemm").size() + ofType(nodes, "FusedGemm").size(), () -> describe(nodes));
        assertLayoutNodes(nodes, "com.microsoft.nchwc");
    }

    /**
     * Global average pooling (in {@code poolDomain}), the one reorder out of NCHWc (the first
     * convolution reads the NCHW input itself), at most one flatten/reshape, and no transpose
     * or identity.
     */
    private static void assertLayoutNodes(List<OnnxNode> nodes, String poolDomain) {
        List<OnnxNode> pools = ofType(nodes, "GlobalAveragePool");
        assertEquals(1, pools.size(), () -> describe(nodes));
        assertEquals(poolDomain, pools.getFirst().domain(), () -> describe(nodes));
        assertEquals(0, ofType(nodes, "AveragePool").size(), () -> describe(nodes));
        assertEquals(0, ofType(nodes, "ReorderInput").size(), () -> describe(nodes));
        assertEquals(1, ofType(nodes, "ReorderOutput").size(), () -> describe(nodes));
        assertEquals(0, ofType(nodes, "Transpose").size() + ofType(nodes, "Identity").size(), () -> describe(nodes));
        assertTrue(ofType(nodes, "Reshape").size() + ofType(nodes, "Flatten").size() <= 1, () -> describe(nodes));
    }

    /** Builds a network on the onnxruntime backend and reads back the model ORT saved after optimising it. */
    private static List<OnnxNode> optimized(Path temp, Function<MLGraphBuilder, MLOperand> network)
            throws IOException {
        Path file = temp.resolve("optimized.onnx");
        System.setProperty("webnn.onnxruntime.saveOptimizedModel", file.toString());
        try (MLContext context = ML.createContext(MLContextOptions.defaults().withBackend("onnxruntime").withNumThreads(1))) {
            MLGraphBuilder builder = new MLGraphBuilder(context);
            // compiling the graph writes the optimised model
            builder.build(Map.of("output", network.apply(builder))).close();
            assertTrue(Files.size(file) > 0);
        } finally {
            System.clearProperty("webnn.onnxruntime.saveOptimizedModel");
        }
        return nodes(ByteBuffer.wrap(Files.readAllBytes(file)));
    }

    private static List<OnnxNode> ofType(List<OnnxNode> nodes, String opType) {
        return nodes.stream().filter(n -> n.opType().equals(opType)).toList();
    }

    private static String describe(List<OnnxNode> nodes) {
        StringBuilder text = new StringBuilder("optimised graph:");
        for (OnnxNode node : nodes) {
            text.append("\n  ").append(node.domain().isEmpty() ? "" : node.domain() + ".").append(node.opType())
                    .append(' ').append(node.attributes());
        }
        return text.toString();
    }

    /** The nodes of {@code ModelProto.graph} (field 7), in order. */
    private static List<OnnxNode> nodes(ByteBuffer model) {
        List<OnnxNode> nodes = new ArrayList<>();
        fields(model, (field, value) -> {
            if (field == 7) {
                fields(value, (graphField, graphValue) -> {
                    if (graphField == 1) {
                        nodes.add(node(graphValue));
                    }
                    return null;
                });
            }
            return null;
        });
        return nodes;
    }

    /** {@code NodeProto}: op_type 4, domain 7, attribute 5 (name 1, s 4). */
    private static OnnxNode node(ByteBuffer proto) {
        String[] typeAndDomain = {"", ""};
        Map<String, String> attributes = new TreeMap<>();
        fields(proto, (field, value) -> {
            switch (field) {
                case 4 -> typeAndDomain[0] = string(value);
                case 7 -> typeAndDomain[1] = string(value);
                case 5 -> {
                    String[] nameAndValue = {"", ""};
                    fields(value, (attributeField, attributeValue) -> {
                        if (attributeField == 1) {
                            nameAndValue[0] = string(attributeValue);
                        } else if (attributeField == 4) {
                            nameAndValue[1] = string(attributeValue);
                        }
                        return null;
                    });
                    attributes.put(nameAndValue[0], nameAndValue[1]);
                }
                default -> { }
            }
            return null;
        });
        return new OnnxNode(typeAndDomain[0], typeAndDomain[1], attributes);
    }

    /** Calls {@code visit} with every length-delimited field of a protobuf message; skips the others. */
    private static void fields(ByteBuffer message, BiFunction<Integer, ByteBuffer, Void> visit) {
        while (message.hasRemaining()) {
            long key = varint(message);
            int field = (int) (key >>> 3);
            switch ((int) (key & 7)) {
                case 0 -> varint(message);
                case 1 -> message.position(message.position() + 8);
                case 5 -> message.position(message.position() + 4);
                case 2 -> {
                    int length = (int) varint(message);
                    ByteBuffer value = message.slice(message.position(), length);
                    message.position(message.position() + length);
                    visit.apply(field, value);
                }
                default -> throw new IllegalArgumentException("unexpected protobuf wire type in field " + field);
            }
        }
    }

    private static long varint(ByteBuffer buffer) {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = buffer.get();
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
        }
    }

    private static String string(ByteBuffer value) {
        byte[] bytes = new byte[value.remaining()];
        value.duplicate().get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

package dev.webnn.backend.onnxruntime;

import dev.webnn.bindings.onnxruntime.OnnxRuntime;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One ONNX node attribute, turned into an {@code OrtOpAttr} when the node is created.
 *
 * @param name the ONNX attribute name
 * @param type the {@code OrtOpAttrType}
 * @param value a Long, long[], Float, float[], String or String[]
 */
record OrtAttribute(String name, int type, Object value) {

    static OrtAttribute integer(String name, long value) {
        return new OrtAttribute(name, OnnxRuntime.ORT_OP_ATTR_INT(), value);
    }

    static OrtAttribute integers(String name, long... values) {
        return new OrtAttribute(name, OnnxRuntime.ORT_OP_ATTR_INTS(), values.clone());
    }

    /**
     * Adds an integer-list attribute to {@code attributes} unless every element is ONNX's
     * default, which ordinary exports leave out.
     */
    static void addIntegersUnlessDefault(List<OrtAttribute> attributes, String name, long[] values, long defaultValue) {
        for (long value : values) {
            if (value != defaultValue) {
                attributes.add(integers(name, values));
                return;
            }
        }
    }

    static OrtAttribute real(String name, double value) {
        return new OrtAttribute(name, OnnxRuntime.ORT_OP_ATTR_FLOAT(), (float) value);
    }

    static OrtAttribute string(String name, String value) {
        return new OrtAttribute(name, OnnxRuntime.ORT_OP_ATTR_STRING(), value);
    }

    static OrtAttribute strings(String name, String... values) {
        return new OrtAttribute(name, OnnxRuntime.ORT_OP_ATTR_STRINGS(), values.clone());
    }

    /** The data pointer and length argument of {@code CreateOpAttr}, allocated in {@code arena}. */
    MemorySegment data(Arena arena) {
        return switch (value) {
            case Long v -> arena.allocateFrom(ValueLayout.JAVA_LONG, v);
            case long[] v -> arena.allocateFrom(ValueLayout.JAVA_LONG, v.length == 0 ? new long[1] : v);
            case Float v -> arena.allocateFrom(ValueLayout.JAVA_FLOAT, v);
            case String v -> arena.allocateFrom(ValueLayout.JAVA_BYTE, v.getBytes(StandardCharsets.UTF_8));
            case String[] v -> OrtRuntime.strings(arena, List.of(v));
            default -> throw new IllegalStateException("unsupported attribute value " + value);
        };
    }

    /**
     * The {@code len} argument of {@code CreateOpAttr}: elements for lists (strings for a
     * string list, given as an array of C strings), bytes for a string, else 1.
     */
    int length() {
        return switch (value) {
            case long[] v -> v.length;
            case String v -> v.getBytes(StandardCharsets.UTF_8).length;
            case String[] v -> v.length;
            default -> 1;
        };
    }
}

package dev.webnn.backend.onnxruntime;

import dev.webnn.MLOperandDataType;
import dev.webnn.bindings.onnxruntime.OnnxRuntime;

/** ONNX tensor element types of the WebNN data types, with ordinals read from the bindings. */
final class OnnxTypes {

    /** ONNX's bool, used around comparison and logical operators (WebNN uses uint8). */
    static final int BOOL = OnnxRuntime.ONNX_TENSOR_ELEMENT_DATA_TYPE_BOOL();
    /** ONNX's double, a carrier of exact compositions (e.g. uint64 pow, quantization). */
    static final int DOUBLE = OnnxRuntime.ONNX_TENSOR_ELEMENT_DATA_TYPE_DOUBLE();

    private OnnxTypes() {
    }

    /**
     * The ONNX element type of a WebNN data type.
     *
     * @param type the WebNN type
     * @return the {@code ONNXTensorElementDataType} value
     */
    static int of(MLOperandDataType type) {
        return switch (type) {
            case FLOAT32 -> OnnxRuntime.ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT();
            case FLOAT16 -> OnnxRuntime.ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT16();
            case INT32 -> OnnxRuntime.ONNX_TENSOR_ELEMENT_DATA_TYPE_INT32();
            case UINT32 -> OnnxRuntime.ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT32();
            case INT64 -> OnnxRuntime.ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64();
            case UINT64 -> OnnxRuntime.ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT64();
            case INT8 -> OnnxRuntime.ONNX_TENSOR_ELEMENT_DATA_TYPE_INT8();
            case UINT8 -> OnnxRuntime.ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT8();
            case INT4 -> OnnxRuntime.ONNX_TENSOR_ELEMENT_DATA_TYPE_INT4();
            case UINT4 -> OnnxRuntime.ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT4();
        };
    }
}

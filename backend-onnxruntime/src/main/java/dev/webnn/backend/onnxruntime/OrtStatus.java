package dev.webnn.backend.onnxruntime;

import static java.lang.foreign.MemorySegment.NULL;

import dev.webnn.MLNotSupportedError;
import dev.webnn.MLOperationError;
import dev.webnn.bindings.onnxruntime.OnnxRuntime;
import dev.webnn.bindings.onnxruntime.OrtApi;
import dev.webnn.spi.NativeStatusException;
import java.lang.foreign.MemorySegment;
import java.util.Map;

/** Converts ONNX Runtime's {@code OrtStatus*} results into WebNN exceptions. */
final class OrtStatus {

    private OrtStatus() {
    }

    /**
     * Throws if {@code status} is an error, after reading its code and message and
     * releasing it exactly once.
     *
     * @param api the {@code OrtApi} table
     * @param status what a C API call returned; {@code NULL} is success
     * @param action what was attempted, for the message
     * @throws MLNotSupportedError for {@code ORT_NOT_IMPLEMENTED}
     * @throws MLOperationError for every other error code; both with a
     *     {@link NativeStatusException} cause
     */
    static void check(MemorySegment api, MemorySegment status, String action) {
        if (status.equals(NULL)) {
            return;
        }
        int code;
        String message;
        try {
            code = OrtApi.GetErrorCode.invoke(OrtApi.GetErrorCode(api), status);
            message = OrtApi.GetErrorMessage.invoke(OrtApi.GetErrorMessage(api), status)
                    .reinterpret(Long.MAX_VALUE).getString(0);
        } finally {
            OrtApi.ReleaseStatus.invoke(OrtApi.ReleaseStatus(api), status);
        }
        String text = "ONNX Runtime could not " + action + ": " + message + " (" + codeName(code) + ")";
        NativeStatusException cause = new NativeStatusException("ONNX Runtime", codeName(code));
        if (code == OnnxRuntime.ORT_NOT_IMPLEMENTED()) {
            throw new MLNotSupportedError(text, cause);
        }
        throw new MLOperationError(text, cause);
    }

    /** Names of {@code OrtErrorCode} values, with ordinals read from the bindings. */
    private static final Map<Integer, String> CODE_NAMES = Map.ofEntries(
            Map.entry(OnnxRuntime.ORT_FAIL(), "ORT_FAIL"),
            Map.entry(OnnxRuntime.ORT_INVALID_ARGUMENT(), "ORT_INVALID_ARGUMENT"),
            Map.entry(OnnxRuntime.ORT_NO_SUCHFILE(), "ORT_NO_SUCHFILE"),
            Map.entry(OnnxRuntime.ORT_NO_MODEL(), "ORT_NO_MODEL"),
            Map.entry(OnnxRuntime.ORT_ENGINE_ERROR(), "ORT_ENGINE_ERROR"),
            Map.entry(OnnxRuntime.ORT_RUNTIME_EXCEPTION(), "ORT_RUNTIME_EXCEPTION"),
            Map.entry(OnnxRuntime.ORT_INVALID_PROTOBUF(), "ORT_INVALID_PROTOBUF"),
            Map.entry(OnnxRuntime.ORT_MODEL_LOADED(), "ORT_MODEL_LOADED"),
            Map.entry(OnnxRuntime.ORT_NOT_IMPLEMENTED(), "ORT_NOT_IMPLEMENTED"),
            Map.entry(OnnxRuntime.ORT_INVALID_GRAPH(), "ORT_INVALID_GRAPH"),
            Map.entry(OnnxRuntime.ORT_EP_FAIL(), "ORT_EP_FAIL"),
            Map.entry(OnnxRuntime.ORT_MODEL_LOAD_CANCELED(), "ORT_MODEL_LOAD_CANCELED"),
            Map.entry(OnnxRuntime.ORT_MODEL_REQUIRES_COMPILATION(), "ORT_MODEL_REQUIRES_COMPILATION"),
            Map.entry(OnnxRuntime.ORT_NOT_FOUND(), "ORT_NOT_FOUND"));

    private static String codeName(int code) {
        return CODE_NAMES.getOrDefault(code, "error code " + code);
    }
}

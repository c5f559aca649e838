package dev.webnn.backend.xnnpack;

import dev.webnn.MLNotSupportedError;
import dev.webnn.MLOperationError;
import dev.webnn.bindings.xnnpack.Xnnpack;
import dev.webnn.spi.NativeStatusException;
import java.util.Map;

/** Converts XNNPACK's {@code enum xnn_status} results into WebNN exceptions. */
final class XnnStatus {

    /** Names of {@code xnn_status} values, with ordinals read from the bindings. */
    private static final Map<Integer, String> NAMES = Map.of(
            Xnnpack.xnn_status_uninitialized(), "xnn_status_uninitialized",
            Xnnpack.xnn_status_invalid_parameter(), "xnn_status_invalid_parameter",
            Xnnpack.xnn_status_invalid_state(), "xnn_status_invalid_state",
            Xnnpack.xnn_status_unsupported_parameter(), "xnn_status_unsupported_parameter",
            Xnnpack.xnn_status_unsupported_hardware(), "xnn_status_unsupported_hardware",
            Xnnpack.xnn_status_out_of_memory(), "xnn_status_out_of_memory",
            Xnnpack.xnn_status_reallocation_required(), "xnn_status_reallocation_required",
            Xnnpack.xnn_status_deprecated(), "xnn_status_deprecated");

    private XnnStatus() {
    }

    /**
     * Throws unless {@code status} is {@code xnn_status_success}.
     *
     * @param status what an XNNPACK call returned
     * @param action what was attempted, for the message ("define a convolution")
     * @throws MLNotSupportedError for unsupported parameters or hardware
     * @throws MLOperationError for every other failure; both with a {@link NativeStatusException} cause
     */
    static void check(int status, String action) {
        if (status == Xnnpack.xnn_status_success()) {
            return;
        }
        String name = NAMES.getOrDefault(status, "status " + status);
        String text = "XNNPACK could not " + action + ": " + name;
        NativeStatusException cause = new NativeStatusException("XNNPACK", name);
        if (status == Xnnpack.xnn_status_unsupported_parameter() || status == Xnnpack.xnn_status_unsupported_hardware()) {
            throw new MLNotSupportedError(text, cause);
        }
        throw new MLOperationError(text, cause);
    }
}

package dev.webnn.backend.xnnpack;

import dev.webnn.MLNotSupportedError;
import dev.webnn.MLOperandDataType;
import dev.webnn.bindings.xnnpack.Xnnpack;
import java.util.EnumSet;
import java.util.Set;

/** XNNPACK data types of the WebNN types this backend runs, ordinals read from the bindings. */
final class XnnTypes {

    /** The WebNN data types the backend runs. */
    static final Set<MLOperandDataType> SUPPORTED = EnumSet.of(MLOperandDataType.FLOAT32);

    private XnnTypes() {
    }

    /**
     * The {@code xnn_datatype} of a WebNN type.
     *
     * @param type a supported type
     * @return the XNNPACK enum value
     * @throws MLNotSupportedError for types the backend does not run
     */
    static int of(MLOperandDataType type) {
        return switch (type) {
            case FLOAT32 -> Xnnpack.xnn_datatype_fp32();
            case FLOAT16 -> Xnnpack.xnn_datatype_fp16();
            default -> throw new MLNotSupportedError("the xnnpack backend does not run " + type + " tensors");
        };
    }
}

package dev.webnn.backend.xnnpack;

import dev.webnn.graph.Op;
import java.util.Map;

/** XNNPACK lowering of the convolution, pooling, resampling and normalization operators. */
final class XnnConvolutionLowering {

    private XnnConvolutionLowering() {
    }

    /** Adds this family's lowerings to the registry. */
    static void register(Map<Op, XnnOpLowering> map) {
    }
}

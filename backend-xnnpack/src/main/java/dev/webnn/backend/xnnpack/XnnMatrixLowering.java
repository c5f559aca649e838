package dev.webnn.backend.xnnpack;

import static java.lang.foreign.MemorySegment.NULL;

import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.bindings.xnnpack.Xnnpack;
import dev.webnn.graph.Node;
import dev.webnn.graph.Operand;
import dev.webnn.graph.Operation.Gemm;
import dev.webnn.graph.Operation.Matmul;
import dev.webnn.spi.ConstantDequantization;
import java.util.Optional;

/**
 * XNNPACK lowering of gemm (fully connected with a constant B) and matmul (fully connected
 * with constant weights, else batch matrix multiply with broadcasting); the reductions are
 * in {@link XnnReductionLowering}.
 *
 * <p>Weights may also be a {@code dequantizeLinear} of constants ({@link ConstantDequantization}).
 * When they are channelwise int8 per output column (or per tensor), the fully connected node
 * takes them as {@code qcint8} and its float32 input quantized to int8 per row at run time
 * (XNNPACK's dynamically quantized {@code qd8-f32-qc8w} kernels): the activations' rounding is
 * the only difference from the float reference. Other quantized weights are dequantized once,
 * at compile time.
 */
final class XnnMatrixLowering {

    private XnnMatrixLowering() {
    }

    /**
     * gemm = alpha * A' * B' + beta * C: a fully connected node when B is constant (with
     * alpha = 1, a 1-D or [1, N] constant C, times beta, is then its bias, and a following relu or clamp is fused),
     * else a batch matrix multiply of one batch; alpha is applied by a multiply node when not
     * 1, and any C not folded is added by a node.
     */
    static void gemm(Gemm op, Node node, XnnLowering lowering) {
        Operand b = op.b();
        boolean constantB = lowering.isStatic(b);
        double alpha = op.alpha();
        double beta = op.beta();
        MLOperandDataType type = node.output().descriptor().dataType();
        int input = lowering.logical(op.a());
        long[] inputShape = op.a().descriptor().shape();
        if (op.aTranspose()) {
            inputShape = new long[] {inputShape[1], inputShape[0]};
            int transposed = lowering.subgraph().internal(type, inputShape);
            lowering.transpose(input, new int[] {1, 0}, transposed);
            input = transposed;
        }
        Operand c = op.c().orElse(null);
        long n = node.output().descriptor().shape()[1];
        int bias = Xnnpack.XNN_INVALID_VALUE_ID();
        boolean biasFolded = false;
        if (constantB && alpha == 1 && c != null && beta != 0 && lowering.graph().isConstant(c) && c.descriptor().elementCount() == n
                && (c.descriptor().rank() <= 1 || c.descriptor().shape()[0] == 1)) {
            bias = scaledBias(lowering, c, beta, n);
            biasFolded = true;
        }
        boolean moreNodes = alpha != 1 || (c != null && beta != 0 && !biasFolded);
        XnnLowering.Fusion fusion = moreNodes || !constantB
                ? new XnnLowering.Fusion(node.output(), Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY)
                : lowering.fuseActivation(node);
        MLOperandDescriptor out = node.output().descriptor();
        int product = moreNodes ? lowering.subgraph().internal(out.dataType(), out.shape()) : lowering.define(fusion.output(), null);
        if (constantB) {
            // fully connected computes input * filter^T with filter [N, K]; without the flag B' must be [N, K]
            int flags = op.bTranspose() ? 0 : Xnnpack.XNN_FLAG_TRANSPOSE_WEIGHTS();
            int channelDim = op.bTranspose() ? 0 : 1;
            Optional<ConstantDequantization.Channelwise> quantized = lowering.channelwise(b, channelDim);
            int weights = quantized.map(q -> lowering.subgraph().channelwiseConstant(b.descriptor().shape(), channelDim,
                    q.data(), q.scales())).orElseGet(() -> lowering.stored(b, null));
            if (quantized.isPresent()) {
                input = lowering.dynamicallyQuantized(input, inputShape, 1);
            }
            XnnStatus.check(Xnnpack.xnn_define_fully_connected(lowering.subgraph().handle(), fusion.min(), fusion.max(),
                    input, weights, bias, product, flags), "define a gemm");
        } else {
            long[] as = op.a().descriptor().shape();
            long[] bs = b.descriptor().shape();
            long m = op.aTranspose() ? as[1] : as[0];
            batchOfOne(lowering, input, new long[] {m, op.aTranspose() ? as[0] : as[1]}, lowering.logical(b), bs,
                    op.bTranspose(), product, out);
        }
        if (!moreNodes) {
            return;
        }
        int result = product;
        if (alpha != 1) {
            int scaled = c != null && beta != 0 ? lowering.subgraph().internal(out.dataType(), out.shape())
                    : lowering.define(node.output(), null);
            int alphaValue = lowering.scalar(type, 0, alpha);
            XnnStatus.check(Xnnpack.xnn_define_binary(lowering.subgraph().handle(), Xnnpack.xnn_binary_multiply(), NULL,
                    result, alphaValue, scaled, 0), "define gemm's alpha");
            result = scaled;
        }
        if (c != null && beta != 0) {
            int cValue = lowering.logical(c);
            if (beta != 1) {
                MLOperandDescriptor cd = c.descriptor();
                int scaledC = lowering.subgraph().internal(cd.dataType(), cd.shape());
                XnnStatus.check(Xnnpack.xnn_define_binary(lowering.subgraph().handle(), Xnnpack.xnn_binary_multiply(), NULL,
                        cValue, lowering.scalar(type, 0, beta), scaledC, 0), "define gemm's beta");
                cValue = scaledC;
            }
            XnnStatus.check(Xnnpack.xnn_define_binary(lowering.subgraph().handle(), Xnnpack.xnn_binary_add(), NULL,
                    result, cValue, lowering.define(node.output(), null), 0), "define gemm's c");
        }
    }

    /**
     * {@code beta * c} for a constant c of N elements, each product computed in double and
     * rounded once to c's data type (as the one multiply of the spec's formula rounds).
     */
    private static int scaledBias(XnnLowering lowering, Operand c, double beta, long n) {
        double[] scaled = lowering.constantValues(c);
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] *= beta;
        }
        return lowering.constant(c.descriptor().dataType(), new long[] {n}, scaled);
    }

    /**
     * matmul. A constant b whose batch dimensions are all 1 (the weights of a linear layer)
     * is a fully connected node: XNNPACK packs the weights once and runs every row of a,
     * over all of a's batch dimensions, through one GEMM. Any other b is a batch matrix
     * multiply, which broadcasts the batch dimensions of the two operands (left-padding the
     * shorter with 1s, as WebNN does); two 2-D operands run as a batch of one.
     */
    static void matmul(Matmul op, Node node, XnnLowering lowering) {
        Operand a = op.a();
        Operand b = op.b();
        long[] as = a.descriptor().shape();
        long[] bs = b.descriptor().shape();
        MLOperandDescriptor out = node.output().descriptor();
        if (lowering.isStatic(b) && b.descriptor().elementCount() == bs[bs.length - 2] * bs[bs.length - 1]) {
            fullyConnected(a, b, node, lowering);
            return;
        }
        int left = lowering.logical(a);
        int right = lowering.logical(b);
        if (as.length >= 3 || bs.length >= 3) {
            XnnStatus.check(Xnnpack.xnn_define_batch_matrix_multiply(lowering.subgraph().handle(), left, right,
                    lowering.define(node.output(), null), 0), "define a matmul");
            return;
        }
        batchOfOne(lowering, left, as, right, bs, false, lowering.define(node.output(), null), out);
    }

    /**
     * {@code output = a × b} (b as [N, K] when {@code transposeB}) for 2-D values, as a batch
     * matrix multiply of one batch between reshapes.
     */
    private static void batchOfOne(XnnLowering lowering, int a, long[] as, int b, long[] bs, boolean transposeB, int output,
                                   MLOperandDescriptor out) {
        int left3 = reshaped(lowering, a, out.dataType(), new long[] {1, as[0], as[1]});
        int right3 = reshaped(lowering, b, out.dataType(), new long[] {1, bs[0], bs[1]});
        int out3 = lowering.subgraph().internal(out.dataType(), new long[] {1, out.shape()[0], out.shape()[1]});
        XnnStatus.check(Xnnpack.xnn_define_batch_matrix_multiply(lowering.subgraph().handle(), left3, right3, out3,
                transposeB ? Xnnpack.XNN_FLAG_TRANSPOSE_B() : 0), "define a matrix product");
        XnnStatus.check(Xnnpack.xnn_define_static_reshape(lowering.subgraph().handle(), out.rank(),
                lowering.subgraph().sizes(out.shape()), out3, output, 0), "define a reshape");
    }

    /**
     * {@code a × b} for a constant b of K × N elements (any leading 1s) as a fully connected
     * node with b as its [K, N] weights. An add of a per-column float32 constant after it
     * becomes the node's bias (the MatMul + Add of an exported linear layer, also across the
     * reshape an importer puts between them, see {@link XnnLowering#fuseBias}), and a relu or
     * clamp after that is fused into its bounds. When the result's shape differs from the
     * product's (b has more dimensions than a, or a fused reshape), a reshape follows.
     */
    private static void fullyConnected(Operand a, Operand b, Node node, XnnLowering lowering) {
        long[] bs = b.descriptor().shape();
        long n = bs[bs.length - 1];
        long[] weightShape = {bs[bs.length - 2], n};
        MLOperandDescriptor out = node.output().descriptor();
        Optional<ConstantDequantization.Channelwise> quantized = lowering.channelwise(b, bs.length - 1);
        int weights = quantized.map(q -> lowering.subgraph().channelwiseConstant(weightShape, 1, q.data(), q.scales()))
                .orElseGet(() -> lowering.subgraph().constant(out.dataType(), weightShape, lowering.staticData(b)));
        int input = quantized.isPresent() ? lowering.dynamicallyQuantized(lowering.logical(a), a.descriptor().shape(), 1)
                : lowering.logical(a);
        boolean sameRank = a.descriptor().rank() == out.rank();
        Optional<XnnLowering.FusedBias> bias = sameRank ? lowering.fuseBias(node, n) : Optional.empty();
        XnnLowering.Fusion fusion = sameRank ? lowering.fuseActivation(bias.map(XnnLowering.FusedBias::add).orElse(node))
                : new XnnLowering.Fusion(node.output(), Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY);
        boolean reshapeAfter = !sameRank || bias.map(XnnLowering.FusedBias::reshaped).orElse(false);
        long[] productShape = a.descriptor().shape().clone();
        productShape[productShape.length - 1] = n;
        int product = reshapeAfter ? lowering.subgraph().internal(out.dataType(), productShape)
                : lowering.define(fusion.output(), null);
        XnnStatus.check(Xnnpack.xnn_define_fully_connected(lowering.subgraph().handle(), fusion.min(), fusion.max(), input,
                weights, bias.map(XnnLowering.FusedBias::bias).orElse(Xnnpack.XNN_INVALID_VALUE_ID()), product,
                Xnnpack.XNN_FLAG_TRANSPOSE_WEIGHTS()), "define a matmul");
        if (reshapeAfter) {
            long[] resultShape = fusion.output().descriptor().shape();
            XnnStatus.check(Xnnpack.xnn_define_static_reshape(lowering.subgraph().handle(), resultShape.length,
                    lowering.subgraph().sizes(resultShape), product, lowering.define(fusion.output(), null), 0),
                    "define a reshape");
        }
    }

    private static int reshaped(XnnLowering lowering, int value, MLOperandDataType type, long[] shape) {
        int id = lowering.subgraph().internal(type, shape);
        XnnStatus.check(Xnnpack.xnn_define_static_reshape(lowering.subgraph().handle(), shape.length,
                lowering.subgraph().sizes(shape), value, id, 0), "define a reshape");
        return id;
    }
}

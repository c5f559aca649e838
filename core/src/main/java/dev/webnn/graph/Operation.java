package dev.webnn.graph;

import dev.webnn.MLConv2dFilterOperandLayout;
import dev.webnn.MLConvTranspose2dFilterOperandLayout;
import dev.webnn.MLGruWeightLayout;
import dev.webnn.MLInputOperandLayout;
import dev.webnn.MLInterpolationMode;
import dev.webnn.MLLstmWeightLayout;
import dev.webnn.MLNumber;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLPaddingMode;
import dev.webnn.MLRecurrentNetworkActivation;
import dev.webnn.MLRecurrentNetworkDirection;
import dev.webnn.MLRoundingType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One validated WebNN operation of a {@link Node}: the typed intermediate representation
 * that backends lower. There is one record per spec operation, or per family of operations
 * whose fields are identical (then a {@code Kind} enum tells them apart).
 *
 * <p>Every value is validated and explicit: optional options have their defaults filled in
 * (axes, strides, output sizes, activations, ...), numbers given as {@code MLNumber} or
 * {@code double} are already cast to the input's data type, and absent optional operands
 * are {@link Optional#empty()}. Array fields must not be modified.
 *
 * <p>A backend lowers with an exhaustive {@code switch} over this sealed type, so a new
 * operation is a compile error in every backend until it is handled.
 */
public sealed interface Operation {

    /**
     * The spec operation.
     *
     * @return the operation's entry in the catalogue of spec names
     */
    default Op op() {
        return switch (this) {
            case Family family -> Op.valueOf(family.kind().name());
            case Cast _ -> Op.CAST;
            case Clamp _ -> Op.CLAMP;
            case Where _ -> Op.WHERE;
            case Elu _ -> Op.ELU;
            case LeakyRelu _ -> Op.LEAKY_RELU;
            case HardSigmoid _ -> Op.HARD_SIGMOID;
            case Linear _ -> Op.LINEAR;
            case Softmax _ -> Op.SOFTMAX;
            case Prelu _ -> Op.PRELU;
            case Conv2d _ -> Op.CONV2D;
            case ConvTranspose2d _ -> Op.CONV_TRANSPOSE2D;
            case Resample2d _ -> Op.RESAMPLE2D;
            case BatchNormalization _ -> Op.BATCH_NORMALIZATION;
            case InstanceNormalization _ -> Op.INSTANCE_NORMALIZATION;
            case LayerNormalization _ -> Op.LAYER_NORMALIZATION;
            case Gemm _ -> Op.GEMM;
            case Matmul _ -> Op.MATMUL;
            case Triangular _ -> Op.TRIANGULAR;
            case Gru _ -> Op.GRU;
            case GruCell _ -> Op.GRU_CELL;
            case Lstm _ -> Op.LSTM;
            case LstmCell _ -> Op.LSTM_CELL;
            case CumulativeSum _ -> Op.CUMULATIVE_SUM;
            case Concat _ -> Op.CONCAT;
            case Expand _ -> Op.EXPAND;
            case Reshape _ -> Op.RESHAPE;
            case Pad _ -> Op.PAD;
            case Reverse _ -> Op.REVERSE;
            case Slice _ -> Op.SLICE;
            case Split _ -> Op.SPLIT;
            case Tile _ -> Op.TILE;
            case Transpose _ -> Op.TRANSPOSE;
            case GatherND _ -> Op.GATHER_ND;
            case ScatterElements _ -> Op.SCATTER_ELEMENTS;
            case ScatterND _ -> Op.SCATTER_ND;
        };
    }

    /**
     * An operation of a family of operations whose records have the same fields; the
     * family's {@code Kind} names the operation as {@link Op} does.
     */
    sealed interface Family extends Operation {

        /**
         * Which operation of the family this is.
         *
         * @return the kind, whose name is the {@link Op} constant's
         */
        Enum<?> kind();
    }

    /**
     * The operand inputs in the spec's argument order (absent optional operands left out).
     *
     * @return the inputs
     */
    default List<Operand> operands() {
        return OperationComponents.operands(this);
    }

    /**
     * The operand inputs under the spec's argument and option names, the role names of the
     * tensor-limits tables ({@code MLOpSupportLimits}); a list argument's operands are
     * {@code name[0]}, {@code name[1]}, ... Absent optional operands are left out.
     *
     * @return the inputs by role, in argument order
     */
    default Map<String, Operand> operandsByRole() {
        return OperationComponents.byRole(this);
    }

    /**
     * This operation with every operand input replaced, all other fields unchanged (used to
     * renumber operands when a graph is built or sliced).
     *
     * @param replace maps each input to its replacement
     * @return the operation on the replaced inputs
     */
    default Operation withOperands(UnaryOperator<Operand> replace) {
        return OperationComponents.withOperands(this, replace);
    }

    /**
     * Element-wise binary arithmetic with bidirectional broadcasting (spec: add, sub, mul, div, max, min, pow).
     *
     * @param kind which operation of the family
     * @param a the first operand
     * @param b the second operand
     */
    record Binary(Kind kind, Operand a, Operand b) implements Family {

        /** The operations of this family, named as in {@link Op}. */
        public enum Kind {
            /** add. */ ADD,
            /** sub. */ SUB,
            /** mul. */ MUL,
            /** div. */ DIV,
            /** max. */ MAX,
            /** min. */ MIN,
            /** pow. */ POW;
        }
    }

    /**
     * Element-wise comparison and binary logical operations with a uint8 result (spec: equal, notEqual, greater,
     * greaterOrEqual, lesser, lesserOrEqual, logicalAnd, logicalOr, logicalXor).
     *
     * @param kind which operation of the family
     * @param a the first operand
     * @param b the second operand
     */
    record LogicalBinary(Kind kind, Operand a, Operand b) implements Family {

        /** The operations of this family, named as in {@link Op}. */
        public enum Kind {
            /** equal. */ EQUAL,
            /** notEqual. */ NOT_EQUAL,
            /** greater. */ GREATER,
            /** greaterOrEqual. */ GREATER_OR_EQUAL,
            /** lesser. */ LESSER,
            /** lesserOrEqual. */ LESSER_OR_EQUAL,
            /** logicalAnd. */ LOGICAL_AND,
            /** logicalOr. */ LOGICAL_OR,
            /** logicalXor. */ LOGICAL_XOR;
        }
    }

    /**
     * Element-wise unary logical operations with a uint8 result (spec: logicalNot, isNaN, isInfinite).
     *
     * @param kind which operation of the family
     * @param a the operand
     */
    record LogicalUnary(Kind kind, Operand a) implements Family {

        /** The operations of this family, named as in {@link Op}. */
        public enum Kind {
            /** logicalNot. */ LOGICAL_NOT,
            /** isNaN. */ IS_NAN,
            /** isInfinite. */ IS_INFINITE;
        }
    }

    /**
     * Element-wise unary operations and activations without options; the output has the input's descriptor.
     *
     * @param kind which operation of the family
     * @param input the input
     */
    record Unary(Kind kind, Operand input) implements Family {

        /** The operations of this family, named as in {@link Op}. */
        public enum Kind {
            /** abs. */ ABS,
            /** ceil. */ CEIL,
            /** cos. */ COS,
            /** erf. */ ERF,
            /** exp. */ EXP,
            /** floor. */ FLOOR,
            /** identity. */ IDENTITY,
            /** log. */ LOG,
            /** neg. */ NEG,
            /** reciprocal. */ RECIPROCAL,
            /** roundEven. */ ROUND_EVEN,
            /** sign. */ SIGN,
            /** sin. */ SIN,
            /** sqrt. */ SQRT,
            /** tan. */ TAN,
            /** gelu. */ GELU,
            /** hardSwish. */ HARD_SWISH,
            /** relu. */ RELU,
            /** sigmoid. */ SIGMOID,
            /** softplus. */ SOFTPLUS,
            /** softsign. */ SOFTSIGN,
            /** tanh. */ TANH;
        }
    }

    /**
     * Two-dimensional pooling (spec: averagePool2d, l2Pool2d, maxPool2d).
     *
     * @param kind which operation of the family
     * @param input the input
     * @param windowDimensions window height and width
     * @param padding beginning height, ending height, beginning width, ending width
     * @param strides stride height and width
     * @param dilations dilation height and width
     * @param layout the input layout
     * @param outputShapeRounding the rounding of the output size
     * @param outputSizes the output height and width
     */
    record Pool2d(Kind kind, Operand input, long[] windowDimensions, long[] padding, long[] strides,
                  long[] dilations, MLInputOperandLayout layout, MLRoundingType outputShapeRounding,
                  long[] outputSizes) implements Family {

        /** The operations of this family, named as in {@link Op}. */
        public enum Kind {
            /** averagePool2d. */ AVERAGE_POOL2D,
            /** l2Pool2d. */ L2_POOL2D,
            /** maxPool2d. */ MAX_POOL2D;
        }
    }

    /**
     * Reductions over axes (spec: reduceL1, reduceL2, reduceLogSum, reduceLogSumExp, reduceMax, reduceMean,
     * reduceMin, reduceProduct, reduceSum, reduceSumSquare).
     *
     * @param kind which operation of the family
     * @param input the input
     * @param axes the reduced axes, explicit (every axis when none were given)
     * @param keepDimensions whether reduced dimensions stay with size 1
     */
    record Reduce(Kind kind, Operand input, int[] axes, boolean keepDimensions) implements Family {

        /** The operations of this family, named as in {@link Op}. */
        public enum Kind {
            /** reduceL1. */ REDUCE_L1,
            /** reduceL2. */ REDUCE_L2,
            /** reduceLogSum. */ REDUCE_LOG_SUM,
            /** reduceLogSumExp. */ REDUCE_LOG_SUM_EXP,
            /** reduceMax. */ REDUCE_MAX,
            /** reduceMean. */ REDUCE_MEAN,
            /** reduceMin. */ REDUCE_MIN,
            /** reduceProduct. */ REDUCE_PRODUCT,
            /** reduceSum. */ REDUCE_SUM,
            /** reduceSumSquare. */ REDUCE_SUM_SQUARE;
        }
    }

    /**
     * Index of the largest or smallest value along an axis (spec: argMax, argMin).
     *
     * @param kind which operation of the family
     * @param input the input
     * @param axis the reduced axis
     * @param keepDimensions whether the axis stays with size 1
     * @param outputDataType int32 or int64
     */
    record ArgMinMax(Kind kind, Operand input, int axis, boolean keepDimensions,
                     MLOperandDataType outputDataType) implements Family {

        /** The operations of this family, named as in {@link Op}. */
        public enum Kind {
            /** argMax. */ ARG_MAX,
            /** argMin. */ ARG_MIN;
        }
    }

    /**
     * Linear quantization and dequantization (spec: quantizeLinear, dequantizeLinear).
     *
     * @param kind which operation of the family
     * @param input the input
     * @param scale the scale, broadcast or blockwise over the input
     * @param zeroPoint the zero point, shaped like the scale
     */
    record Quantization(Kind kind, Operand input, Operand scale, Operand zeroPoint) implements Family {

        /** The operations of this family, named as in {@link Op}. */
        public enum Kind {
            /** quantizeLinear. */ QUANTIZE_LINEAR,
            /** dequantizeLinear. */ DEQUANTIZE_LINEAR;
        }
    }

    /**
     * Gathering along one axis (spec: gather, gatherElements).
     *
     * @param kind which operation of the family
     * @param input the input
     * @param indices the indices
     * @param axis the gathered axis
     */
    record Gather(Kind kind, Operand input, Operand indices, int axis) implements Family {

        /** The operations of this family, named as in {@link Op}. */
        public enum Kind {
            /** gather. */ GATHER,
            /** gatherElements. */ GATHER_ELEMENTS;
        }
    }

    /**
     * Conversion to another data type (spec: cast).
     *
     * @param input the input
     * @param dataType the target data type
     */
    record Cast(Operand input, MLOperandDataType dataType) implements Operation {
    }

    /**
     * Clamping to a range (spec: clamp).
     *
     * @param input the input
     * @param minValue the lower bound cast to the input's data type (-Infinity if absent)
     * @param maxValue the upper bound cast to the input's data type (+Infinity if absent)
     */
    record Clamp(Operand input, MLNumber minValue, MLNumber maxValue) implements Operation {
    }

    /**
     * Element-wise selection (spec: where).
     *
     * @param condition the uint8 condition
     * @param trueValue values where the condition is non-zero
     * @param falseValue values where it is zero
     */
    record Where(Operand condition, Operand trueValue, Operand falseValue) implements Operation {
    }

    /**
     * Exponential linear unit (spec: elu).
     *
     * @param input the input
     * @param alpha alpha cast to the input's data type
     */
    record Elu(Operand input, double alpha) implements Operation {
    }

    /**
     * Leaky rectified linear unit (spec: leakyRelu).
     *
     * @param input the input
     * @param alpha alpha cast to the input's data type
     */
    record LeakyRelu(Operand input, double alpha) implements Operation {
    }

    /**
     * Hard sigmoid, max(0, min(1, alpha * x + beta)) (spec: hardSigmoid).
     *
     * @param input the input
     * @param alpha alpha cast to the input's data type
     * @param beta beta cast to the input's data type
     */
    record HardSigmoid(Operand input, double alpha, double beta) implements Operation {
    }

    /**
     * alpha * x + beta (spec: linear).
     *
     * @param input the input
     * @param alpha alpha cast to the input's data type
     * @param beta beta cast to the input's data type
     */
    record Linear(Operand input, double alpha, double beta) implements Operation {
    }

    /**
     * Softmax along an axis (spec: softmax).
     *
     * @param input the input
     * @param axis the axis
     */
    record Softmax(Operand input, int axis) implements Operation {
    }

    /**
     * Parametric rectified linear unit (spec: prelu).
     *
     * @param input the input
     * @param slope the slope, broadcast to the input
     */
    record Prelu(Operand input, Operand slope) implements Operation {
    }

    /**
     * Two-dimensional convolution (spec: conv2d).
     *
     * @param input the input
     * @param filter the filter
     * @param bias the 1-D bias, if given
     * @param padding beginning height, ending height, beginning width, ending width
     * @param strides stride height and width
     * @param dilations dilation height and width
     * @param groups the number of groups
     * @param inputLayout the input layout
     * @param filterLayout the filter layout
     */
    record Conv2d(Operand input, Operand filter, Optional<Operand> bias, long[] padding, long[] strides,
                  long[] dilations, long groups, MLInputOperandLayout inputLayout,
                  MLConv2dFilterOperandLayout filterLayout) implements Operation {
    }

    /**
     * Two-dimensional transposed convolution (spec: convTranspose2d).
     *
     * @param input the input
     * @param filter the filter
     * @param bias the 1-D bias, if given
     * @param padding beginning height, ending height, beginning width, ending width
     * @param strides stride height and width
     * @param dilations dilation height and width
     * @param outputPadding the output padding, explicit (derived from outputSizes when those were given)
     * @param outputSizes the output height and width, explicit
     * @param groups the number of groups
     * @param inputLayout the input layout
     * @param filterLayout the filter layout
     */
    record ConvTranspose2d(Operand input, Operand filter, Optional<Operand> bias, long[] padding,
                           long[] strides, long[] dilations, long[] outputPadding, long[] outputSizes,
                           long groups, MLInputOperandLayout inputLayout,
                           MLConvTranspose2dFilterOperandLayout filterLayout) implements Operation {
    }

    /**
     * Two-dimensional resampling (spec: resample2d).
     *
     * @param input the input
     * @param mode the interpolation mode
     * @param scales the two scales, explicit (derived from sizes when those were given)
     * @param sizes the two output sizes, explicit
     * @param axes the two resampled axes
     */
    record Resample2d(Operand input, MLInterpolationMode mode, double[] scales, long[] sizes,
                      int[] axes) implements Operation {
    }

    /**
     * Batch normalization (spec: batchNormalization).
     *
     * @param input the input
     * @param mean the per-feature mean
     * @param variance the per-feature variance
     * @param scale the per-feature scale, if given
     * @param bias the per-feature bias, if given
     * @param axis the feature axis
     * @param epsilon added to the variance
     */
    record BatchNormalization(Operand input, Operand mean, Operand variance, Optional<Operand> scale,
                              Optional<Operand> bias, int axis, double epsilon) implements Operation {
    }

    /**
     * Instance normalization (spec: instanceNormalization).
     *
     * @param input the 4-D input
     * @param scale the per-channel scale, if given
     * @param bias the per-channel bias, if given
     * @param epsilon added to the variance
     * @param layout the input layout
     */
    record InstanceNormalization(Operand input, Optional<Operand> scale, Optional<Operand> bias,
                                 double epsilon, MLInputOperandLayout layout) implements Operation {
    }

    /**
     * Layer normalization (spec: layerNormalization).
     *
     * @param input the input
     * @param scale the scale over the axes, if given
     * @param bias the bias over the axes, if given
     * @param axes the normalized axes, explicit
     * @param epsilon added to the variance
     */
    record LayerNormalization(Operand input, Optional<Operand> scale, Optional<Operand> bias, int[] axes,
                              double epsilon) implements Operation {
    }

    /**
     * General matrix multiplication, alpha * A * B + beta * C (spec: gemm).
     *
     * @param a the 2-D A
     * @param b the 2-D B
     * @param c C, if given
     * @param alpha the product's factor
     * @param beta C's factor
     * @param aTranspose whether A is transposed
     * @param bTranspose whether B is transposed
     */
    record Gemm(Operand a, Operand b, Optional<Operand> c, double alpha, double beta, boolean aTranspose,
                boolean bTranspose) implements Operation {
    }

    /**
     * Matrix product with broadcast batch dimensions (spec: matmul).
     *
     * @param a the first operand
     * @param b the second operand
     */
    record Matmul(Operand a, Operand b) implements Operation {
    }

    /**
     * Upper or lower triangle of the innermost matrices (spec: triangular).
     *
     * @param input the input
     * @param upper whether the upper triangle is kept
     * @param diagonal the diagonal offset
     */
    record Triangular(Operand input, boolean upper, long diagonal) implements Operation {
    }

    /**
     * Gated recurrent unit network (spec: gru); two outputs when returnSequence, else one.
     *
     * @param input the input
     * @param weight the input weights
     * @param recurrentWeight the recurrent weights
     * @param bias the input bias, if given
     * @param recurrentBias the recurrent bias, if given
     * @param initialHiddenState the initial hidden state, if given
     * @param steps the number of time steps
     * @param hiddenSize the hidden size
     * @param resetAfter whether the reset gate applies after the matrix product
     * @param returnSequence whether every step's hidden state is returned
     * @param direction the direction
     * @param layout the gate order of the weights
     * @param activations the two activations, explicit
     */
    record Gru(Operand input, Operand weight, Operand recurrentWeight, Optional<Operand> bias,
               Optional<Operand> recurrentBias, Optional<Operand> initialHiddenState, long steps,
               long hiddenSize, boolean resetAfter, boolean returnSequence,
               MLRecurrentNetworkDirection direction, MLGruWeightLayout layout,
               List<MLRecurrentNetworkActivation> activations) implements Operation {
    }

    /**
     * One step of a gated recurrent unit (spec: gruCell).
     *
     * @param input the input
     * @param weight the input weights
     * @param recurrentWeight the recurrent weights
     * @param hiddenState the hidden state
     * @param bias the input bias, if given
     * @param recurrentBias the recurrent bias, if given
     * @param hiddenSize the hidden size
     * @param resetAfter whether the reset gate applies after the matrix product
     * @param layout the gate order of the weights
     * @param activations the two activations, explicit
     */
    record GruCell(Operand input, Operand weight, Operand recurrentWeight, Operand hiddenState,
                   Optional<Operand> bias, Optional<Operand> recurrentBias, long hiddenSize,
                   boolean resetAfter, MLGruWeightLayout layout,
                   List<MLRecurrentNetworkActivation> activations) implements Operation {
    }

    /**
     * Long short-term memory network (spec: lstm); three outputs when returnSequence, else two.
     *
     * @param input the input
     * @param weight the input weights
     * @param recurrentWeight the recurrent weights
     * @param bias the input bias, if given
     * @param recurrentBias the recurrent bias, if given
     * @param peepholeWeight the peephole weights, if given
     * @param initialHiddenState the initial hidden state, if given
     * @param initialCellState the initial cell state, if given
     * @param steps the number of time steps
     * @param hiddenSize the hidden size
     * @param returnSequence whether every step's hidden state is returned
     * @param direction the direction
     * @param layout the gate order of the weights
     * @param activations the three activations, explicit
     */
    record Lstm(Operand input, Operand weight, Operand recurrentWeight, Optional<Operand> bias,
                Optional<Operand> recurrentBias, Optional<Operand> peepholeWeight,
                Optional<Operand> initialHiddenState, Optional<Operand> initialCellState, long steps,
                long hiddenSize, boolean returnSequence, MLRecurrentNetworkDirection direction,
                MLLstmWeightLayout layout,
                List<MLRecurrentNetworkActivation> activations) implements Operation {
    }

    /**
     * One step of a long short-term memory (spec: lstmCell); outputs hidden and cell state.
     *
     * @param input the input
     * @param weight the input weights
     * @param recurrentWeight the recurrent weights
     * @param hiddenState the hidden state
     * @param cellState the cell state
     * @param bias the input bias, if given
     * @param recurrentBias the recurrent bias, if given
     * @param peepholeWeight the peephole weights, if given
     * @param hiddenSize the hidden size
     * @param layout the gate order of the weights
     * @param activations the three activations, explicit
     */
    record LstmCell(Operand input, Operand weight, Operand recurrentWeight, Operand hiddenState,
                    Operand cellState, Optional<Operand> bias, Optional<Operand> recurrentBias,
                    Optional<Operand> peepholeWeight, long hiddenSize, MLLstmWeightLayout layout,
                    List<MLRecurrentNetworkActivation> activations) implements Operation {
    }

    /**
     * Running sum along an axis (spec: cumulativeSum).
     *
     * @param input the input
     * @param axis the summed axis
     * @param exclusive whether each sum excludes its own element
     * @param reversed whether the sum runs backwards
     */
    record CumulativeSum(Operand input, int axis, boolean exclusive, boolean reversed) implements Operation {
    }

    /**
     * Concatenation along an axis (spec: concat).
     *
     * @param inputs the inputs, in order
     * @param axis the concatenation axis
     */
    record Concat(List<Operand> inputs, int axis) implements Operation {
    }

    /**
     * Broadcast to a new shape (spec: expand).
     *
     * @param input the input
     * @param newShape the broadcast output shape
     */
    record Expand(Operand input, long[] newShape) implements Operation {
    }

    /**
     * The same elements in a new shape (spec: reshape).
     *
     * @param input the input
     * @param newShape the output shape
     */
    record Reshape(Operand input, long[] newShape) implements Operation {
    }

    /**
     * Padding (spec: pad).
     *
     * @param input the input
     * @param beginningPadding padding before each dimension
     * @param endingPadding padding after each dimension
     * @param mode the padding mode
     * @param value the constant-mode value cast to the input's data type
     */
    record Pad(Operand input, long[] beginningPadding, long[] endingPadding, MLPaddingMode mode,
               MLNumber value) implements Operation {
    }

    /**
     * Reversal along axes (spec: reverse).
     *
     * @param input the input
     * @param axes the reversed axes, explicit
     */
    record Reverse(Operand input, int[] axes) implements Operation {
    }

    /**
     * A strided window (spec: slice).
     *
     * @param input the input
     * @param starts the first index per dimension
     * @param sizes the number of elements per dimension
     * @param strides the step per dimension, explicit
     */
    record Slice(Operand input, long[] starts, long[] sizes, long[] strides) implements Operation {
    }

    /**
     * Splitting along an axis (spec: split); one output per part.
     *
     * @param input the input
     * @param splits the size of every part, explicit
     * @param axis the split axis
     */
    record Split(Operand input, long[] splits, int axis) implements Operation {
    }

    /**
     * Repetition (spec: tile).
     *
     * @param input the input
     * @param repetitions the repetitions per dimension
     */
    record Tile(Operand input, long[] repetitions) implements Operation {
    }

    /**
     * Permutation of the dimensions (spec: transpose).
     *
     * @param input the input
     * @param permutation the permutation, explicit
     */
    record Transpose(Operand input, int[] permutation) implements Operation {
    }

    /**
     * Gathering of slices by coordinates (spec: gatherND).
     *
     * @param input the input
     * @param indices the coordinates
     */
    record GatherND(Operand input, Operand indices) implements Operation {
    }

    /**
     * Scattering along one axis (spec: scatterElements).
     *
     * @param input the input
     * @param indices the indices
     * @param updates the scattered values
     * @param axis the scattered axis
     */
    record ScatterElements(Operand input, Operand indices, Operand updates, int axis) implements Operation {
    }

    /**
     * Scattering of slices by coordinates (spec: scatterND).
     *
     * @param input the input
     * @param indices the coordinates
     * @param updates the scattered values
     */
    record ScatterND(Operand input, Operand indices, Operand updates) implements Operation {
    }
}

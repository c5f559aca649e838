package dev.webnn.backend.onnxruntime;

import dev.webnn.MLGruWeightLayout;
import dev.webnn.MLLstmWeightLayout;
import dev.webnn.MLNumber;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.MLRecurrentNetworkActivation;
import dev.webnn.MLRecurrentNetworkDirection;
import dev.webnn.graph.Node;
import dev.webnn.graph.Operand;
import dev.webnn.graph.Operation.Gru;
import dev.webnn.graph.Operation.GruCell;
import dev.webnn.graph.Operation.Lstm;
import dev.webnn.graph.Operation.LstmCell;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ONNX lowering of the recurrent operators: gru, gruCell, lstm and lstmCell.
 *
 * <p>Every operator is first brought to the sequence form of ONNX's GRU and LSTM: a cell is a
 * network of one step and one (forward) direction, its operands gaining a leading dimension
 * of 1 (Unsqueeze) and its results losing it (Squeeze). ONNX Runtime's CPU GRU and LSTM
 * compute in float32 only, so float16 operands are cast to float32 and the results back.
 *
 * <p>Then:
 * <ul>
 *   <li>gru and gruCell run as one ONNX GRU: WebNN's {@code resetAfter} is ONNX's
 *       {@code linear_before_reset}; layout "zrn" is ONNX's gate order {@code zrh}, "rzn"
 *       swaps the first two gate blocks of the weights and biases (Split + Concat); the bias
 *       input {@code B} is {@code [bias, recurrentBias]}, the missing one as zeros; the two
 *       activations are given per direction.</li>
 *   <li>lstm and lstmCell without peephole weights run as one ONNX LSTM the same way
 *       (layout "iofg" is ONNX's {@code iofc}; "ifgo" is reordered).</li>
 *   <li>with peephole weights they are composed step by step from Gemm, Split, Mul, Add and
 *       the activations, because ONNX's LSTM applies the output gate's peephole to the new
 *       cell state where WebNN applies it to the previous one.</li>
 * </ul>
 *
 * <p>Constant operands are prepared once, here: their float32 values in sequence form, gate
 * blocks in ONNX's order and the bias input {@code B} become initializers of their own, so that
 * no node reorders, casts or concatenates them per inference. Computed operands go through the
 * nodes (Cast, Unsqueeze, Split + Concat, Concat).
 */
final class OrtRecurrentLowering {

    /** The type of the computation: ONNX Runtime's CPU GRU and LSTM kernels take float32 and float64 only. */
    private static final MLOperandDataType COMPUTE = MLOperandDataType.FLOAT32;
    private static final ValueLayout.OfShort JAVA_SHORT_UNALIGNED = ValueLayout.JAVA_SHORT.withByteAlignment(1);
    private static final ValueLayout.OfFloat JAVA_FLOAT_UNALIGNED = ValueLayout.JAVA_FLOAT.withByteAlignment(1);

    private OrtRecurrentLowering() {
    }

    /** gru. */
    static void gru(Gru op, Node node, OrtLowering lowering) {
        lower(Network.of(node, lowering, Cell.GRU, false, op.direction(), gruOrder(op.layout()), op.hiddenSize(),
                new Inputs(op.input(), op.weight(), op.recurrentWeight(), op.bias(), op.recurrentBias(), Optional.empty(),
                        op.initialHiddenState(), Optional.empty(), op.activations(), op.returnSequence(),
                        op.resetAfter())));
    }

    /** gruCell. */
    static void gruCell(GruCell op, Node node, OrtLowering lowering) {
        lower(Network.of(node, lowering, Cell.GRU, true, MLRecurrentNetworkDirection.FORWARD, gruOrder(op.layout()),
                op.hiddenSize(), new Inputs(op.input(), op.weight(), op.recurrentWeight(), op.bias(), op.recurrentBias(),
                        Optional.empty(), Optional.of(op.hiddenState()), Optional.empty(), op.activations(), false,
                        op.resetAfter())));
    }

    /** lstm. */
    static void lstm(Lstm op, Node node, OrtLowering lowering) {
        lower(Network.of(node, lowering, Cell.LSTM, false, op.direction(), lstmOrder(op.layout()), op.hiddenSize(),
                new Inputs(op.input(), op.weight(), op.recurrentWeight(), op.bias(), op.recurrentBias(),
                        op.peepholeWeight(), op.initialHiddenState(), op.initialCellState(), op.activations(),
                        op.returnSequence(), false)));
    }

    /** lstmCell. */
    static void lstmCell(LstmCell op, Node node, OrtLowering lowering) {
        lower(Network.of(node, lowering, Cell.LSTM, true, MLRecurrentNetworkDirection.FORWARD, lstmOrder(op.layout()),
                op.hiddenSize(), new Inputs(op.input(), op.weight(), op.recurrentWeight(), op.bias(), op.recurrentBias(),
                        op.peepholeWeight(), Optional.of(op.hiddenState()), Optional.of(op.cellState()),
                        op.activations(), false, false)));
    }

    /** For each ONNX GRU gate (z, r, h), the index of its block in the WebNN layout. */
    private static int[] gruOrder(MLGruWeightLayout layout) {
        return switch (layout) {
            case ZRN -> new int[] {0, 1, 2};
            case RZN -> new int[] {1, 0, 2};
        };
    }

    /** For each ONNX LSTM gate (i, o, f, c), the index of its block in the WebNN layout. */
    private static int[] lstmOrder(MLLstmWeightLayout layout) {
        return switch (layout) {
            case IOFG -> new int[] {0, 1, 2, 3};
            case IFGO -> new int[] {0, 3, 1, 2};
        };
    }

    /**
     * The operands and options of the four recurrent operators in one form.
     *
     * @param input the input
     * @param weight the input weights
     * @param recurrentWeight the recurrent weights
     * @param bias the input bias
     * @param recurrentBias the recurrent bias
     * @param peepholeWeight the peephole weights (LSTM)
     * @param hiddenState the (initial) hidden state
     * @param cellState the (initial) cell state (LSTM)
     * @param activations the activations
     * @param returnSequence whether every step's hidden state is a result
     * @param resetAfter whether the GRU reset gate applies after the matrix product
     */
    private record Inputs(Operand input, Operand weight, Operand recurrentWeight, Optional<Operand> bias,
                          Optional<Operand> recurrentBias, Optional<Operand> peepholeWeight,
                          Optional<Operand> hiddenState, Optional<Operand> cellState,
                          List<MLRecurrentNetworkActivation> activations, boolean returnSequence, boolean resetAfter) {
    }

    /** The two kinds of recurrent cell. */
    private enum Cell {
        GRU(3, "GRU"),
        LSTM(4, "LSTM");

        /** Gate blocks in the weights. */
        final int gates;
        /** The ONNX operator. */
        final String onnx;

        Cell(int gates, String onnx) {
            this.gates = gates;
            this.onnx = onnx;
        }
    }

    /**
     * A recurrent operator in ONNX's sequence form, every operand float32.
     *
     * @param node the WebNN node
     * @param lowering the lowering
     * @param cell GRU or LSTM
     * @param single whether the node is a cell (one step, no direction dimension)
     * @param half whether the WebNN operands are float16
     * @param steps time steps
     * @param batch batch size
     * @param hidden hidden size
     * @param directions per direction index, whether it runs forward in time
     * @param order for each ONNX gate, the index of its block in the WebNN layout
     * @param inputs the node's operands and options
     * @param operands the node's operands in sequence form
     */
    private record Network(Node node, OrtLowering lowering, Cell cell, boolean single, boolean half, long steps,
                           long batch, long hidden, boolean[] directions, int[] order, Inputs inputs,
                           Operands operands) {

        static Network of(Node node, OrtLowering lowering, Cell cell, boolean single,
                          MLRecurrentNetworkDirection direction, int[] order, long hidden, Inputs inputs) {
            long[] inputShape = inputs.input().descriptor().shape();
            boolean half = inputs.input().descriptor().dataType() == MLOperandDataType.FLOAT16;
            boolean[] directions = switch (direction) {
                case FORWARD -> new boolean[] {true};
                case BACKWARD -> new boolean[] {false};
                case BOTH -> new boolean[] {true, false};
            };
            return new Network(node, lowering, cell, single, half, single ? 1 : inputShape[0],
                    inputShape[single ? 0 : 1], hidden, directions, order, inputs,
                    new Operands(lowering, single));
        }

        /** {@code [steps, batch, inputSize]}. */
        String input() {
            return operands.get(Optional.of(inputs.input()));
        }

        /** {@code [directions, gates * hidden, inputSize]}, WebNN layout. */
        String weight() {
            return operands.get(Optional.of(inputs.weight()));
        }

        /** {@code [directions, gates * hidden, hidden]}, WebNN layout. */
        String recurrentWeight() {
            return operands.get(Optional.of(inputs.recurrentWeight()));
        }

        /** {@code [directions, gates * hidden]}, WebNN layout, or null. */
        String bias() {
            return operands.get(inputs.bias());
        }

        /** {@code [directions, gates * hidden]}, WebNN layout, or null. */
        String recurrentBias() {
            return operands.get(inputs.recurrentBias());
        }

        /** {@code [directions, 3 * hidden]} (input, output, forget), or null. */
        String peephole() {
            return operands.get(inputs.peepholeWeight());
        }

        /** {@code [directions, batch, hidden]}, or null. */
        String hiddenState() {
            return operands.get(inputs.hiddenState());
        }

        /** {@code [directions, batch, hidden]} (LSTM), or null. */
        String cellState() {
            return operands.get(inputs.cellState());
        }

        /** A weight or bias operand with its gate blocks in ONNX's order, or null if absent. */
        String inOnnxOrder(Optional<Operand> operand) {
            return operands.inOnnxOrder(operand, order, hidden);
        }

        /** The model under construction. */
        OrtModelBuilder model() {
            return lowering.model();
        }

        /** The WebNN activations: 2 for GRU (gates, new gate), 3 for LSTM (gates, cell gate, cell state). */
        List<MLRecurrentNetworkActivation> activations() {
            return inputs.activations();
        }

        /** Whether the sequence of every step's hidden state is a result. */
        boolean returnsSequence() {
            return !single && inputs.returnSequence();
        }

        /** A float32 tensor of zeros. */
        String zeros(long... shape) {
            MLOperandDescriptor descriptor = MLOperandDescriptor.of(COMPUTE, shape);
            return model().constant(descriptor, MemorySegment.ofArray(new float[Math.toIntExact(descriptor.elementCount())]));
        }

        /**
         * Writes a result in sequence form to WebNN output {@code index}: squeezed to the
         * cell's rank and cast back to float16 as needed.
         */
        void emit(String result, int index) {
            OrtModelBuilder model = model();
            String target = lowering.name(node.outputs().get(index));
            if (single) {
                String squeezed = half ? model.temporary("squeezed") : target;
                model.node("Squeeze", List.of(result, model.int64s(0)), squeezed);
                result = squeezed;
            }
            if (half) {
                model.cast(result, OnnxTypes.of(MLOperandDataType.FLOAT16), target);
            } else if (!single) {
                model.node("Identity", List.of(result), target);
            }
        }
    }

    /**
     * The node's operands in sequence form, float32: a cell's gain a leading dimension of 1 and
     * float16 ones are widened. Constants are converted here into initializers of their own;
     * computed operands go through Unsqueeze and Cast nodes. Each role is prepared once, when
     * first asked for.
     */
    private static final class Operands {
        private final OrtLowering lowering;
        private final boolean single;
        private final Map<Integer, String> prepared = new HashMap<>();

        Operands(OrtLowering lowering, boolean single) {
            this.lowering = lowering;
            this.single = single;
        }

        /** Whether an operand is computed at inference time (neither absent nor a constant). */
        boolean computed(Optional<Operand> operand) {
            return operand.isPresent() && lowering.constantData(operand.get()).isEmpty();
        }

        /** The prepared value name of an operand, or null if it is absent. */
        String get(Optional<Operand> operand) {
            return operand.map(o -> prepared.computeIfAbsent(o.id(), id -> prepare(o))).orElse(null);
        }

        /**
         * The prepared value of a weight or bias role with its gate blocks along axis 1 in ONNX's
         * order: a constant reordered here, a computed value by Split and Concat nodes; null if
         * the operand is absent.
         *
         * @param operand the operand
         * @param order for each ONNX gate, the index of its block in the WebNN layout
         * @param hidden the hidden size, the rows of a gate block
         */
        String inOnnxOrder(Optional<Operand> operand, int[] order, long hidden) {
            if (operand.isEmpty() || isIdentity(order)) {
                return get(operand);
            }
            Operand present = operand.get();
            float[] values = constantValues(present);
            if (values != null) {
                return initializer(sequenceShape(present), reorder(values, order, sequenceShape(present)[0]));
            }
            OrtModelBuilder model = lowering.model();
            List<String> blocks = splitBlocks(model, get(operand), order.length, hidden);
            return concat(model, Arrays.stream(order).mapToObj(blocks::get).toList(), 1);
        }

        /**
         * The float32 values of a constant weight or bias role in ONNX's gate order, zeros when
         * the operand is absent.
         *
         * @param operand an operand that is not {@link #computed}
         * @param order for each ONNX gate, the index of its block in the WebNN layout
         * @param zeros how many zeros stand for an absent operand
         */
        float[] constantInOnnxOrder(Optional<Operand> operand, int[] order, int zeros) {
            return operand.map(o -> reorder(constantValues(o), order, sequenceShape(o)[0])).orElse(new float[zeros]);
        }

        private String prepare(Operand operand) {
            float[] values = constantValues(operand);
            if (values != null) {
                return initializer(sequenceShape(operand), values);
            }
            OrtModelBuilder model = lowering.model();
            String name = lowering.name(operand);
            if (operand.descriptor().dataType() != COMPUTE) {
                name = model.cast(name, OnnxTypes.of(COMPUTE));
            }
            if (single) {
                name = unsqueeze(model, name, 0);
            }
            return name;
        }

        /** The float32 values of a constant operand (float16 widened exactly), or null if it is computed. */
        private float[] constantValues(Operand operand) {
            return lowering.constantData(operand).map(data -> {
                float[] values = new float[Math.toIntExact(operand.descriptor().elementCount())];
                boolean half = operand.descriptor().dataType() == MLOperandDataType.FLOAT16;
                for (int i = 0; i < values.length; i++) {
                    values[i] = half ? Float.float16ToFloat(data.getAtIndex(JAVA_SHORT_UNALIGNED, i))
                            : data.getAtIndex(JAVA_FLOAT_UNALIGNED, i);
                }
                return values;
            }).orElse(null);
        }

        /** The shape of an operand in sequence form. */
        private long[] sequenceShape(Operand operand) {
            long[] shape = operand.descriptor().shape();
            if (!single) {
                return shape;
            }
            long[] sequence = new long[shape.length + 1];
            sequence[0] = 1;
            System.arraycopy(shape, 0, sequence, 1, shape.length);
            return sequence;
        }

        private String initializer(long[] shape, float[] values) {
            return lowering.model().constant(MLOperandDescriptor.of(COMPUTE, shape), MemorySegment.ofArray(values));
        }
    }

    /** Whether an order keeps every gate block in place. */
    private static boolean isIdentity(int[] order) {
        for (int i = 0; i < order.length; i++) {
            if (order[i] != i) {
                return false;
            }
        }
        return true;
    }

    /**
     * Values {@code [directions, blocks * size, ...]} with the blocks of each direction in
     * {@code order}: block {@code k} of the result is block {@code order[k]} of {@code values}.
     */
    private static float[] reorder(float[] values, int[] order, long directions) {
        int blocks = order.length;
        int block = Math.toIntExact(values.length / (directions * blocks));
        float[] result = new float[values.length];
        for (int d = 0; d < directions; d++) {
            for (int k = 0; k < blocks; k++) {
                System.arraycopy(values, (d * blocks + order[k]) * block, result, (d * blocks + k) * block, block);
            }
        }
        return result;
    }

    /** ONNX's GRU or LSTM where its formulas are WebNN's, else the step-by-step composition. */
    private static void lower(Network network) {
        if (network.inputs().peepholeWeight().isPresent()) {
            composeLstm(network);
        } else {
            onnxNetwork(network);
        }
    }

    /** One ONNX GRU or LSTM node. */
    private static void onnxNetwork(Network n) {
        OrtModelBuilder model = n.model();
        int directions = n.directions().length;
        String direction = directions == 2 ? "bidirectional" : n.directions()[0] ? "forward" : "reverse";
        String weight = n.inOnnxOrder(Optional.of(n.inputs().weight()));
        String recurrentWeight = n.inOnnxOrder(Optional.of(n.inputs().recurrentWeight()));
        String bias = onnxBias(n);
        String[] activations = new String[n.activations().size() * directions];
        for (int i = 0; i < activations.length; i++) {
            activations[i] = onnxActivation(n.activations().get(i % n.activations().size()));
        }
        List<String> inputs = new ArrayList<>(List.of(n.input(), weight, recurrentWeight, bias, "", orEmpty(n.hiddenState())));
        String sequence = model.temporary("Y");
        String lastHidden = model.temporary("Y_h");
        List<String> outputs = new ArrayList<>(List.of(n.returnsSequence() ? sequence : "", lastHidden));
        List<OrtAttribute> attributes = new ArrayList<>(List.of(
                OrtAttribute.integer("hidden_size", n.hidden()),
                OrtAttribute.string("direction", direction),
                OrtAttribute.strings("activations", activations)));
        String lastCell = model.temporary("Y_c");
        if (n.cell() == Cell.GRU) {
            attributes.add(OrtAttribute.integer("linear_before_reset", n.inputs().resetAfter() ? 1 : 0));
        } else {
            inputs.add(orEmpty(n.cellState()));
            outputs.add(lastCell);
        }
        model.node(n.cell().onnx, inputs, outputs, attributes.toArray(OrtAttribute[]::new));
        emitResults(n, lastHidden, lastCell, sequence);
    }

    /** WebNN's results: hidden state, then (LSTM) cell state, then the sequence if asked for. */
    private static void emitResults(Network n, String lastHidden, String lastCell, String sequence) {
        int index = 0;
        n.emit(lastHidden, index++);
        if (n.cell() == Cell.LSTM) {
            n.emit(lastCell, index++);
        }
        if (n.returnsSequence()) {
            n.emit(sequence, index);
        }
    }

    /**
     * ONNX's bias input {@code B}, {@code [directions, 2 * gates * hidden]}: per direction the
     * bias then the recurrent bias in ONNX's gate order, zeros for a missing one; {@code ""}
     * without biases. Computed here when no bias is computed at inference time.
     */
    private static String onnxBias(Network n) {
        Operands operands = n.operands();
        Optional<Operand> inputBias = n.inputs().bias();
        Optional<Operand> hiddenBias = n.inputs().recurrentBias();
        if (inputBias.isEmpty() && hiddenBias.isEmpty()) {
            return "";
        }
        int directions = n.directions().length;
        int size = Math.toIntExact(n.cell().gates * n.hidden());
        OrtModelBuilder model = n.model();
        if (operands.computed(inputBias) || operands.computed(hiddenBias)) {
            return concat(model, List.of(
                    inputBias.isPresent() ? n.inOnnxOrder(inputBias) : n.zeros(directions, size),
                    hiddenBias.isPresent() ? n.inOnnxOrder(hiddenBias) : n.zeros(directions, size)), 1);
        }
        float[] bias = operands.constantInOnnxOrder(inputBias, n.order(), directions * size);
        float[] recurrentBias = operands.constantInOnnxOrder(hiddenBias, n.order(), directions * size);
        float[] joined = new float[2 * directions * size];
        for (int d = 0; d < directions; d++) {
            System.arraycopy(bias, d * size, joined, 2 * d * size, size);
            System.arraycopy(recurrentBias, d * size, joined, (2 * d + 1) * size, size);
        }
        return model.constant(MLOperandDescriptor.of(COMPUTE, directions, 2L * size), MemorySegment.ofArray(joined));
    }

    /** Splits a value into {@code count} blocks of {@code size} along axis 1. */
    private static List<String> splitBlocks(OrtModelBuilder model, String value, int count, long size) {
        long[] sizes = new long[count];
        Arrays.fill(sizes, size);
        List<String> blocks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            blocks.add(model.temporary("block"));
        }
        model.node("Split", List.of(value, model.int64s(sizes)), blocks, OrtAttribute.integer("axis", 1));
        return blocks;
    }

    /**
     * An LSTM with peephole weights, step by step per WebNN's lstmCell: gates
     * {@code x·Wᵀ + b + h·Rᵀ + rb}, then {@code i = f0(gi + pi * c)}, {@code f = f0(gf + pf * c)},
     * {@code o = f0(go + po * c)} with the previous cell state {@code c}, {@code g = f1(gg)},
     * {@code c' = f * c + i * g}, {@code h' = o * f2(c')}.
     */
    private static void composeLstm(Network n) {
        OrtModelBuilder model = n.model();
        int directions = n.directions().length;
        List<String> lastHidden = new ArrayList<>();
        List<String> lastCell = new ArrayList<>();
        List<String> sequences = new ArrayList<>();
        for (int d = 0; d < directions; d++) {
            Direction direction = new Direction(n, d);
            String[] hiddenByTime = new String[Math.toIntExact(n.steps())];
            String h = direction.initial(n.hiddenState());
            String c = direction.initial(n.cellState());
            for (long step = 0; step < n.steps(); step++) {
                long time = n.directions()[d] ? step : n.steps() - 1 - step;
                String[] next = direction.step(gather(model, n.input(), time), h, c);
                h = next[0];
                c = next[1];
                hiddenByTime[(int) time] = h;
            }
            lastHidden.add(unsqueeze(model, h, 0));
            lastCell.add(unsqueeze(model, c, 0));
            if (n.returnsSequence()) {
                List<String> steps = Arrays.stream(hiddenByTime).map(s -> unsqueeze(model, s, 0, 1)).toList();
                sequences.add(concat(model, steps, 0));
            }
        }
        emitResults(n, concat(model, lastHidden, 0), concat(model, lastCell, 0),
                n.returnsSequence() ? concat(model, sequences, 1) : null);
    }

    /** The weights of one direction of a composed LSTM, and its steps. */
    private static final class Direction {
        private final Network n;
        private final int index;
        private final String weight;
        private final String recurrentWeight;
        private final String bias;
        private final List<String> peepholes;

        Direction(Network n, int index) {
            this.n = n;
            this.index = index;
            OrtModelBuilder model = n.model();
            this.weight = gather(model, n.weight(), index);
            this.recurrentWeight = gather(model, n.recurrentWeight(), index);
            String b = n.bias() == null ? null : gather(model, n.bias(), index);
            String rb = n.recurrentBias() == null ? null : gather(model, n.recurrentBias(), index);
            if (b != null && rb != null) {
                b = add(model, b, rb);
            }
            this.bias = b != null ? b : rb;
            String peephole = unsqueeze(model, gather(model, n.peephole(), index), 0);
            this.peepholes = splitBlocks(model, peephole, 3, n.hidden());
        }

        /** The initial state of this direction, zeros when not given. */
        String initial(String state) {
            return state == null ? n.zeros(n.batch(), n.hidden()) : gather(n.model(), state, index);
        }

        /** One time step: the new hidden and cell states. */
        String[] step(String x, String h, String c) {
            OrtModelBuilder model = n.model();
            List<String> inputGemm = new ArrayList<>(List.of(x, weight));
            if (bias != null) {
                inputGemm.add(bias);
            }
            OrtAttribute transposed = OrtAttribute.integer("transB", 1);
            String inputGates = model.intermediate("Gemm", inputGemm, transposed);
            String gates = model.intermediate("Gemm", List.of(h, recurrentWeight, inputGates), transposed);
            // WebNN block of each gate: layout iofg or ifgo; order maps ONNX i, o, f, c to it.
            List<String> blocks = splitBlocks(model, gates, 4, n.hidden());
            int[] order = n.order();
            List<MLRecurrentNetworkActivation> activations = n.activations();
            String i = activate(model, activations.get(0), add(model, blocks.get(order[0]), mul(model, peepholes.get(0), c)));
            String o = activate(model, activations.get(0), add(model, blocks.get(order[1]), mul(model, peepholes.get(1), c)));
            String f = activate(model, activations.get(0), add(model, blocks.get(order[2]), mul(model, peepholes.get(2), c)));
            String g = activate(model, activations.get(1), blocks.get(order[3]));
            String cell = add(model, mul(model, f, c), mul(model, i, g));
            String hidden = mul(model, o, activate(model, activations.get(2), cell));
            return new String[] {hidden, cell};
        }
    }

    private static String activate(OrtModelBuilder model, MLRecurrentNetworkActivation activation, String value) {
        return model.intermediate(onnxActivation(activation), List.of(value));
    }

    private static String add(OrtModelBuilder model, String a, String b) {
        return model.intermediate("Add", List.of(a, b));
    }

    private static String mul(OrtModelBuilder model, String a, String b) {
        return model.intermediate("Mul", List.of(a, b));
    }

    /** Entry {@code index} of axis 0, without that axis. */
    private static String gather(OrtModelBuilder model, String value, long index) {
        return model.intermediate("Gather",
                List.of(value, model.scalar(MLOperandDataType.INT64, MLNumber.of(index))), OrtAttribute.integer("axis", 0));
    }

    private static String unsqueeze(OrtModelBuilder model, String value, long... axes) {
        return model.intermediate("Unsqueeze", List.of(value, model.int64s(axes)));
    }

    /** The values joined along an axis; a single value as it is. */
    private static String concat(OrtModelBuilder model, List<String> values, long axis) {
        return values.size() == 1 ? values.get(0)
                : model.intermediate("Concat", values, OrtAttribute.integer("axis", axis));
    }

    private static String onnxActivation(MLRecurrentNetworkActivation activation) {
        return switch (activation) {
            case RELU -> "Relu";
            case SIGMOID -> "Sigmoid";
            case TANH -> "Tanh";
        };
    }

    private static String orEmpty(String name) {
        return name == null ? "" : name;
    }
}

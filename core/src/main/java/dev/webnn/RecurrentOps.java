package dev.webnn;

import static dev.webnn.MLRecurrentNetworkActivation.SIGMOID;
import static dev.webnn.MLRecurrentNetworkActivation.TANH;

import dev.webnn.graph.Op;
import dev.webnn.graph.Operation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Validation and shape inference of the recurrent operations (spec: gru, gruCell, lstm,
 * lstmCell).
 *
 * <p>The four algorithms share one pattern, implemented once here: the required operands'
 * data types and ranks, the input's sizes, the weights' shapes built from the number of
 * gates (3 for GRU, 4 for LSTM), the hidden size times twice the gates being a valid
 * dimension, then each optional operand's data type and shape, then the activations. The
 * sequence operations (gru, lstm) prefix every weight, bias and state shape with
 * {@code numDirections}; the cells have no prefix.
 */
final class RecurrentOps {

    /** Gates of a GRU: update, reset, new. */
    private static final int GRU_GATES = 3;
    /** Gates of an LSTM: input, output, forget, cell. */
    private static final int LSTM_GATES = 4;
    /** Peephole weights of an LSTM: input, output, forget gates. */
    private static final int LSTM_PEEPHOLES = 3;
    /** The spec's default GRU activations: update/reset gates, new gate. */
    private static final List<MLRecurrentNetworkActivation> GRU_ACTIVATIONS = List.of(SIGMOID, TANH);
    /** The spec's default LSTM activations: input/forget/output gates, cell gate, cell state filter. */
    private static final List<MLRecurrentNetworkActivation> LSTM_ACTIVATIONS = List.of(SIGMOID, TANH, TANH);

    private RecurrentOps() {
    }

    /**
     * The checked sizes of one recurrent operation.
     *
     * @param op the operation
     * @param label the user's label
     * @param input the input operand
     * @param prefix {@code [numDirections]} for gru and lstm, empty for the cells
     * @param batchSize the input's batch size
     * @param hiddenSize the hidden size
     */
    private record Sizes(Op op, String label, MLOperand input, long[] prefix, long batchSize, long hiddenSize) {

        /** {@code prefix + [count * hiddenSize]}: a bias or peephole weight shape. */
        long[] vector(int count) {
            return concat(prefix, count * hiddenSize);
        }

        /** {@code prefix + [batchSize, hiddenSize]}: a state shape. */
        long[] state() {
            return concat(prefix, batchSize, hiddenSize);
        }

        /** How a shape of this operation is spelled in the spec, e.g. "[numDirections, 3 * hiddenSize]". */
        String formula(String... dimensions) {
            List<String> names = new ArrayList<>();
            if (prefix.length == 1) {
                names.add("numDirections");
            }
            names.addAll(List.of(dimensions));
            return names.stream().collect(Collectors.joining(", ", "[", "]"));
        }

        /**
         * An optional operand's steps: its data type (against the tensor-limits table), then
         * its shape.
         */
        void optional(String role, MLOperand operand, long[] expected, String formula) {
            if (operand == null) {
                return;
            }
            Checks.inputLimits(op, label, Checks.roles("input", input, role, operand));
            expectShape(op, label, role, operand, expected, formula);
        }

        /** An optional state operand, shaped like {@link #state()}. */
        void optionalState(String role, MLOperand operand) {
            optional(role, operand, state(), formula("batchSize", "hiddenSize"));
        }
    }

    /** Spec: {@code gru(input, weight, recurrentWeight, steps, hiddenSize, options)}. */
    static List<MLOperand> gru(GraphRecorder recorder, MLOperand input, MLOperand weight, MLOperand recurrentWeight,
                               long steps, long hiddenSize, MLGruOptions options) {
        Op op = Op.GRU;
        String label = recorder.begin(op, options).label();
        WebIdl.unsignedLong(op, label, "steps", steps);
        WebIdl.unsignedLong(op, label, "hiddenSize", hiddenSize);
        MLOperand bias = options.bias().orElse(null);
        MLOperand recurrentBias = options.recurrentBias().orElse(null);
        MLOperand initialHiddenState = options.initialHiddenState().orElse(null);
        recorder.validateOperands(op, label, "input", input, "weight", weight, "recurrentWeight", recurrentWeight);
        recorder.validateOptionalOperands(op, label, "bias", bias, "recurrentBias", recurrentBias,
                "initialHiddenState", initialHiddenState);
        Sizes sizes = common(op, label, GRU_GATES, steps, hiddenSize, numDirections(options.direction()),
                Checks.roles("input", input, "weight", weight, "recurrentWeight", recurrentWeight));
        biases(sizes, GRU_GATES, bias, recurrentBias);
        sizes.optionalState("initialHiddenState", initialHiddenState);
        List<MLRecurrentNetworkActivation> activations = activations(op, label, options.activations(),
                GRU_ACTIVATIONS);
        List<MLOperandDescriptor> outputs = sequenceOutputs(sizes, steps, 1, options.returnSequence());
        Operation.Gru gru = new Operation.Gru(input.operand(), weight.operand(), recurrentWeight.operand(),
                MLOperand.optional(bias), MLOperand.optional(recurrentBias), MLOperand.optional(initialHiddenState), steps,
                hiddenSize, options.resetAfter(), options.returnSequence(), options.direction(), options.layout(),
                activations);
        return recorder.record(gru, label, outputs);
    }

    /** Spec: {@code gruCell(input, weight, recurrentWeight, hiddenState, hiddenSize, options)}. */
    static MLOperand gruCell(GraphRecorder recorder, MLOperand input, MLOperand weight, MLOperand recurrentWeight,
                             MLOperand hiddenState, long hiddenSize, MLGruCellOptions options) {
        Op op = Op.GRU_CELL;
        String label = recorder.begin(op, options).label();
        WebIdl.unsignedLong(op, label, "hiddenSize", hiddenSize);
        MLOperand bias = options.bias().orElse(null);
        MLOperand recurrentBias = options.recurrentBias().orElse(null);
        recorder.validateOperands(op, label, "input", input, "weight", weight, "recurrentWeight", recurrentWeight,
                "hiddenState", hiddenState);
        recorder.validateOptionalOperands(op, label, "bias", bias, "recurrentBias", recurrentBias);
        Sizes sizes = common(op, label, GRU_GATES, -1, hiddenSize, 0, Checks.roles("input", input,
                "weight", weight, "recurrentWeight", recurrentWeight, "hiddenState", hiddenState));
        biases(sizes, GRU_GATES, bias, recurrentBias);
        List<MLRecurrentNetworkActivation> activations = activations(op, label, options.activations(),
                GRU_ACTIVATIONS);
        Operation.GruCell cell = new Operation.GruCell(input.operand(), weight.operand(), recurrentWeight.operand(),
                hiddenState.operand(), MLOperand.optional(bias), MLOperand.optional(recurrentBias), hiddenSize,
                options.resetAfter(), options.layout(), activations);
        return recorder.record(cell, label, Checks.output(op, label, input.dataType(), sizes.state()));
    }

    /** Spec: {@code lstm(input, weight, recurrentWeight, steps, hiddenSize, options)}. */
    static List<MLOperand> lstm(GraphRecorder recorder, MLOperand input, MLOperand weight, MLOperand recurrentWeight,
                                long steps, long hiddenSize, MLLstmOptions options) {
        Op op = Op.LSTM;
        String label = recorder.begin(op, options).label();
        WebIdl.unsignedLong(op, label, "steps", steps);
        WebIdl.unsignedLong(op, label, "hiddenSize", hiddenSize);
        MLOperand bias = options.bias().orElse(null);
        MLOperand recurrentBias = options.recurrentBias().orElse(null);
        MLOperand peepholeWeight = options.peepholeWeight().orElse(null);
        MLOperand initialHiddenState = options.initialHiddenState().orElse(null);
        MLOperand initialCellState = options.initialCellState().orElse(null);
        recorder.validateOperands(op, label, "input", input, "weight", weight, "recurrentWeight", recurrentWeight);
        recorder.validateOptionalOperands(op, label, "bias", bias, "recurrentBias", recurrentBias, "peepholeWeight",
                peepholeWeight, "initialHiddenState", initialHiddenState, "initialCellState", initialCellState);
        Sizes sizes = common(op, label, LSTM_GATES, steps, hiddenSize, numDirections(options.direction()),
                Checks.roles("input", input, "weight", weight, "recurrentWeight", recurrentWeight));
        lstmOptionalOperands(sizes, bias, recurrentBias, peepholeWeight);
        sizes.optionalState("initialHiddenState", initialHiddenState);
        sizes.optionalState("initialCellState", initialCellState);
        List<MLRecurrentNetworkActivation> activations = activations(op, label, options.activations(),
                LSTM_ACTIVATIONS);
        List<MLOperandDescriptor> outputs = sequenceOutputs(sizes, steps, 2, options.returnSequence());
        Operation.Lstm lstm = new Operation.Lstm(input.operand(), weight.operand(), recurrentWeight.operand(),
                MLOperand.optional(bias), MLOperand.optional(recurrentBias), MLOperand.optional(peepholeWeight),
                MLOperand.optional(initialHiddenState), MLOperand.optional(initialCellState), steps, hiddenSize,
                options.returnSequence(), options.direction(), options.layout(), activations);
        return recorder.record(lstm, label, outputs);
    }

    /** Spec: {@code lstmCell(input, weight, recurrentWeight, hiddenState, cellState, hiddenSize, options)}. */
    static List<MLOperand> lstmCell(GraphRecorder recorder, MLOperand input, MLOperand weight,
                                    MLOperand recurrentWeight, MLOperand hiddenState, MLOperand cellState,
                                    long hiddenSize, MLLstmCellOptions options) {
        Op op = Op.LSTM_CELL;
        String label = recorder.begin(op, options).label();
        WebIdl.unsignedLong(op, label, "hiddenSize", hiddenSize);
        MLOperand bias = options.bias().orElse(null);
        MLOperand recurrentBias = options.recurrentBias().orElse(null);
        MLOperand peepholeWeight = options.peepholeWeight().orElse(null);
        recorder.validateOperands(op, label, "input", input, "weight", weight, "recurrentWeight", recurrentWeight,
                "hiddenState", hiddenState, "cellState", cellState);
        recorder.validateOptionalOperands(op, label, "bias", bias, "recurrentBias", recurrentBias, "peepholeWeight",
                peepholeWeight);
        Sizes sizes = common(op, label, LSTM_GATES, -1, hiddenSize, 0, Checks.roles("input", input,
                "weight", weight, "recurrentWeight", recurrentWeight, "hiddenState", hiddenState,
                "cellState", cellState));
        lstmOptionalOperands(sizes, bias, recurrentBias, peepholeWeight);
        List<MLRecurrentNetworkActivation> activations = activations(op, label, options.activations(),
                LSTM_ACTIVATIONS);
        MLOperandDescriptor state = Checks.output(op, label, input.dataType(), sizes.state());
        Operation.LstmCell cell = new Operation.LstmCell(input.operand(), weight.operand(), recurrentWeight.operand(),
                hiddenState.operand(), cellState.operand(), MLOperand.optional(bias), MLOperand.optional(recurrentBias),
                MLOperand.optional(peepholeWeight), hiddenSize, options.layout(), activations);
        return recorder.record(cell, label, List.of(state, state));
    }

    /**
     * The steps shared by the four algorithms after validating operands: data types and
     * ranks of the required operands, then (sequences) {@code steps}, then the weights' and
     * (cells) the states' shapes, then {@code hiddenSize * 2 * gates} being a valid dimension.
     *
     * @param op the operation
     * @param label the user's label
     * @param gates 3 (GRU) or 4 (LSTM)
     * @param steps the time steps, or -1 for a cell
     * @param hiddenSize the hidden size
     * @param numDirections 1 or 2 for a sequence, 0 for a cell
     * @param required input, weight, recurrentWeight, and for cells hiddenState (and cellState)
     * @return the sizes the optional operands and outputs are checked against
     */
    private static Sizes common(Op op, String label, int gates, long steps, long hiddenSize, int numDirections,
                                Map<String, MLOperand> required) {
        Checks.inputLimits(op, label, required);
        MLOperand input = required.get("input");
        long[] inputShape = input.shapeView();
        if (steps >= 0) {
            if (steps == 0) {
                throw Checks.typeError(op, label, "steps must be greater than 0");
            }
            if (inputShape[0] != steps) {
                throw Checks.typeError(op, label, "input shape[0] " + inputShape[0] + " does not equal steps "
                        + steps);
            }
        }
        long[] prefix = numDirections == 0 ? new long[0] : new long[] {numDirections};
        Sizes sizes = new Sizes(op, label, input, prefix, inputShape[inputShape.length - 2], hiddenSize);
        long inputSize = inputShape[inputShape.length - 1];
        String gateRows = gates + " * hiddenSize";
        expectShape(op, label, "weight", required.get("weight"), concat(prefix, gates * hiddenSize, inputSize),
                sizes.formula(gateRows, "inputSize"));
        expectShape(op, label, "recurrentWeight", required.get("recurrentWeight"),
                concat(prefix, gates * hiddenSize, hiddenSize), sizes.formula(gateRows, "hiddenSize"));
        for (String state : List.of("hiddenState", "cellState")) {
            MLOperand operand = required.get(state);
            if (operand != null) {
                expectShape(op, label, state, operand, sizes.state(), sizes.formula("batchSize", "hiddenSize"));
            }
        }
        long biases = hiddenSize * 2 * gates;
        if (biases < 1 || biases > Checks.MAX_DIMENSION) {
            throw Checks.typeError(op, label, "hiddenSize * " + 2 * gates + " = " + biases
                    + " is not a valid dimension (valid: 1 to " + Checks.MAX_DIMENSION + ")");
        }
        return sizes;
    }

    /** The optional bias and recurrentBias of all four operations, each {@code prefix + [gates * hiddenSize]}. */
    private static void biases(Sizes sizes, int gates, MLOperand bias, MLOperand recurrentBias) {
        String formula = sizes.formula(gates + " * hiddenSize");
        sizes.optional("bias", bias, sizes.vector(gates), formula);
        sizes.optional("recurrentBias", recurrentBias, sizes.vector(gates), formula);
    }

    /** The optional bias, recurrentBias and peepholeWeight of lstm and lstmCell, in the spec's order. */
    private static void lstmOptionalOperands(Sizes sizes, MLOperand bias, MLOperand recurrentBias,
                                             MLOperand peepholeWeight) {
        biases(sizes, LSTM_GATES, bias, recurrentBias);
        sizes.optional("peepholeWeight", peepholeWeight, sizes.vector(LSTM_PEEPHOLES),
                sizes.formula("3 * hiddenSize"));
    }

    /**
     * The output descriptors of gru and lstm: {@code stateOutputs} states shaped
     * {@code [numDirections, batchSize, hiddenSize]}, then, if {@code returnSequence}, the
     * sequence shaped {@code [steps, numDirections, batchSize, hiddenSize]}.
     */
    private static List<MLOperandDescriptor> sequenceOutputs(Sizes sizes, long steps, int stateOutputs,
                                                             boolean returnSequence) {
        MLOperandDataType type = sizes.input().dataType();
        MLOperandDescriptor state = Checks.output(sizes.op(), sizes.label(), type, sizes.state());
        List<MLOperandDescriptor> outputs = new ArrayList<>(Collections.nCopies(stateOutputs, state));
        if (returnSequence) {
            outputs.add(Checks.output(sizes.op(), sizes.label(), type, concat(new long[] {steps}, sizes.state())));
        }
        return outputs;
    }

    /** The given activations, whose count must be the defaults' count, or the defaults. */
    private static List<MLRecurrentNetworkActivation> activations(Op op, String label,
                                                                  Optional<List<MLRecurrentNetworkActivation>> given,
                                                                  List<MLRecurrentNetworkActivation> defaults) {
        if (given.isEmpty()) {
            return defaults;
        }
        List<MLRecurrentNetworkActivation> activations = given.get();
        if (activations.size() != defaults.size()) {
            throw Checks.typeError(op, label, "activations " + activations.stream()
                    .map(a -> a.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ", "[", "]"))
                    + " has " + activations.size() + " entries, expected " + defaults.size());
        }
        return List.copyOf(activations);
    }

    /** The number of directions a sequence is processed in: 2 for both, else 1. */
    private static int numDirections(MLRecurrentNetworkDirection direction) {
        return direction == MLRecurrentNetworkDirection.BOTH ? 2 : 1;
    }


    /** Throws unless the operand's shape equals {@code expected}. */
    private static void expectShape(Op op, String label, String role, MLOperand operand, long[] expected,
                                    String formula) {
        if (!Arrays.equals(operand.shapeView(), expected)) {
            throw Checks.typeError(op, label, role + " shape " + Arrays.toString(operand.shapeView())
                    + " does not equal " + formula + " = " + Arrays.toString(expected));
        }
    }

    private static long[] concat(long[] prefix, long... rest) {
        return LongStream.concat(Arrays.stream(prefix), Arrays.stream(rest)).toArray();
    }
}

package dev.webnn.onnx.convert;

import dev.webnn.MLGraphBuilder;
import dev.webnn.MLGruOptions;
import dev.webnn.MLGruWeightLayout;
import dev.webnn.MLLstmOptions;
import dev.webnn.MLLstmWeightLayout;
import dev.webnn.MLOperand;
import dev.webnn.MLRecurrentNetworkActivation;
import dev.webnn.MLRecurrentNetworkDirection;
import dev.webnn.MLTransposeOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * LSTM and GRU as WebNN's lstm and gru: ONNX's gate orders (iofc, zrh) are WebNN's iofg and
 * zrn layouts, its concatenated bias is split in two, batch-major layout 1 is transposed.
 * Refused: clip, input_forget, peepholes (WebNN applies the output gate's to the previous cell
 * state), per-batch sequence lengths, activations with parameters.
 */
final class RecurrentConverters {

    private RecurrentConverters() {
    }

    static void register(Registry registry) {
        registry.add("LSTM", List.of("lstm"), node -> recurrent(node, 4));
        registry.add("GRU", List.of("gru"), node -> recurrent(node, 3));
        registry.add("RNN", List.of("matmul", "add", "tanh", "concat"), RecurrentConverters::rnn);
    }

    /** The simple RNN, unrolled over its (static) steps: H = f(X·Wᵀ + H·Rᵀ + Wb + Rb). */
    private static void rnn(OnnxNode node) {
        MLGraphBuilder b = node.builder();
        if (node.hasAttribute("clip") || node.hasAttribute("activation_alpha") || node.hasAttribute("activation_beta")) {
            throw node.unsupported("clip or activation parameters");
        }
        boolean batchMajor = node.intAttribute("layout", 0) == 1;
        MLOperand x = node.operand(0);
        if (batchMajor) {
            x = b.transpose(x, MLTransposeOptions.defaults().withPermutation(1, 0, 2));
        }
        long[] shape = x.shape();
        long steps = shape[0];
        long batch = shape[1];
        long hidden = node.intAttribute("hidden_size", node.shape(1)[1]);
        if (node.has(4)) {
            for (long length : node.constant(4).longs()) {
                if (length != steps) {
                    throw node.unsupported("sequence_lens differ from the sequence length " + steps);
                }
            }
        }
        String direction = node.stringAttribute("direction", "forward");
        int directions = direction.equals("bidirectional") ? 2 : 1;
        List<MLRecurrentNetworkActivation> activations = activations(node, 1, directions);
        MLRecurrentNetworkActivation activation = activations == null ? MLRecurrentNetworkActivation.TANH
                : activations.getFirst();
        List<MLOperand> steps0 = b.split(x, steps);
        MLOperand[][] sequence = new MLOperand[(int) steps][directions];
        List<MLOperand> finals = new ArrayList<>();
        for (int d = 0; d < directions; d++) {
            boolean backward = direction.equals("reverse") || d == 1;
            MLOperand w = b.transpose(b.reshape(slice(b, node.operand(1, x.dataType()), d), hidden, shape[2]));
            MLOperand r = b.transpose(b.reshape(slice(b, node.operand(2, x.dataType()), d), hidden, hidden));
            MLOperand bias = null;
            if (node.has(3)) {
                MLOperand both = b.reshape(slice(b, node.operand(3, x.dataType()), d), 2, hidden);
                bias = b.reshape(b.reduceSum(both, dev.webnn.MLReduceOptions.defaults().withAxes(0)), 1, hidden);
            }
            MLOperand h = node.has(5) ? b.reshape(slice(b, stateInput(node, 5, batchMajor), d), batch, hidden)
                    : b.expand(b.constant(x.dataType(), 0), new long[] {batch, hidden});
            for (int i = 0; i < steps; i++) {
                int t = backward ? (int) steps - 1 - i : i;
                MLOperand sum = b.add(b.matmul(b.reshape(steps0.get(t), batch, shape[2]), w), b.matmul(h, r));
                if (bias != null) {
                    sum = b.add(sum, bias);
                }
                h = switch (activation) {
                    case TANH -> b.tanh(sum);
                    case SIGMOID -> b.sigmoid(sum);
                    case RELU -> b.relu(sum);
                };
                sequence[t][d] = b.reshape(h, 1, 1, batch, hidden);
            }
            finals.add(b.reshape(h, 1, batch, hidden));
        }
        MLOperand last = finals.size() == 1 ? finals.getFirst() : b.concat(finals, 0);
        node.output(1, stateOutput(node, b.identity(last), batchMajor));
        if (node.hasOutput(0)) {
            List<MLOperand> rows = new ArrayList<>();
            for (MLOperand[] step : sequence) {
                rows.add(directions == 1 ? step[0] : b.concat(List.of(step), 1));
            }
            MLOperand all = rows.size() == 1 ? b.identity(rows.getFirst()) : b.concat(rows, 0);
            node.output(0, sequenceOutput(node, all, batchMajor));
        }
    }

    /** Direction {@code d} of a per-direction tensor [directions, ...]. */
    private static MLOperand slice(MLGraphBuilder b, MLOperand value, int d) {
        long[] shape = value.shape();
        long[] starts = new long[shape.length];
        long[] sizes = shape.clone();
        starts[0] = d;
        sizes[0] = 1;
        return b.slice(value, starts, sizes);
    }

    private static void recurrent(OnnxNode node, int gates) {
        MLGraphBuilder b = node.builder();
        if (node.hasAttribute("clip")) {
            throw node.unsupported("clip");
        }
        if (gates == 4 && node.has(7)) {
            throw node.unsupported("peephole weights: ONNX applies the output gate's peephole to the new cell "
                    + "state, WebNN to the previous one");
        }
        if (node.intAttribute("input_forget", 0) != 0) {
            throw node.unsupported("input_forget = 1");
        }
        boolean batchMajor = node.intAttribute("layout", 0) == 1;
        MLOperand x = node.operand(0);
        if (batchMajor) {
            x = b.transpose(x, MLTransposeOptions.defaults().withPermutation(1, 0, 2));
        }
        long steps = x.shape()[0];
        long hidden = node.intAttribute("hidden_size", node.shape(1)[1] / gates);
        if (node.has(4)) {
            for (long length : node.constant(4).longs()) {
                if (length != steps) {
                    throw node.unsupported("sequence_lens differ from the sequence length " + steps);
                }
            }
        }
        MLRecurrentNetworkDirection direction = switch (node.stringAttribute("direction", "forward")) {
            case "forward" -> MLRecurrentNetworkDirection.FORWARD;
            case "reverse" -> MLRecurrentNetworkDirection.BACKWARD;
            case "bidirectional" -> MLRecurrentNetworkDirection.BOTH;
            default -> throw node.unsupported("direction '" + node.stringAttribute("direction", "") + "'");
        };
        long directions = direction == MLRecurrentNetworkDirection.BOTH ? 2 : 1;
        MLOperand weight = node.operand(1, x.dataType());
        MLOperand recurrentWeight = node.operand(2, x.dataType());
        MLOperand bias = null;
        MLOperand recurrentBias = null;
        if (node.has(3)) {
            MLOperand both = node.operand(3, x.dataType());
            long size = gates * hidden;
            bias = b.slice(both, new long[] {0, 0}, new long[] {directions, size});
            recurrentBias = b.slice(both, new long[] {0, size}, new long[] {directions, size});
        }
        MLOperand initialHidden = node.has(5) ? stateInput(node, 5, batchMajor) : null;
        List<MLRecurrentNetworkActivation> activations = activations(node, gates == 4 ? 3 : 2, directions);
        boolean sequence = node.hasOutput(0);
        List<MLOperand> results;
        if (gates == 4) {
            MLLstmOptions options = MLLstmOptions.defaults().withLabel(node.label()).withDirection(direction)
                    .withLayout(MLLstmWeightLayout.IOFG).withReturnSequence(sequence);
            options = bias == null ? options : options.withBias(bias).withRecurrentBias(recurrentBias);
            options = initialHidden == null ? options : options.withInitialHiddenState(initialHidden);
            options = node.has(6) ? options.withInitialCellState(stateInput(node, 6, batchMajor)) : options;
            options = activations == null ? options : options.withActivations(activations);
            results = b.lstm(x, weight, recurrentWeight, steps, hidden, options);
            node.output(1, stateOutput(node, results.get(0), batchMajor));
            node.output(2, stateOutput(node, results.get(1), batchMajor));
            if (sequence) {
                node.output(0, sequenceOutput(node, results.get(2), batchMajor));
            }
        } else {
            MLGruOptions options = MLGruOptions.defaults().withLabel(node.label()).withDirection(direction)
                    .withLayout(MLGruWeightLayout.ZRN).withReturnSequence(sequence)
                    .withResetAfter(node.intAttribute("linear_before_reset", 0) == 1);
            options = bias == null ? options : options.withBias(bias).withRecurrentBias(recurrentBias);
            options = initialHidden == null ? options : options.withInitialHiddenState(initialHidden);
            options = activations == null ? options : options.withActivations(activations);
            results = b.gru(x, weight, recurrentWeight, steps, hidden, options);
            node.output(1, stateOutput(node, results.get(0), batchMajor));
            if (sequence) {
                node.output(0, sequenceOutput(node, results.get(1), batchMajor));
            }
        }
    }

    private static MLOperand stateInput(OnnxNode node, int i, boolean batchMajor) {
        MLOperand state = node.operand(i, node.operand(0).dataType());
        return batchMajor ? node.builder().transpose(state, MLTransposeOptions.defaults().withPermutation(1, 0, 2)) : state;
    }

    private static MLOperand stateOutput(OnnxNode node, MLOperand state, boolean batchMajor) {
        return batchMajor ? node.builder().transpose(state, MLTransposeOptions.defaults().withPermutation(1, 0, 2)) : state;
    }

    /** WebNN's [steps, directions, batch, hidden]; ONNX layout 1 wants [batch, steps, directions, hidden]. */
    private static MLOperand sequenceOutput(OnnxNode node, MLOperand sequence, boolean batchMajor) {
        return batchMajor ? node.builder().transpose(sequence, MLTransposeOptions.defaults().withPermutation(2, 0, 1, 3))
                : sequence;
    }

    /** The activations of one direction (both directions must agree), or null for the defaults. */
    private static List<MLRecurrentNetworkActivation> activations(OnnxNode node, int count, long directions) {
        if (!node.hasAttribute("activations")) {
            return null;
        }
        if (node.hasAttribute("activation_alpha") || node.hasAttribute("activation_beta")) {
            throw node.unsupported("activation_alpha/activation_beta");
        }
        List<String> names = new ArrayList<>();
        for (var attribute : node.attributes()) {
            if (attribute.getName().equals("activations")) {
                attribute.getStringsList().forEach(s -> names.add(s.toStringUtf8()));
            }
        }
        if (names.size() != count * directions
                || (directions == 2 && !names.subList(0, count).equals(names.subList(count, 2 * count)))) {
            throw node.unsupported("activations " + names + " (WebNN uses one set for both directions)");
        }
        List<MLRecurrentNetworkActivation> result = new ArrayList<>();
        for (String name : names.subList(0, count)) {
            result.add(switch (name) {
                case "Sigmoid" -> MLRecurrentNetworkActivation.SIGMOID;
                case "Tanh" -> MLRecurrentNetworkActivation.TANH;
                case "Relu" -> MLRecurrentNetworkActivation.RELU;
                default -> throw node.unsupported("activation " + name);
            });
        }
        return result;
    }
}

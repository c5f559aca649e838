package dev.webnn.backend.onnxruntime;

import static dev.webnn.MLOperandDataType.FLOAT16;
import static dev.webnn.MLOperandDataType.FLOAT32;
import static dev.webnn.MLRecurrentNetworkActivation.RELU;
import static dev.webnn.MLRecurrentNetworkActivation.SIGMOID;
import static dev.webnn.MLRecurrentNetworkActivation.TANH;
import static dev.webnn.backend.onnxruntime.GraphRunner.shape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.MLGraphBuilder;
import dev.webnn.MLGruCellOptions;
import dev.webnn.MLGruOptions;
import dev.webnn.MLGruWeightLayout;
import dev.webnn.MLLstmCellOptions;
import dev.webnn.MLLstmOptions;
import dev.webnn.MLLstmWeightLayout;
import dev.webnn.MLOpSupportLimits;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLRecurrentNetworkActivation;
import dev.webnn.MLRecurrentNetworkDirection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * gru, gruCell, lstm and lstmCell on ONNX Runtime: hand-computed cases (ReLU activations keep
 * the arithmetic exact), then every layout, direction, bias, state and activation option
 * against a double-precision implementation of the spec's algorithms.
 */
class OrtRecurrentLoweringTest {

    private static final int STEPS = 3;
    private static final int BATCH = 2;
    private static final int INPUT = 3;
    private static final int HIDDEN = 2;

    private final GraphRunner g = new GraphRunner();
    private final MLGraphBuilder b = g.builder();
    private final Random random = new Random(42);

    @AfterEach
    void close() {
        g.close();
    }

    // ---- hand-computed cases ----

    @Test
    void gruCellWithZeroWeightsHalvesTheState() {
        // z = r = sigmoid(0) = 0.5, n = tanh(0) = 0: h' = 0.5 * h.
        MLOperand x = g.input("x", FLOAT32, shape(1, 1), 7);
        MLOperand w = g.constant(FLOAT32, shape(6, 1), new double[6]);
        MLOperand r = g.constant(FLOAT32, shape(6, 2), new double[12]);
        MLOperand h = g.input("h", FLOAT32, shape(1, 2), 2, -4);
        assertArrayEquals(new double[] {1, -2}, g.run(b.gruCell(x, w, r, h, 2)));
    }

    @Test
    void gruCellResetAfterAndLayoutByHand() {
        // x = 1, h = 2, activations relu: zrn weights [0.5, 2, 3], recurrent [0, 0, 1], recurrentBias n = 1.
        // z = 0.5, r = 2; resetAfter: n = 3 + r * (1 * 2 + 1) = 9, h' = 0.5 * 2 + 0.5 * 9 = 5.5;
        // reset before: n = 3 + 1 + (r * 2) * 1 = 8, h' = 1 + 4 = 5.
        MLOperand x = g.input("x", FLOAT32, shape(1, 1), 1);
        MLOperand h = g.input("h", FLOAT32, shape(1, 1), 2);
        MLOperand zrn = g.constant(FLOAT32, shape(3, 1), 0.5, 2, 3);
        MLOperand rzn = g.input("w", FLOAT32, shape(3, 1), 2, 0.5, 3);
        MLOperand recurrent = g.constant(FLOAT32, shape(3, 1), 0, 0, 1);
        MLOperand recurrentRzn = g.constant(FLOAT32, shape(3, 1), 0, 0, 1);
        MLOperand recurrentBias = g.constant(FLOAT32, shape(3), 0, 0, 1);
        MLGruCellOptions options = MLGruCellOptions.defaults().withRecurrentBias(recurrentBias).withActivations(RELU, RELU);
        List<double[]> out = g.run(List.of(
                b.gruCell(x, zrn, recurrent, h, 1, options),
                b.gruCell(x, zrn, recurrent, h, 1, options.withResetAfter(false)),
                b.gruCell(x, rzn, recurrentRzn, h, 1, options.withLayout(MLGruWeightLayout.RZN))));
        assertArrayEquals(new double[] {5.5}, out.get(0));
        assertArrayEquals(new double[] {5}, out.get(1));
        assertArrayEquals(new double[] {5.5}, out.get(2));
    }

    @Test
    void lstmCellByHandWithAndWithoutPeepholes() {
        // x = 1, h = 0, c = 2, relu activations, iofg weights [1, 2, 0.5, 3]:
        // i = 1, o = 2, f = 0.5, g = 3, c' = 0.5 * 2 + 1 * 3 = 4, h' = 2 * 4 = 8.
        // Peepholes (i, o, f) = 1 on the previous cell state 2: i = 3, o = 4, f = 2.5,
        // c' = 2.5 * 2 + 3 * 3 = 14, h' = 4 * 14 = 56.
        MLOperand x = g.input("x", FLOAT32, shape(1, 1), 1);
        MLOperand h = g.input("h", FLOAT32, shape(1, 1), 0);
        MLOperand c = g.input("c", FLOAT32, shape(1, 1), 2);
        MLOperand w = g.constant(FLOAT32, shape(4, 1), 1, 2, 0.5, 3);
        MLOperand ifgo = g.constant(FLOAT32, shape(4, 1), 1, 0.5, 3, 2);
        MLOperand r = g.constant(FLOAT32, shape(4, 1), 0, 0, 0, 0);
        MLOperand peephole = g.constant(FLOAT32, shape(3), 1, 1, 1);
        MLLstmCellOptions relu = MLLstmCellOptions.defaults().withActivations(RELU, RELU, RELU);
        List<MLOperand> plain = b.lstmCell(x, w, r, h, c, 1, relu);
        List<MLOperand> peep = b.lstmCell(x, w, r, h, c, 1, relu.withPeepholeWeight(peephole));
        List<MLOperand> reordered = b.lstmCell(x, ifgo, r, h, c, 1,
                relu.withPeepholeWeight(peephole).withLayout(MLLstmWeightLayout.IFGO));
        List<double[]> out = g.run(List.of(plain.get(0), plain.get(1), peep.get(0), peep.get(1),
                reordered.get(0), reordered.get(1)));
        assertArrayEquals(new double[] {8}, out.get(0));
        assertArrayEquals(new double[] {4}, out.get(1));
        assertArrayEquals(new double[] {56}, out.get(2));
        assertArrayEquals(new double[] {14}, out.get(3));
        assertArrayEquals(new double[] {56}, out.get(4));
        assertArrayEquals(new double[] {14}, out.get(5));
    }

    @Test
    void gruSequenceByHandInBothDirections() {
        // hidden 1, zero weights, relu new gate with bias n = 4, sigmoid gates z = 0.5:
        // h' = 0.5 * h + 2. Forward from 0: 2, 3, 3.5; backward the same values in reverse time.
        MLOperand input = g.input("x", FLOAT32, shape(3, 1, 1), 9, 9, 9);
        MLOperand w = g.constant(FLOAT32, shape(2, 3, 1), 0, 0, 0, 0, 0, 0);
        MLOperand r = g.constant(FLOAT32, shape(2, 3, 1), 0, 0, 0, 0, 0, 0);
        MLOperand bias = g.constant(FLOAT32, shape(2, 3), 0, 0, 4, 0, 0, 4);
        List<MLOperand> out = b.gru(input, w, r, 3, 1, MLGruOptions.defaults().withBias(bias).withReturnSequence(true)
                .withDirection(MLRecurrentNetworkDirection.BOTH).withActivations(SIGMOID, RELU));
        List<double[]> values = g.run(out);
        assertArrayEquals(new double[] {3.5, 3.5}, values.get(0));
        assertArrayEquals(new double[] {2, 3.5, 3, 3, 3.5, 2}, values.get(1));
    }

    // ---- against the reference ----

    static Stream<Arguments> gruCases() {
        List<Arguments> cases = new ArrayList<>();
        for (MLRecurrentNetworkDirection direction : MLRecurrentNetworkDirection.values()) {
            for (MLGruWeightLayout layout : MLGruWeightLayout.values()) {
                for (boolean resetAfter : new boolean[] {true, false}) {
                    cases.add(Arguments.of(FLOAT32, direction, layout, resetAfter, true, true, true, true,
                            List.of(SIGMOID, TANH)));
                }
            }
        }
        cases.add(Arguments.of(FLOAT32, MLRecurrentNetworkDirection.BOTH, MLGruWeightLayout.ZRN, true, false, false, false,
                false, List.of(SIGMOID, TANH)));
        cases.add(Arguments.of(FLOAT32, MLRecurrentNetworkDirection.FORWARD, MLGruWeightLayout.RZN, false, true, false, true,
                true, List.of(TANH, RELU)));
        cases.add(Arguments.of(FLOAT16, MLRecurrentNetworkDirection.BOTH, MLGruWeightLayout.RZN, true, true, true, true,
                false, List.of(SIGMOID, TANH)));
        cases.add(Arguments.of(FLOAT16, MLRecurrentNetworkDirection.BACKWARD, MLGruWeightLayout.ZRN, false, false, true, false,
                true, List.of(SIGMOID, RELU)));
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("gruCases")
    void gruMatchesTheSpec(MLOperandDataType type, MLRecurrentNetworkDirection direction, MLGruWeightLayout layout,
                           boolean resetAfter, boolean constants, boolean biases, boolean initialState,
                           boolean returnSequence, List<MLRecurrentNetworkActivation> activations) {
        int dirs = direction == MLRecurrentNetworkDirection.BOTH ? 2 : 1;
        Tensor input = random("input", STEPS, BATCH, INPUT);
        Tensor weight = random("weight", dirs, 3 * HIDDEN, INPUT);
        Tensor recurrentWeight = random("recurrentWeight", dirs, 3 * HIDDEN, HIDDEN);
        Tensor bias = biases ? random("bias", dirs, 3 * HIDDEN) : null;
        Tensor recurrentBias = random("recurrentBias", dirs, 3 * HIDDEN);
        Tensor state = initialState ? random("state", dirs, BATCH, HIDDEN) : null;
        MLGruOptions options = MLGruOptions.defaults().withDirection(direction).withLayout(layout)
                .withResetAfter(resetAfter).withReturnSequence(returnSequence).withActivations(activations)
                .withRecurrentBias(operand(recurrentBias, type, constants));
        if (bias != null) {
            options = options.withBias(operand(bias, type, constants));
        }
        if (state != null) {
            options = options.withInitialHiddenState(operand(state, type, false));
        }
        List<MLOperand> outputs = b.gru(operand(input, type, false), operand(weight, type, constants),
                operand(recurrentWeight, type, constants), STEPS, HIDDEN, options);
        Reference.Cell cell = (x, h, c, d) -> new double[][][] {Reference.gruCell(x, weight.at(d), recurrentWeight.at(d), h,
                bias == null ? null : bias.at(d), recurrentBias.at(d), resetAfter, layout, activations)};
        double[][] expected = Reference.sequence(input, state, null, dirs, direction, cell, returnSequence);
        assertClose(type, expected, g.run(outputs));
    }

    static Stream<Arguments> lstmCases() {
        List<Arguments> cases = new ArrayList<>();
        for (MLRecurrentNetworkDirection direction : MLRecurrentNetworkDirection.values()) {
            for (MLLstmWeightLayout layout : MLLstmWeightLayout.values()) {
                for (boolean peephole : new boolean[] {false, true}) {
                    cases.add(Arguments.of(FLOAT32, direction, layout, peephole, true, true, true, true,
                            List.of(SIGMOID, TANH, TANH)));
                }
            }
        }
        cases.add(Arguments.of(FLOAT32, MLRecurrentNetworkDirection.BOTH, MLLstmWeightLayout.IFGO, false, false, false, false,
                false, List.of(SIGMOID, RELU, TANH)));
        cases.add(Arguments.of(FLOAT32, MLRecurrentNetworkDirection.BACKWARD, MLLstmWeightLayout.IFGO, true, false, false, true,
                false, List.of(TANH, SIGMOID, RELU)));
        cases.add(Arguments.of(FLOAT16, MLRecurrentNetworkDirection.BOTH, MLLstmWeightLayout.IOFG, true, true, true, true,
                true, List.of(SIGMOID, TANH, TANH)));
        cases.add(Arguments.of(FLOAT16, MLRecurrentNetworkDirection.FORWARD, MLLstmWeightLayout.IFGO, false, false, true, false,
                false, List.of(SIGMOID, TANH, TANH)));
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("lstmCases")
    void lstmMatchesTheSpec(MLOperandDataType type, MLRecurrentNetworkDirection direction, MLLstmWeightLayout layout,
                            boolean peephole, boolean constants, boolean biases, boolean initialState,
                            boolean returnSequence, List<MLRecurrentNetworkActivation> activations) {
        int dirs = direction == MLRecurrentNetworkDirection.BOTH ? 2 : 1;
        Tensor input = random("input", STEPS, BATCH, INPUT);
        Tensor weight = random("weight", dirs, 4 * HIDDEN, INPUT);
        Tensor recurrentWeight = random("recurrentWeight", dirs, 4 * HIDDEN, HIDDEN);
        Tensor bias = random("bias", dirs, 4 * HIDDEN);
        Tensor recurrentBias = biases ? random("recurrentBias", dirs, 4 * HIDDEN) : null;
        Tensor peepholes = peephole ? random("peephole", dirs, 3 * HIDDEN) : null;
        Tensor hidden = initialState ? random("hidden", dirs, BATCH, HIDDEN) : null;
        Tensor cellState = initialState ? random("cell", dirs, BATCH, HIDDEN) : null;
        MLLstmOptions options = MLLstmOptions.defaults().withDirection(direction).withLayout(layout)
                .withReturnSequence(returnSequence).withActivations(activations).withBias(operand(bias, type, constants));
        if (recurrentBias != null) {
            options = options.withRecurrentBias(operand(recurrentBias, type, constants));
        }
        if (peepholes != null) {
            options = options.withPeepholeWeight(operand(peepholes, type, constants));
        }
        if (hidden != null) {
            options = options.withInitialHiddenState(operand(hidden, type, false))
                    .withInitialCellState(operand(cellState, type, constants));
        }
        List<MLOperand> outputs = b.lstm(operand(input, type, false), operand(weight, type, constants),
                operand(recurrentWeight, type, constants), STEPS, HIDDEN, options);
        Reference.Cell cell = (x, h, c, d) -> Reference.lstmCell(x, weight.at(d), recurrentWeight.at(d), h, c,
                bias.at(d), recurrentBias == null ? null : recurrentBias.at(d), peepholes == null ? null : peepholes.at(d),
                layout, activations);
        double[][] expected = Reference.sequence(input, hidden, cellState, dirs, direction, cell, returnSequence);
        assertClose(type, expected, g.run(outputs));
    }

    @ParameterizedTest
    @EnumSource(value = MLOperandDataType.class, names = {"FLOAT32", "FLOAT16"})
    void gruCellMatchesTheSpec(MLOperandDataType type) {
        Tensor x = random("x", BATCH, INPUT);
        Tensor h = random("h", BATCH, HIDDEN);
        MLOperand xOperand = operand(x, type, false);
        MLOperand hOperand = operand(h, type, false);
        List<MLOperand> outputs = new ArrayList<>();
        List<double[]> expected = new ArrayList<>();
        for (MLGruWeightLayout layout : MLGruWeightLayout.values()) {
            for (boolean resetAfter : new boolean[] {true, false}) {
                Tensor w = random("w", 3 * HIDDEN, INPUT);
                Tensor r = random("r", 3 * HIDDEN, HIDDEN);
                Tensor bias = random("b", 3 * HIDDEN);
                Tensor recurrentBias = resetAfter ? random("rb", 3 * HIDDEN) : null;
                MLGruCellOptions options = MLGruCellOptions.defaults().withLayout(layout).withResetAfter(resetAfter)
                        .withBias(operand(bias, type, resetAfter));
                if (recurrentBias != null) {
                    options = options.withRecurrentBias(operand(recurrentBias, type, true));
                }
                outputs.add(b.gruCell(xOperand, operand(w, type, layout == MLGruWeightLayout.ZRN),
                        operand(r, type, true), hOperand, HIDDEN, options));
                expected.add(flatten(Reference.gruCell(x.matrix(), w.matrix(), r.matrix(), h.matrix(), bias.values,
                        recurrentBias == null ? null : recurrentBias.values, resetAfter, layout, List.of(SIGMOID, TANH))));
            }
        }
        assertClose(type, expected.toArray(double[][]::new), g.run(outputs));
    }

    @ParameterizedTest
    @EnumSource(value = MLOperandDataType.class, names = {"FLOAT32", "FLOAT16"})
    void lstmCellMatchesTheSpec(MLOperandDataType type) {
        Tensor x = random("x", BATCH, INPUT);
        Tensor h = random("h", BATCH, HIDDEN);
        Tensor c = random("c", BATCH, HIDDEN);
        MLOperand xOperand = operand(x, type, false);
        MLOperand hOperand = operand(h, type, false);
        MLOperand cOperand = operand(c, type, false);
        List<MLOperand> outputs = new ArrayList<>();
        List<double[]> expected = new ArrayList<>();
        for (MLLstmWeightLayout layout : MLLstmWeightLayout.values()) {
            for (boolean peephole : new boolean[] {false, true}) {
                Tensor w = random("w", 4 * HIDDEN, INPUT);
                Tensor r = random("r", 4 * HIDDEN, HIDDEN);
                Tensor recurrentBias = random("rb", 4 * HIDDEN);
                Tensor peepholes = peephole ? random("p", 3 * HIDDEN) : null;
                MLLstmCellOptions options = MLLstmCellOptions.defaults().withLayout(layout)
                        .withRecurrentBias(operand(recurrentBias, type, peephole));
                if (peepholes != null) {
                    options = options.withPeepholeWeight(operand(peepholes, type, layout == MLLstmWeightLayout.IOFG));
                }
                outputs.addAll(b.lstmCell(xOperand, operand(w, type, true),
                        operand(r, type, layout == MLLstmWeightLayout.IFGO), hOperand, cOperand, HIDDEN, options));
                double[][][] result = Reference.lstmCell(x.matrix(), w.matrix(), r.matrix(), h.matrix(), c.matrix(), null,
                        recurrentBias.values, peepholes == null ? null : peepholes.values, layout, List.of(SIGMOID, TANH, TANH));
                expected.add(flatten(result[0]));
                expected.add(flatten(result[1]));
            }
        }
        assertClose(type, expected.toArray(double[][]::new), g.run(outputs));
    }

    @Test
    void limitsClaimFloat32AndFloat16ForEveryRecurrentOperator() {
        MLOpSupportLimits limits = g.context().opSupportLimits();
        for (String op : List.of("gru", "gruCell", "lstm", "lstmCell")) {
            assertEquals(Set.of(FLOAT32, FLOAT16), limits.operator(op).orElseThrow().get("input").dataTypes(), op);
        }
    }

    // ---- helpers ----

    /** Random values in [-1, 1] that float16 represents, so both types see the same numbers. */
    private Tensor random(String name, int... shape) {
        int count = 1;
        for (int dim : shape) {
            count *= dim;
        }
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = Float.float16ToFloat(Float.floatToFloat16((float) (random.nextDouble() * 2 - 1)));
        }
        return new Tensor(name + count + "_" + random.nextInt(1_000_000), shape, values);
    }

    private MLOperand operand(Tensor tensor, MLOperandDataType type, boolean constant) {
        long[] dims = Arrays.stream(tensor.shape).asLongStream().toArray();
        return constant ? g.constant(type, dims, tensor.values) : g.input(tensor.name, type, dims, tensor.values);
    }

    private static double[] flatten(double[][] matrix) {
        return Arrays.stream(matrix).flatMapToDouble(Arrays::stream).toArray();
    }

    private static void assertClose(MLOperandDataType type, double[][] expected, List<double[]> actual) {
        double tolerance = type == FLOAT16 ? 4e-3 : 2e-5;
        assertEquals(expected.length, actual.size());
        for (int o = 0; o < expected.length; o++) {
            assertEquals(expected[o].length, actual.get(o).length, "output " + o);
            for (int i = 0; i < expected[o].length; i++) {
                double e = expected[o][i];
                double a = actual.get(o)[i];
                assertTrue(Math.abs(e - a) <= tolerance * Math.max(1, Math.abs(e)),
                        "output " + o + " element " + i + ": expected " + e + ", got " + a);
            }
        }
    }

    /** Test data of a shape, row-major. */
    private record Tensor(String name, int[] shape, double[] values) {

        /** A 2-D tensor as rows. */
        double[][] matrix() {
            return slab(0, shape[0], shape[1]);
        }

        /** Entry {@code d} of the first axis: a vector or a matrix. */
        Object at(int d) {
            int inner = values.length / shape[0];
            if (shape.length == 2) {
                return Arrays.copyOfRange(values, d * inner, (d + 1) * inner);
            }
            return slab(d * inner, shape[1], shape[2]);
        }

        private double[][] slab(int offset, int rows, int columns) {
            double[][] m = new double[rows][columns];
            for (int i = 0; i < rows; i++) {
                System.arraycopy(values, offset + i * columns, m[i], 0, columns);
            }
            return m;
        }
    }

    /** The spec's gruCell, lstmCell, gru and lstm algorithms in double precision. */
    private static final class Reference {

        /** One step of one direction: new hidden state (and cell state for LSTM). */
        interface Cell {
            double[][][] step(double[][] x, double[][] h, double[][] c, int direction);
        }

        static double activation(MLRecurrentNetworkActivation activation, double v) {
            return switch (activation) {
                case RELU -> Math.max(0, v);
                case SIGMOID -> 1 / (1 + Math.exp(-v));
                case TANH -> Math.tanh(v);
            };
        }

        /** {@code x · W[rows of gate]ᵀ} for a gate block of {@code hidden} rows starting at {@code start}. */
        static double[][] gate(double[][] x, Object weightObject, int start, int hidden) {
            double[][] w = (double[][]) weightObject;
            double[][] out = new double[x.length][hidden];
            for (int bi = 0; bi < x.length; bi++) {
                for (int j = 0; j < hidden; j++) {
                    double sum = 0;
                    for (int k = 0; k < x[bi].length; k++) {
                        sum += x[bi][k] * w[start + j][k];
                    }
                    out[bi][j] = sum;
                }
            }
            return out;
        }

        static double vector(Object v, int index) {
            return v == null ? 0 : ((double[]) v)[index];
        }

        static double[][] gruCell(double[][] x, Object w, Object r, double[][] h, Object bias, Object recurrentBias,
                                  boolean resetAfter, MLGruWeightLayout layout, List<MLRecurrentNetworkActivation> act) {
            int hidden = h[0].length;
            int z = layout == MLGruWeightLayout.ZRN ? 0 : hidden;
            int rs = layout == MLGruWeightLayout.ZRN ? hidden : 0;
            int n = 2 * hidden;
            double[][] xz = gate(x, w, z, hidden);
            double[][] hz = gate(h, r, z, hidden);
            double[][] xr = gate(x, w, rs, hidden);
            double[][] hr = gate(h, r, rs, hidden);
            double[][] xn = gate(x, w, n, hidden);
            double[][] out = new double[h.length][hidden];
            double[][] reset = new double[h.length][hidden];
            double[][] update = new double[h.length][hidden];
            for (int bi = 0; bi < h.length; bi++) {
                for (int j = 0; j < hidden; j++) {
                    update[bi][j] = activation(act.get(0), vector(bias, z + j) + vector(recurrentBias, z + j) + xz[bi][j] + hz[bi][j]);
                    reset[bi][j] = activation(act.get(0), vector(bias, rs + j) + vector(recurrentBias, rs + j) + xr[bi][j] + hr[bi][j]);
                }
            }
            double[][] hn;
            if (resetAfter) {
                hn = gate(h, r, n, hidden);
            } else {
                double[][] rh = new double[h.length][hidden];
                for (int bi = 0; bi < h.length; bi++) {
                    for (int j = 0; j < hidden; j++) {
                        rh[bi][j] = reset[bi][j] * h[bi][j];
                    }
                }
                hn = gate(rh, r, n, hidden);
            }
            for (int bi = 0; bi < h.length; bi++) {
                for (int j = 0; j < hidden; j++) {
                    double newGate = resetAfter
                            ? vector(bias, n + j) + xn[bi][j] + reset[bi][j] * (vector(recurrentBias, n + j) + hn[bi][j])
                            : vector(bias, n + j) + vector(recurrentBias, n + j) + xn[bi][j] + hn[bi][j];
                    double nv = activation(act.get(1), newGate);
                    out[bi][j] = update[bi][j] * h[bi][j] + nv * (1 - update[bi][j]);
                }
            }
            return out;
        }

        static double[][][] lstmCell(double[][] x, Object w, Object r, double[][] h, double[][] c, Object bias,
                                     Object recurrentBias, Object peephole, MLLstmWeightLayout layout,
                                     List<MLRecurrentNetworkActivation> act) {
            int hidden = h[0].length;
            boolean iofg = layout == MLLstmWeightLayout.IOFG;
            int i0 = 0;
            int o0 = iofg ? hidden : 3 * hidden;
            int f0 = iofg ? 2 * hidden : hidden;
            int g0 = iofg ? 3 * hidden : 2 * hidden;
            double[][] newH = new double[h.length][hidden];
            double[][] newC = new double[h.length][hidden];
            double[][][] xs = {gate(x, w, i0, hidden), gate(x, w, o0, hidden), gate(x, w, f0, hidden), gate(x, w, g0, hidden)};
            double[][][] hs = {gate(h, r, i0, hidden), gate(h, r, o0, hidden), gate(h, r, f0, hidden), gate(h, r, g0, hidden)};
            int[] starts = {i0, o0, f0, g0};
            for (int bi = 0; bi < h.length; bi++) {
                for (int j = 0; j < hidden; j++) {
                    double[] pre = new double[4];
                    for (int k = 0; k < 4; k++) {
                        pre[k] = vector(bias, starts[k] + j) + vector(recurrentBias, starts[k] + j) + xs[k][bi][j] + hs[k][bi][j];
                    }
                    // Peepholes i, o, f on the previous cell state.
                    double in = activation(act.get(0), pre[0] + c[bi][j] * vector(peephole, j));
                    double out = activation(act.get(0), pre[1] + c[bi][j] * vector(peephole, hidden + j));
                    double forget = activation(act.get(0), pre[2] + c[bi][j] * vector(peephole, 2 * hidden + j));
                    double cellGate = activation(act.get(1), pre[3]);
                    newC[bi][j] = forget * c[bi][j] + in * cellGate;
                    newH[bi][j] = out * activation(act.get(2), newC[bi][j]);
                }
            }
            return new double[][][] {newH, newC};
        }

        /**
         * The spec's gru/lstm loop: per direction, steps forward or backward, collecting the last
         * hidden (and cell) state and the sequence. Results in WebNN output order, flattened.
         */
        static double[][] sequence(Tensor input, Tensor hidden, Tensor cellState, int dirs,
                                   MLRecurrentNetworkDirection direction, Cell cell, boolean returnSequence) {
            int steps = input.shape[0];
            int batch = input.shape[1];
            double[][][] lastH = new double[dirs][][];
            double[][][] lastC = new double[dirs][][];
            double[][][][] seq = new double[steps][dirs][][];
            boolean lstm = false;
            for (int d = 0; d < dirs; d++) {
                double[][] h = hidden == null ? null : (double[][]) hidden.at(d);
                double[][] c = cellState == null ? null : (double[][]) cellState.at(d);
                boolean forward = direction == MLRecurrentNetworkDirection.FORWARD || (direction == MLRecurrentNetworkDirection.BOTH && d == 0);
                for (int step = 0; step < steps; step++) {
                    int t = forward ? step : steps - 1 - step;
                    double[][] x = (double[][]) input.at(t);
                    if (h == null) {
                        h = new double[batch][HIDDEN];
                    }
                    if (c == null) {
                        c = new double[batch][h[0].length];
                    }
                    double[][][] result = cell.step(x, h, c, d);
                    h = result[0];
                    if (result.length > 1) {
                        lstm = true;
                        c = result[1];
                    }
                    seq[t][d] = h;
                }
                lastH[d] = h;
                lastC[d] = c;
            }
            List<double[]> outputs = new ArrayList<>();
            outputs.add(Stream.of(lastH).flatMapToDouble(m -> Stream.of(m).flatMapToDouble(Arrays::stream)).toArray());
            if (lstm) {
                outputs.add(Stream.of(lastC).flatMapToDouble(m -> Stream.of(m).flatMapToDouble(Arrays::stream)).toArray());
            }
            if (returnSequence) {
                outputs.add(Stream.of(seq).flatMap(Stream::of).flatMapToDouble(m -> Stream.of(m).flatMapToDouble(Arrays::stream))
                        .toArray());
            }
            return outputs.toArray(double[][]::new);
        }
    }
}

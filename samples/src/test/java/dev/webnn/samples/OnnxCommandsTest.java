package dev.webnn.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.io.Npy;
import dev.webnn.io.NpyArray;
import dev.webnn.samples.bench.InputPattern;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code inspect} and {@code run} on ONNX files of ONNX's own node tests (fetched into the
 * webnn cache by the onnx module's build): Relu, whose result is checked element by element,
 * and an Add with a broadcast.
 */
class OnnxCommandsTest {

    @TempDir
    Path temp;

    @Test
    void inspectPrintsInputsOutputsOperatorsAndPerBackendVerdicts() {
        Path model = Samples.nodeTest("test_relu");
        Samples.Result result = Samples.run("inspect", model.toString());
        assertEquals(0, result.exitCode(), result.err());
        String out = result.out();
        assertTrue(out.contains("(opset "), out);
        assertTrue(out.contains("inputs:\n  x: float[3, 4, 5]"), out);
        assertTrue(out.contains("plan on the default context (xnnpack,onnxruntime): 1 partition\n  xnnpack: 2 operations, inputs [x], outputs [y]"),
                out);
        assertTrue(out.contains("outputs:\n  y: float[3, 4, 5]"), out);
        assertTrue(out.matches("(?s).*operators: 1 nodes, 1 types\n  Relu +1\n.*"), out);
        assertTrue(out.contains("backend xnnpack: runs all 1 nodes"), out);
        assertTrue(out.contains("backend onnxruntime: runs all 1 nodes"), out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xnnpack", "onnxruntime"})
    void runFeedsTheNpyInputAndWritesTheOutput(String backend) {
        Path model = Samples.nodeTest("test_relu");
        float[] x = new float[60];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 7) - 3.5f;
        }
        Path input = temp.resolve("x.npy");
        Npy.write(input, MLOperandDescriptor.of(MLOperandDataType.FLOAT32, 3, 4, 5), MemorySegment.ofArray(x));
        Samples.Result result = Samples.run("run", model.toString(), "--input", "x=" + input, "--output-dir",
                temp.resolve("out").toString(), "--backend", backend, "--runs", "3", "--threads", "1");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("output y: float32[3, 4, 5] -> "), result.out());
        assertTrue(result.out().contains("latency: median "), result.out());
        assertTrue(result.out().contains("backend: " + backend + ", 1 thread"), result.out());
        try (Arena arena = Arena.ofConfined()) {
            NpyArray y = Npy.read(temp.resolve("out").resolve("y.npy"), arena);
            assertArrayEquals(new long[] {3, 4, 5}, y.descriptor().shape());
            float[] values = y.data().toArray(ValueLayout.JAVA_FLOAT);
            for (int i = 0; i < x.length; i++) {
                assertEquals(Math.max(x[i], 0f), values[i], "element " + i);
            }
        }
    }

    @Test
    void runFillsMissingInputsWithThePatternAndSaysSo() {
        Path model = Samples.nodeTest("test_add_bcast");
        Samples.Result result = Samples.run("run", model.toString(), "--runs", "1");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("input x: float32[3, 4, 5], not given: filled with " + InputPattern.DESCRIPTION),
                result.out());
        assertTrue(result.out().contains("input y: float32[5], not given: filled with"), result.out());
        assertTrue(result.out().contains("output sum: float32[3, 4, 5]"), result.out());
    }

    @Test
    void badInputsAreOneLineErrors() {
        Path model = Samples.nodeTest("test_relu");
        ClassifyCommandTest.assertOneLineError(Samples.run("run", model.toString(), "--input", "nope=" + model),
                "--input nope: the model has no input of that name; its inputs are [x]");
        ClassifyCommandTest.assertOneLineError(Samples.run("run", model.toString(), "--dim", "batch=2"),
                "no dimension named 'batch'");
        ClassifyCommandTest.assertOneLineError(Samples.run("inspect", temp.resolve("missing.onnx").toString()),
                "missing.onnx does not exist");
    }

    @Test
    void outputNamesBecomeSafeFileNames() {
        assertEquals("sigmoid_0.tmp_0", RunCommand.fileName("sigmoid_0.tmp_0"));
        assertEquals("a_b_c", RunCommand.fileName("a/b:c"));
        assertEquals("_..", RunCommand.fileName(".."));
    }
}

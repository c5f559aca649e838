package dev.webnn.onnx.models;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.webnn.MLContext;
import dev.webnn.MLGraph;
import dev.webnn.MLOperandDataType;
import dev.webnn.onnx.OnnxImportOptions;
import dev.webnn.onnx.OnnxModel;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The float32 outputs of one model run, by output name: computed through WebNN or by ONNX
 * Runtime's own Java API (the reference), and compared as max |diff| ≤ 1e-4 × max |reference|.
 *
 * @param values each output's elements
 * @param shapes each output's dimensions
 */
record Outputs(Map<String, float[]> values, Map<String, long[]> shapes) {

    /** The relative bound of the real-model tests: max |diff| ≤ this × max |reference|. */
    static final double RELATIVE_BOUND = 1e-4;

    /**
     * Imports, compiles and computes a model on a context.
     *
     * @param context the context
     * @param model the model
     * @param options its fixed dimensions
     * @param inputs one per graph input, by name
     * @return the outputs
     */
    static Outputs webnn(MLContext context, OnnxModel model, OnnxImportOptions options, Map<String, ModelInput> inputs) {
        try (Arena arena = Arena.ofConfined(); MLGraph graph = model.compile(context, options)) {
            Map<String, MemorySegment> in = new LinkedHashMap<>();
            inputs.forEach((name, input) -> in.put(name, input.data()));
            Map<String, MemorySegment> out = new LinkedHashMap<>();
            graph.outputDescriptors().forEach((name, descriptor) -> out.put(name, arena.allocate(descriptor.byteLength())));
            context.compute(graph, in, out);
            Map<String, float[]> values = new LinkedHashMap<>();
            Map<String, long[]> shapes = new LinkedHashMap<>();
            graph.outputDescriptors().forEach((name, descriptor) -> {
                if (descriptor.dataType() != MLOperandDataType.FLOAT32) {
                    throw new IllegalStateException("output " + name + " is " + descriptor + ", not float32");
                }
                values.put(name, out.get(name).toArray(ValueLayout.JAVA_FLOAT));
                shapes.put(name, descriptor.shape());
            });
            return new Outputs(values, shapes);
        }
    }

    /**
     * Runs a model file with ONNX Runtime's Java API.
     *
     * @param file the model
     * @param inputs one per graph input, by name
     * @return the outputs
     * @throws OrtException if ONNX Runtime fails
     */
    static Outputs onnxRuntime(Path file, Map<String, ModelInput> inputs) throws OrtException {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        Map<String, OnnxTensor> tensors = new LinkedHashMap<>();
        try (OrtSession session = environment.createSession(file.toString(), new OrtSession.SessionOptions())) {
            for (Map.Entry<String, ModelInput> input : inputs.entrySet()) {
                tensors.put(input.getKey(), input.getValue().toOrt(environment));
            }
            try (OrtSession.Result result = session.run(tensors)) {
                Map<String, float[]> values = new LinkedHashMap<>();
                Map<String, long[]> shapes = new LinkedHashMap<>();
                for (Map.Entry<String, OnnxValue> output : result) {
                    OnnxTensor tensor = (OnnxTensor) output.getValue();
                    FloatBuffer buffer = tensor.getFloatBuffer();
                    float[] elements = new float[buffer.remaining()];
                    buffer.get(elements);
                    values.put(output.getKey(), elements);
                    shapes.put(output.getKey(), tensor.getInfo().getShape());
                }
                return new Outputs(values, shapes);
            }
        } finally {
            tensors.values().forEach(OnnxTensor::close);
        }
    }

    /**
     * Compares with a reference.
     *
     * @param reference the reference outputs
     * @return one line per output: its max |diff| and max |reference|, or what does not match;
     *     a line starting with {@code FAIL} when the bound is exceeded
     */
    List<String> compareWith(Outputs reference) {
        List<String> lines = new ArrayList<>();
        if (!values.keySet().equals(reference.values.keySet())) {
            lines.add("FAIL outputs " + values.keySet() + ", reference " + reference.values.keySet());
            return lines;
        }
        for (String name : values.keySet()) {
            if (!Arrays.equals(shapes.get(name), reference.shapes.get(name))) {
                lines.add("FAIL " + name + " has shape " + Arrays.toString(shapes.get(name)) + ", reference "
                        + Arrays.toString(reference.shapes.get(name)));
                continue;
            }
            float[] actual = values.get(name);
            float[] expected = reference.values.get(name);
            double maxDiff = 0;
            double maxReference = 0;
            for (int i = 0; i < actual.length; i++) {
                double diff = Math.abs((double) actual[i] - expected[i]);
                maxDiff = Double.isNaN(diff) ? Double.POSITIVE_INFINITY : Math.max(maxDiff, diff);
                maxReference = Math.max(maxReference, Math.abs(expected[i]));
            }
            boolean ok = maxDiff <= RELATIVE_BOUND * maxReference;
            lines.add(String.format("%s%s %s: max|diff| %.3g, max|reference| %.3g, ratio %.3g", ok ? "" : "FAIL ", name,
                    Arrays.toString(shapes.get(name)), maxDiff, maxReference, maxDiff / maxReference));
        }
        return lines;
    }
}

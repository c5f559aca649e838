package dev.webnn.onnx.suite;

import dev.webnn.MLContext;
import dev.webnn.MLGraph;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLNotSupportedError;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.onnx.OnnxImportOptions;
import dev.webnn.onnx.OnnxModel;
import dev.webnn.onnx.OnnxTensor;
import dev.webnn.onnx.OnnxTensors;
import dev.webnn.onnx.OnnxValueInfo;
import dev.webnn.testing.Refusals;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one case of ONNX's node-test suite on one context and classifies the outcome: the
 * import ({@link OnnxModel#addTo}) declaring a node {@link MLNotSupportedError} is "not
 * convertible", the backend declaring it at build or compute is "unsupported by backend" (a
 * declared refusal only: {@link Refusals#isDeclared}), a result outside {@link OnnxTolerance}
 * is "wrong result", and any other exception is an error.
 *
 * <p>Many node tests pass the parameters a static WebNN graph needs at build time (a target
 * shape, axes, slice starts, repeats, Trilu's k) as integer graph inputs. A case whose import
 * refuses such an input is imported a second time with its integer inputs fixed by value
 * ({@link OnnxImportOptions#withConstantInput}), as a WebNN program passes them as constants;
 * its float inputs stay graph inputs. Only when that import refuses too is the case "not
 * convertible", with the first refusal's reason.
 */
final class CaseRunner {

    private final MLContext context;

    /**
     * A runner on one context.
     *
     * @param context the backend's context, shared by every case
     */
    CaseRunner(MLContext context) {
        this.context = context;
    }

    /**
     * Runs a case.
     *
     * @param suiteCase the case
     * @return its outcome
     */
    Outcome run(SuiteCase suiteCase) {
        List<String> operators = List.of();
        Stage stage = Stage.IMPORT;
        try (Arena arena = Arena.ofConfined()) {
            OnnxModel model = OnnxModel.read(suiteCase.model());
            operators = List.copyOf(model.operatorHistogram().keySet());
            List<OnnxTensor> inputs = read(suiteCase.inputs());
            OnnxImportOptions options = fixedShapes(model.inputs(), inputs);
            MLGraphBuilder builder = new MLGraphBuilder(context);
            Map<String, MLOperand> outputs;
            try {
                outputs = model.addTo(builder, options);
            } catch (MLNotSupportedError refused) {
                OnnxImportOptions constant = integerInputsFixed(options, model.inputs(), inputs);
                if (constant == options) {
                    throw refused;
                }
                builder = new MLGraphBuilder(context);
                try {
                    outputs = model.addTo(builder, constant);
                } catch (MLNotSupportedError again) {
                    throw refused;
                }
            }
            stage = Stage.BACKEND;
            try (MLGraph graph = builder.build(outputs)) {
                List<OnnxTensor> expected = read(suiteCase.outputs());
                String wrong = compute(graph, model.inputs(), inputs, model.outputs(), expected, arena);
                return new Outcome(suiteCase.name(), wrong == null ? Outcome.Status.PASSED : Outcome.Status.WRONG_RESULT,
                        wrong == null ? "" : wrong, operators);
            }
        } catch (RuntimeException e) {
            if (Refusals.isDeclared(e)) {
                return new Outcome(suiteCase.name(), stage == Stage.IMPORT ? Outcome.Status.NOT_CONVERTIBLE
                        : Outcome.Status.UNSUPPORTED, relative(suiteCase, e.getMessage()), operators);
            }
            return new Outcome(suiteCase.name(), Outcome.Status.ERROR,
                    relative(suiteCase, e.getClass().getSimpleName() + ": " + e.getMessage()), operators);
        }
    }

    /** The message with the case's folder left out of file paths, so that the lists hold no machine's paths. */
    private static String relative(SuiteCase suiteCase, String message) {
        return String.valueOf(message).replace(suiteCase.folder().toAbsolutePath() + java.io.File.separator, "");
    }

    /** Which side a {@link MLNotSupportedError} comes from. */
    private enum Stage { IMPORT, BACKEND }

    private static List<OnnxTensor> read(List<Path> files) {
        List<OnnxTensor> tensors = new ArrayList<>();
        for (Path file : files) {
            tensors.add(OnnxTensors.read(file));
        }
        return tensors;
    }

    /** Fixes every input shape the model leaves free to the shape of the case's input tensor. */
    private static OnnxImportOptions fixedShapes(List<OnnxValueInfo> declared, List<OnnxTensor> inputs) {
        OnnxImportOptions options = OnnxImportOptions.defaults();
        for (int i = 0; i < Math.min(declared.size(), inputs.size()); i++) {
            OnnxValueInfo input = declared.get(i);
            if (!input.dimensions().stream().allMatch(d -> d.isFixed())) {
                options = options.withInputShape(input.name(), inputs.get(i).shape());
            }
        }
        return options;
    }

    /** {@code options} with every integer input fixed to the case's value; {@code options} itself when there is none. */
    private static OnnxImportOptions integerInputsFixed(OnnxImportOptions options, List<OnnxValueInfo> declared,
            List<OnnxTensor> inputs) {
        OnnxImportOptions fixed = options;
        for (int i = 0; i < Math.min(declared.size(), inputs.size()); i++) {
            MLOperandDataType type = inputs.get(i).dataType();
            if (type != MLOperandDataType.FLOAT32 && type != MLOperandDataType.FLOAT16) {
                fixed = fixed.withConstantInput(declared.get(i).name(), inputs.get(i));
            }
        }
        return fixed;
    }

    /** Computes the graph; returns null when every output agrees, else what differs. */
    private String compute(MLGraph graph, List<OnnxValueInfo> declaredInputs, List<OnnxTensor> inputs,
            List<OnnxValueInfo> declaredOutputs, List<OnnxTensor> expected, Arena arena) {
        if (declaredInputs.size() != inputs.size() || declaredOutputs.size() != expected.size()) {
            throw new IllegalStateException("the case has " + inputs.size() + " inputs and " + expected.size()
                    + " outputs, the model declares " + declaredInputs.size() + " and " + declaredOutputs.size());
        }
        Map<String, MemorySegment> in = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (!graph.inputDescriptors().containsKey(declaredInputs.get(i).name())) {
                continue; // only its shape was needed: folded at import
            }
            MemorySegment data = inputs.get(i).data();
            in.put(declaredInputs.get(i).name(), arena.allocate(Math.max(1, data.byteSize())).asSlice(0, data.byteSize()).copyFrom(data));
        }
        Map<String, MemorySegment> out = new LinkedHashMap<>();
        graph.outputDescriptors().forEach((name, descriptor) -> out.put(name, arena.allocate(Math.max(1, descriptor.byteLength()))
                .asSlice(0, descriptor.byteLength())));
        context.compute(graph, in, out);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            String name = declaredOutputs.get(i).name();
            MLOperandDescriptor actual = graph.outputDescriptors().get(name);
            OnnxTensor want = expected.get(i);
            if (want.dataType() != actual.dataType() || !Arrays.equals(actual.shape(), want.shape())) {
                wrong.add(name + " is " + actual + ", expected " + want.descriptor());
                continue;
            }
            OnnxTolerance.compare(actual.dataType(), out.get(name), want.data()).ifPresent(d -> wrong.add(name + ": " + d));
        }
        return wrong.isEmpty() ? null : String.join("; ", wrong);
    }
}

package dev.webnn.onnx.convert;

import dev.webnn.MLNotSupportedError;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.MLTypeError;
import dev.webnn.onnx.OnnxDimension;
import dev.webnn.onnx.OnnxImportOptions;
import dev.webnn.onnx.OnnxValueInfo;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Fixes the shapes of a model's graph inputs from its declared dimensions and the import
 * options; every option must name a dimension or input the model has.
 */
public final class InputShapes {

    private InputShapes() {
    }

    /**
     * The static shape of every graph input.
     *
     * @param inputs the model's graph inputs (initializers excluded)
     * @param options the dimensions and shapes the caller fixed
     * @return input name to shape, in model order (inputs fixed by value excluded)
     * @throws MLTypeError if a dimension is left free, or an option names nothing in the model
     */
    public static Map<String, long[]> resolve(List<OnnxValueInfo> inputs, OnnxImportOptions options) {
        Set<String> names = dimensionNames(inputs);
        for (String name : options.dimensions().keySet()) {
            if (!names.contains(name)) {
                throw new MLTypeError("withDimension: the model has no dimension named '" + name + "'; its dimensions are "
                        + names);
            }
        }
        Map<String, long[]> given = options.inputShapes();
        java.util.Set<String> named = new java.util.HashSet<>(given.keySet());
        named.addAll(options.constantInputs().keySet());
        for (String name : named) {
            if (inputs.stream().noneMatch(input -> input.name().equals(name))) {
                throw new MLTypeError("import options: the model has no input named '" + name + "'; its inputs are "
                        + inputs.stream().map(OnnxValueInfo::name).toList());
            }
        }
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (OnnxValueInfo input : inputs) {
            if (options.constantInputs().containsKey(input.name())) {
                continue;
            }
            long[] shape = given.containsKey(input.name()) ? checkGiven(input, given.get(input.name()))
                    : fromDimensions(input, options.dimensions(), names);
            shapes.put(input.name(), shape);
        }
        return shapes;
    }

    /**
     * The WebNN descriptor of a graph input of a resolved shape.
     *
     * @param input the declared input
     * @param shape its shape, from {@link #resolve}
     * @return the descriptor
     * @throws MLNotSupportedError if the input's type has no WebNN equivalent
     */
    public static MLOperandDescriptor descriptor(OnnxValueInfo input, long[] shape) {
        return MLOperandDescriptor.of(input.dataType().webnnType().orElseThrow(
                () -> new MLNotSupportedError("input '" + input.name() + "' has type " + input.dataType()
                        + ", which WebNN has no equivalent for")), shape);
    }

    private static Set<String> dimensionNames(List<OnnxValueInfo> inputs) {
        Set<String> names = new TreeSet<>();
        for (OnnxValueInfo input : inputs) {
            for (OnnxDimension dimension : input.dimensions()) {
                if (!dimension.name().isEmpty()) {
                    names.add(dimension.name());
                }
            }
        }
        return names;
    }

    private static long[] checkGiven(OnnxValueInfo input, long[] shape) {
        List<OnnxDimension> declared = input.dimensions();
        if (!declared.isEmpty() && declared.size() != shape.length) {
            throw new MLTypeError("withInputShape: input '" + input.name() + "' has rank " + declared.size() + " ("
                    + input + "), the given shape " + Arrays.toString(shape) + " has rank " + shape.length);
        }
        for (int i = 0; i < declared.size(); i++) {
            OnnxDimension dimension = declared.get(i);
            if (dimension.isFixed() && dimension.value() != shape[i]) {
                throw new MLTypeError("withInputShape: input '" + input.name() + "' dimension " + i + " is fixed at "
                        + dimension.value() + " by the model, the given shape " + Arrays.toString(shape) + " has "
                        + shape[i]);
            }
        }
        return shape;
    }

    private static long[] fromDimensions(OnnxValueInfo input, Map<String, Long> values, Set<String> names) {
        long[] shape = new long[input.rank()];
        for (int i = 0; i < shape.length; i++) {
            OnnxDimension dimension = input.dimensions().get(i);
            if (dimension.isFixed()) {
                shape[i] = dimension.value();
            } else if (dimension.name().isEmpty()) {
                throw new MLTypeError("input '" + input.name() + "' (" + input + ") has unnamed dimension " + i
                        + "; give its whole shape with withInputShape(\"" + input.name() + "\", ...)");
            } else if (values.containsKey(dimension.name())) {
                shape[i] = values.get(dimension.name());
            } else {
                throw new MLTypeError("dimension '" + dimension.name() + "' of input '" + input.name()
                        + "' is not set; set it with withDimension(\"" + dimension.name()
                        + "\", value). The model's dimension names: " + names);
            }
        }
        return shape;
    }
}

package dev.webnn.onnx.convert;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The converters and constant folders by ONNX operator type, filled by the converter families.
 */
final class Registry {

    /** A converter and the WebNN operators it may use (for support checks). */
    record Entry(Converter converter, List<String> webnnOperators) {
    }

    static final Registry DEFAULT = createDefault();

    private final Map<String, Entry> converters = new TreeMap<>();
    private final Map<String, Folder> folders = new HashMap<>();

    private static Registry createDefault() {
        Registry registry = new Registry();
        ElementwiseConverters.register(registry);
        ActivationConverters.register(registry);
        ConvPoolConverters.register(registry);
        ResizeConverters.register(registry);
        MatrixConverters.register(registry);
        EinsumConverter.register(registry);
        RecurrentConverters.register(registry);
        NormalizationConverters.register(registry);
        ReductionConverters.register(registry);
        LossConverters.register(registry);
        ShapeConverters.register(registry);
        GatherSliceConverters.register(registry);
        GeneratorConverters.register(registry);
        QuantizationConverters.register(registry);
        ControlFlowConverters.register(registry);
        ConstantFolding.register(registry);
        return registry;
    }

    /**
     * Registers a converter.
     *
     * @param opType the ONNX operator
     * @param webnnOperators the WebNN operators the conversion always emits (spec names; {@code a|b}
     *     where it picks a if the backend has it, else b)
     * @param converter the converter
     */
    void add(String opType, List<String> webnnOperators, Converter converter) {
        if (converters.put(opType, new Entry(converter, List.copyOf(webnnOperators))) != null) {
            throw new IllegalStateException("two converters for " + opType);
        }
    }

    /** Registers a constant folder, tried before the converter when all inputs are constants. */
    void fold(String opType, Folder folder) {
        if (folders.put(opType, folder) != null) {
            throw new IllegalStateException("two folders for " + opType);
        }
    }

    Converter converter(String opType) {
        Entry entry = converters.get(opType);
        return entry == null ? null : entry.converter();
    }

    List<String> webnnOperators(String opType) {
        Entry entry = converters.get(opType);
        return entry == null ? List.of() : entry.webnnOperators();
    }

    Folder folder(String opType) {
        return folders.get(opType);
    }

    List<String> operators() {
        return List.copyOf(converters.keySet());
    }
}

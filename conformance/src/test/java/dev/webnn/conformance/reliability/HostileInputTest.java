package dev.webnn.conformance.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.webnn.MLContext;
import dev.webnn.MLGraph;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLInvalidStateError;
import dev.webnn.MLNotSupportedError;
import dev.webnn.MLNumber;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.MLOperationError;
import dev.webnn.MLTensor;
import dev.webnn.MLTensorDescriptor;
import dev.webnn.MLTypeError;
import dev.webnn.conformance.BuilderInvoker;
import dev.webnn.io.Npy;
import dev.webnn.io.NpyFormatException;
import dev.webnn.conformance.AvailableBackends;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input: random invalid calls to every public entry point — builder operations with
 * wrong ranks, negative, huge and overflowing dimensions, NaN and infinite options,
 * mismatched data types and operands of another builder; tensors and segments of the wrong
 * size, on the heap, freed, read-only, overlapping or unaligned; missing, extra and duplicate
 * names; closed contexts, graphs, tensors and built builders; objects of another context; malformed
 * {@code .npy} files — must end normally or in the documented exception type, never in an
 * {@link Error}, a JVM crash or another exception type.
 *
 * <p>CI runs a few thousand calls per part; {@code -Dwebnn.soak=true} a few hundred thousand
 * ({@code webnn.hostile.rounds} sets it). The seed is fixed in CI, random in a soak, and
 * printed; {@code webnn.hostile.seed} replays one.
 */
class HostileInputTest {

    private static final List<Class<? extends Throwable>> ARGUMENT = List.of(MLTypeError.class);
    private static final List<Class<? extends Throwable>> STATE = List.of(MLInvalidStateError.class);
    private static final List<Class<? extends Throwable>> ARGUMENT_OR_STATE = List.of(MLTypeError.class,
            MLInvalidStateError.class);
    /** What build may throw: bad outputs, a closed context, or a graph the backend cannot run. */
    private static final List<Class<? extends Throwable>> BUILD = List.of(MLTypeError.class, MLInvalidStateError.class,
            MLNotSupportedError.class, MLOperationError.class);
    private static final long[] DIMENSIONS = {-1, 0, 1, 1, 2, 2, 3, 3, 4, 5, 7, 8, Integer.MAX_VALUE, 1L << 31, 0xFFFF_FFFFL,
            1L << 32, 1L << 40, Long.MAX_VALUE, Long.MIN_VALUE};
    private static final double[] REALS = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0, 1, -1,
            0.5, 1e-7, 1e30, -1e30, Double.MIN_VALUE, Double.MAX_VALUE, 65504, 70000};

    /** Calls of all parts, for the closing summary. */
    private static final java.util.concurrent.atomic.AtomicLong TOTAL = new java.util.concurrent.atomic.AtomicLong();
    private Hostile hostile = new Hostile();
    private static final long SEED = Long.decode(System.getProperty("webnn.hostile.seed",
            Soak.enabled() ? Long.toString(new SplittableRandom().nextLong()) : "0x40571e"));

    @TempDir
    Path temporary;

    @AfterAll
    static void report() {
        System.out.printf("[hostile] seed 0x%x: %d hostile calls in all%n", SEED, TOTAL.get());
    }

    private static List<String> backends() {
        List<String> names = AvailableBackends.names().toList();
        assumeTrue(!names.isEmpty(), "no available backend");
        return names;
    }

    private void assertClean(String part) {
        TOTAL.addAndGet(hostile.total());
        System.out.printf("[hostile] %s: %s%n", part, hostile.summary());
        assertTrue(hostile.clean(), hostile.summary() + "\n" + hostile.failures());
    }

    // ---------------------------------------------------------------------------------------
    // Builder operations by reflection with hostile arguments
    // ---------------------------------------------------------------------------------------

    @Test
    void builderOperationsEndInDocumentedErrors() {
        List<String> backends = backends();
        List<Method> methods = Arrays.stream(MLGraphBuilder.class.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() == MLGraphBuilder.class)
                .filter(m -> !m.getName().equals("build") && !m.getName().equals("context"))
                .sorted(Comparator.comparing(Method::toGenericString)).toList();
        long rounds = Soak.value("webnn.hostile.rounds", 150, 5_000);
        SplittableRandom random = new SplittableRandom(SEED);
        for (long round = 0; round < rounds; round++) {
            try (MLContext context = AvailableBackends.open(backends.get((int) (round % backends.size())));
                 MLContext other = AvailableBackends.open(backends.get((int) ((round + 1) % backends.size())))) {
                MLGraphBuilder builder = new MLGraphBuilder(context);
                Arguments arguments = new Arguments(random, builder, new MLGraphBuilder(other), context, other);
                for (int step = 0; step < 60; step++) {
                    Method method = methods.get(random.nextInt(methods.size()));
                    Object[] values = arguments.forMethod(method);
                    if (values == null) {
                        continue;
                    }
                    Object result = hostile.attempt("builder." + method.getName(), callText(method, values),
                            () -> method.invoke(builder, values), ARGUMENT);
                    arguments.keep(result);
                }
                boolean built = buildRandomly(random, builder, arguments, context);
                Method method = methods.get(random.nextInt(methods.size()));
                Object[] values = arguments.forMethod(method);
                if (built && values != null) {
                    hostile.reject("builder after build", callText(method, values), () -> method.invoke(builder, values),
                            STATE);
                }
            }
        }
        assertClean("builder");
    }

    /** Builds from random outputs (empty, inputs, foreign operands, small results) and closes the graph. */
    private boolean buildRandomly(SplittableRandom random, MLGraphBuilder builder, Arguments arguments,
                                      MLContext context) {
        Map<String, MLOperand> outputs = new LinkedHashMap<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            outputs.put(random.nextInt(5) == 0 ? "" : "out" + i, arguments.operand());
        }
        if (arguments.anyLarge()) {
            // A valid graph with huge operands would make the backends allocate gigabytes.
            outputs.put("input", arguments.firstInput());
        }
        Throwable[] thrown = new Throwable[1];
        MLGraph graph = hostile.attempt("build", "build(" + outputs.keySet() + ")", () -> {
            try {
                return builder.build(outputs);
            } catch (RuntimeException e) {
                thrown[0] = e;
                throw e;
            }
        }, BUILD);
        if (graph != null) {
            hostile.attempt("graph.close", "close", () -> {
                graph.close();
                graph.close();
                return null;
            }, List.of());
        }
        // The spec marks the builder as built once the outputs are valid, even if compiling fails.
        boolean built = graph != null || thrown[0] instanceof MLNotSupportedError || thrown[0] instanceof MLOperationError;
        if (built) {
            hostile.reject("build twice", "build after build", () -> builder.build(outputs), STATE);
        }
        return built;
    }

    private static String callText(Method method, Object[] values) {
        StringBuilder text = new StringBuilder(method.getName()).append('(');
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : ", ").append(brief(values[i]));
        }
        return text.append(')').toString();
    }

    private static String brief(Object value) {
        String text = value instanceof long[] a ? Arrays.toString(a) : value instanceof float[] f ? Arrays.toString(f)
                : String.valueOf(value);
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    /** Random arguments for builder methods, from a pool of operands of all kinds. */
    private final class Arguments {
        private final SplittableRandom random;
        private final MLGraphBuilder builder;
        private final MLGraphBuilder foreign;
        private final MLContext context;
        private final MLContext other;
        private final List<MLOperand> operands = new ArrayList<>();
        private final List<MLOperand> foreignOperands = new ArrayList<>();
        private final List<MLTensor> tensors = new ArrayList<>();
        private boolean large;
        private MLOperand firstInput;

        Arguments(SplittableRandom random, MLGraphBuilder builder, MLGraphBuilder foreign, MLContext context, MLContext other) {
            this.random = random;
            this.builder = builder;
            this.foreign = foreign;
            this.context = context;
            this.other = other;
            for (int i = 0; i < 6; i++) {
                MLOperandDataType type = MLOperandDataType.values()[random.nextInt(MLOperandDataType.values().length)];
                long[] shape = smallShape();
                MLOperand input = builder.input("in" + i, MLOperandDescriptor.of(type, shape));
                firstInput = firstInput == null ? input : firstInput;
                operands.add(input);
                operands.add(builder.constant(type, MLNumber.of(random.nextInt(5))));
                foreignOperands.add(foreign.input("in" + i, MLOperandDescriptor.of(type, shape)));
            }
            for (MLContext owner : List.of(context, other)) {
                MLOperandDescriptor descriptor = MLOperandDescriptor.of(MLOperandDataType.FLOAT32, smallShape());
                try (Arena arena = Arena.ofConfined()) {
                    tensors.add(owner.createConstantTensor(descriptor, arena.allocate(descriptor.byteLength())));
                }
                tensors.add(owner.createTensor(MLTensorDescriptor.readWrite(descriptor)));
            }
            MLTensor closed = context.createConstantTensor(MLOperandDescriptor.of(MLOperandDataType.FLOAT32, 2),
                    MemorySegment.ofArray(new float[2]));
            closed.close();
            tensors.add(closed);
        }

        long[] smallShape() {
            long[] shape = new long[random.nextInt(5)];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = 1 + random.nextInt(4);
            }
            return shape;
        }

        MLOperand operand() {
            return random.nextInt(12) == 0 ? foreignOperands.get(random.nextInt(foreignOperands.size()))
                    : operands.get(random.nextInt(operands.size()));
        }

        boolean anyLarge() {
            return large;
        }

        MLOperand firstInput() {
            return firstInput;
        }

        void keep(Object result) {
            if (result instanceof MLOperand operand) {
                keepOperand(operand);
            } else if (result instanceof List<?> list) {
                list.forEach(this::keep);
            }
        }

        private void keepOperand(MLOperand operand) {
            large |= operand.descriptor().byteLength() > (1 << 20);
            operands.add(operand);
        }

        /** Arguments for every parameter, or null when a parameter type is not generated. */
        Object[] forMethod(Method method) {
            Type[] types = method.getGenericParameterTypes();
            Object[] values = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                values[i] = value(types[i]);
                if (values[i] == null) {
                    return null;
                }
            }
            return values;
        }

        Object value(Type type) {
            if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
                List<MLOperand> list = new ArrayList<>();
                int count = random.nextInt(5);
                for (int i = 0; i < count; i++) {
                    list.add(operand());
                }
                return list;
            }
            if (!(type instanceof Class<?> c)) {
                return null;
            }
            if (c == MLOperand.class) {
                return operand();
            }
            if (c == long.class) {
                return random.nextInt(3) == 0 ? DIMENSIONS[random.nextInt(DIMENSIONS.length)] : (long) random.nextInt(-2, 6);
            }
            if (c == long[].class) {
                long[] values = new long[random.nextInt(7)];
                for (int i = 0; i < values.length; i++) {
                    values[i] = random.nextInt(3) == 0 ? DIMENSIONS[random.nextInt(DIMENSIONS.length)] : random.nextInt(-1, 5);
                }
                return values;
            }
            if (c == int.class) {
                return random.nextInt(-2, 10);
            }
            if (c == double.class) {
                return REALS[random.nextInt(REALS.length)];
            }
            if (c == float[].class) {
                float[] values = new float[random.nextInt(5)];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) REALS[random.nextInt(REALS.length)];
                }
                return values;
            }
            if (c == short[].class || c == int[].class || c == byte[].class) {
                return java.lang.reflect.Array.newInstance(c.getComponentType(), random.nextInt(40));
            }
            if (c == boolean.class) {
                return random.nextBoolean();
            }
            if (c == String.class) {
                return List.of("", "label", "x\u202Ey\u0000z", "in0", "out").get(random.nextInt(5));
            }
            if (c == MLNumber.class) {
                return random.nextBoolean() ? MLNumber.of(REALS[random.nextInt(REALS.length)])
                        : MLNumber.of(DIMENSIONS[random.nextInt(DIMENSIONS.length)]);
            }
            if (c == MLOperandDescriptor.class) {
                return descriptor();
            }
            if (c == MemorySegment.class) {
                int size = random.nextInt(64);
                return random.nextBoolean() ? MemorySegment.ofArray(new byte[size]) : Arena.ofAuto().allocate(Math.max(1, size))
                        .asSlice(0, size);
            }
            if (c == MLTensor.class) {
                return tensors.get(random.nextInt(tensors.size()));
            }
            if (c.isEnum()) {
                Object[] constants = c.getEnumConstants();
                return constants[random.nextInt(constants.length)];
            }
            if (BuilderInvoker.isOptionsClass(c)) {
                return options(c);
            }
            return null;
        }

        /** A descriptor with a hostile shape; descriptors that MLOperandDescriptor.of rejects become a valid one. */
        private MLOperandDescriptor descriptor() {
            MLOperandDataType type = MLOperandDataType.values()[random.nextInt(MLOperandDataType.values().length)];
            long[] shape = new long[random.nextInt(10)];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = random.nextInt(4) == 0 ? DIMENSIONS[random.nextInt(DIMENSIONS.length)] : 1 + random.nextInt(3);
            }
            MLOperandDescriptor descriptor = hostile.attempt("MLOperandDescriptor.of", Arrays.toString(shape),
                    () -> MLOperandDescriptor.of(type, shape), ARGUMENT);
            return descriptor != null ? descriptor : MLOperandDescriptor.of(type, 1);
        }

        /** An options object: defaults, then a few random withers with hostile values. */
        private Object options(Class<?> optionsClass) {
            try {
                Object options = optionsClass.getMethod("defaults").invoke(null);
                List<Method> withers = Arrays.stream(optionsClass.getMethods())
                        .filter(m -> m.getName().startsWith("with") && m.getParameterCount() == 1
                                && m.getReturnType() == optionsClass)
                        .sorted(Comparator.comparing(Method::toGenericString)).toList();
                int count = withers.isEmpty() ? 0 : random.nextInt(4);
                for (int i = 0; i < count; i++) {
                    Method wither = withers.get(random.nextInt(withers.size()));
                    Object value = value(wither.getGenericParameterTypes()[0]);
                    if (value == null) {
                        continue;
                    }
                    Object current = options;
                    Object next = hostile.attempt("options." + wither.getName(), wither.getName() + "(" + brief(value) + ")",
                            () -> wither.invoke(current, value), ARGUMENT);
                    options = next != null ? next : options;
                }
                return options;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // Contexts, graphs and tensors: closed, foreign, mismatched; compute and tensor I/O
    // ---------------------------------------------------------------------------------------

    @Test
    void lifecycleAndDataCallsEndInDocumentedErrors() {
        List<String> backends = backends();
        long rounds = Soak.value("webnn.hostile.rounds", 150, 5_000);
        SplittableRandom random = new SplittableRandom(SEED + 1);
        MLOperandDescriptor desc = MLOperandDescriptor.of(MLOperandDataType.FLOAT32, 2, 3);
        MLOperandDescriptor other = MLOperandDescriptor.of(MLOperandDataType.FLOAT32, 3, 2);
        for (long round = 0; round < rounds; round++) {
            List<MLContext> contexts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                contexts.add(AvailableBackends.open(backends.get(random.nextInt(backends.size()))));
            }
            List<MLGraph> graphs = new ArrayList<>();
            List<MLTensor> tensors = new ArrayList<>();
            Map<MLTensor, MLContext> owners = new HashMap<>();
            Map<MLGraph, MLContext> graphOwners = new HashMap<>();
            try (Arena arena = Arena.ofConfined()) {
                for (MLContext context : contexts) {
                    MLGraphBuilder b = new MLGraphBuilder(context);
                    MLGraph graph = b.build(Map.of("y", b.add(b.input("x", desc), b.input("z", desc))));
                    graphs.add(graph);
                    graphOwners.put(graph, context);
                    for (MLOperandDescriptor d : List.of(desc, desc, other)) {
                        MLTensor tensor = context.createTensor(new MLTensorDescriptor(d, random.nextBoolean(),
                                random.nextBoolean()));
                        tensors.add(tensor);
                        owners.put(tensor, context);
                    }
                    MLTensor constant = context.createConstantTensor(desc, arena.allocate(desc.byteLength()));
                    tensors.add(constant);
                    owners.put(constant, context);
                }
                Arena freed = Arena.ofConfined();
                MemorySegment freedSegment = freed.allocate(desc.byteLength());
                freed.close();
                // Two slices sharing 4 bytes, and an unaligned one, for overlapping and misaligned compute calls.
                MemorySegment shared = arena.allocate(2 * desc.byteLength(), 8);
                List<MemorySegment> segments = List.of(arena.allocate(desc.byteLength()), arena.allocate(desc.byteLength()),
                        arena.allocate(desc.byteLength()), arena.allocate(desc.byteLength()).asReadOnly(),
                        MemorySegment.ofArray(new float[6]), arena.allocate(desc.byteLength() + 4), arena.allocate(4),
                        freedSegment, MemorySegment.ofArray(new float[6]).asReadOnly(), shared.asSlice(0, desc.byteLength()),
                        shared.asSlice(desc.byteLength() - 4, desc.byteLength()), shared.asSlice(2, desc.byteLength()));
                for (int step = 0; step < 60; step++) {
                    MLContext context = contexts.get(random.nextInt(contexts.size()));
                    MLGraph graph = graphs.get(random.nextInt(graphs.size()));
                    MLTensor tensor = tensors.get(random.nextInt(tensors.size()));
                    MemorySegment segment = segments.get(random.nextInt(segments.size()));
                    boolean contextClosed = context.isClosed();
                    switch (random.nextInt(9)) {
                        case 0 -> {
                            Map<String, MLTensor> inputs = byName(random, tensors, "x", "z");
                            Map<String, MLTensor> outputs = byName(random, tensors, "y");
                            String text = "dispatch(" + graph + ", " + inputs + ", " + outputs + ") on " + context;
                            if (contextClosed) {
                                hostile.reject("dispatch on a closed context", text,
                                        () -> run(() -> context.dispatch(graph, inputs, outputs)), STATE);
                            } else if (graphOwners.get(graph) == context && graph.isDestroyed()) {
                                hostile.reject("dispatch of a closed graph", text,
                                        () -> run(() -> context.dispatch(graph, inputs, outputs)), STATE);
                            } else {
                                hostile.attempt("dispatch", text, () -> run(() -> context.dispatch(graph, inputs, outputs)),
                                        ARGUMENT_OR_STATE);
                            }
                        }
                        case 1 -> {
                            Map<String, MemorySegment> inputs = byName(random, segments, "x", "z");
                            Map<String, MemorySegment> outputs = byName(random, segments, "y");
                            String text = "compute(" + inputs.keySet() + ", " + outputs.keySet() + ") on " + context;
                            hostile.attempt("compute", text, () -> run(() -> context.compute(graph, inputs, outputs)),
                                    contextClosed ? STATE : ARGUMENT_OR_STATE);
                        }
                        case 2 -> {
                            String text = "writeTensor(" + tensor + ", " + segment + ")";
                            if (contextClosed) {
                                hostile.reject("writeTensor on a closed context", text,
                                        () -> run(() -> context.writeTensor(tensor, segment)), STATE);
                            } else {
                                hostile.attempt("writeTensor", text, () -> run(() -> context.writeTensor(tensor, segment)),
                                        ARGUMENT_OR_STATE);
                            }
                        }
                        case 3 -> {
                            String text = "readTensor(" + tensor + ", " + segment + ")";
                            hostile.attempt("readTensor", text, () -> run(() -> context.readTensor(tensor, segment)),
                                    contextClosed ? STATE : ARGUMENT_OR_STATE);
                            hostile.attempt("readTensor", "readTensor(" + tensor + ")", () -> context.readTensor(tensor),
                                    contextClosed ? STATE : ARGUMENT_OR_STATE);
                        }
                        case 4 -> {
                            long[] shape = new long[random.nextInt(10)];
                            for (int i = 0; i < shape.length; i++) {
                                shape[i] = random.nextInt(3) == 0 ? DIMENSIONS[random.nextInt(DIMENSIONS.length)]
                                        : 1 + random.nextInt(3);
                            }
                            MLOperandDescriptor d = hostile.attempt("MLOperandDescriptor.of", Arrays.toString(shape),
                                    () -> MLOperandDescriptor.of(MLOperandDataType.FLOAT32, shape), ARGUMENT);
                            if (d != null && d.byteLength() < (1 << 24)) {
                                MLTensor created = hostile.attempt("createTensor", "createTensor(" + d + ")",
                                        () -> context.createTensor(MLTensorDescriptor.readWrite(d)),
                                        contextClosed ? STATE : ARGUMENT);
                                if (created != null) {
                                    created.close();
                                }
                            }
                        }
                        case 5 -> hostile.attempt("builder.constant(tensor)", "constant(" + tensor + ")", () -> {
                            MLGraphBuilder b = new MLGraphBuilder(context);
                            return b.constant(tensor);
                        }, contextClosed ? STATE : ARGUMENT_OR_STATE);
                        case 6 -> {
                            if (random.nextInt(4) == 0) {
                                hostile.attempt("tensor.close", "close " + tensor, () -> run(tensor::close), List.of());
                            }
                        }
                        case 7 -> {
                            if (random.nextInt(6) == 0) {
                                hostile.attempt("graph.close", "close " + graph, () -> run(graph::close), List.of());
                            }
                        }
                        default -> {
                            if (random.nextInt(12) == 0) {
                                hostile.attempt("context.close", "close " + context, () -> run(context::close), List.of());
                            }
                            if (context.isClosed()) {
                                hostile.reject("builder on a closed context", "new MLGraphBuilder(" + context + ")",
                                        () -> new MLGraphBuilder(context), STATE);
                            }
                        }
                    }
                }
            } finally {
                contexts.forEach(MLContext::close);
            }
        }
        assertClean("lifecycle and data");
    }

    private static Object run(Runnable call) {
        call.run();
        return null;
    }

    /**
     * Tensors (or segments) by name: usually the wanted names, sometimes one missing, extra,
     * duplicated or wrong.
     */
    private static <T> Map<String, T> byName(SplittableRandom random, List<T> values, String... names) {
        Map<String, T> map = new LinkedHashMap<>();
        for (String name : names) {
            if (random.nextInt(8) > 0) {
                map.put(random.nextInt(10) == 0 ? name + "?" : name, values.get(random.nextInt(values.size())));
            }
        }
        if (random.nextInt(8) == 0) {
            map.put("extra", values.get(random.nextInt(values.size())));
        }
        return map;
    }

    // ---------------------------------------------------------------------------------------
    // Malformed .npy files
    // ---------------------------------------------------------------------------------------

    @Test
    void malformedNpyFilesEndInNpyFormatException() throws IOException {
        long files = Soak.value("webnn.hostile.npyFiles", 2_000, 100_000);
        SplittableRandom random = new SplittableRandom(SEED + 2);
        Path valid = temporary.resolve("valid.npy");
        MLOperandDescriptor descriptor = MLOperandDescriptor.of(MLOperandDataType.FLOAT32, 3, 4);
        Npy.write(valid, descriptor, MemorySegment.ofArray(new float[12]));
        byte[] good = Files.readAllBytes(valid);
        String[] headers = {
            "{'descr': '<f4', 'fortran_order': False, 'shape': (4294967295, 4294967295, 4294967295), }",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (-1, 12), }",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999999, ), }",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4L), }",
            "{'descr': '<f4', 'fortran_order': True, 'shape': (3, 4), }",
            "{'descr': '>f4', 'fortran_order': False, 'shape': (3, 4), }",
            "{'descr': '<c16', 'fortran_order': False, 'shape': (3, 4), }",
            "{'descr': '<f4', 'shape': (3, 4), }",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (3, x), }",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (" + "1, ".repeat(3000) + "12), }",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (), }",
            "",
        };
        Path file = temporary.resolve("hostile.npy");
        for (long i = 0; i < files; i++) {
            byte[] bytes = switch (random.nextInt(5)) {
                case 0 -> randomBytes(random, random.nextInt(200));
                case 1 -> Arrays.copyOf(good, random.nextInt(good.length));
                case 2 -> {
                    byte[] mutated = good.clone();
                    for (int k = 1 + random.nextInt(4); k > 0; k--) {
                        mutated[random.nextInt(Math.min(mutated.length, 128))] = (byte) random.nextInt(256);
                    }
                    yield mutated;
                }
                case 3 -> npy(random.nextInt(1, 4), headers[random.nextInt(headers.length)], random.nextInt(64));
                default -> {
                    byte[] header = npy(2, "", 0);
                    java.nio.ByteBuffer.wrap(header, 8, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                            .putInt(random.nextInt());
                    yield header;
                }
            };
            Files.write(file, bytes);
            hostile.attempt("Npy.read", "Npy.read of " + bytes.length + " bytes", () -> {
                try (Arena arena = Arena.ofConfined()) {
                    Npy.read(file, arena);
                }
                return null;
            }, List.of(NpyFormatException.class));
        }
        assertClean("npy");
    }

    private static byte[] randomBytes(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        if (length > 6 && random.nextBoolean()) {
            System.arraycopy(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'}, 0, bytes, 0, 6);
        }
        return bytes;
    }

    /** A file with the magic, a version, a header text and {@code dataBytes} zero bytes of data. */
    private static byte[] npy(int major, String header, int dataBytes) {
        byte[] text = header.getBytes(StandardCharsets.ISO_8859_1);
        int prefix = major == 1 ? 10 : 12;
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(prefix + text.length + dataBytes)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        buffer.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            buffer.putShort((short) text.length);
        } else {
            buffer.putInt(text.length);
        }
        buffer.put(text);
        return buffer.array();
    }
}

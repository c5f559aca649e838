package dev.webnn.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLNumber;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.conformance.WptCase.Argument;
import dev.webnn.conformance.WptCase.WptOperator;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Overload choice, argument conversion and options building by reflection, on a stand-in builder. */
class BuilderInvokerTest {

    /** A stand-in for a spec enum. */
    public enum FakeLayout {
        /** Channels first. */
        NCHW,
        /** Channels last. */
        NHWC,
        /** A hyphenated spec value. */
        NEAREST_NEIGHBOR
    }

    /** A stand-in options class following the API conventions. */
    public static final class FakeOptions {
        private static final FakeOptions DEFAULTS = new FakeOptions(new LinkedHashMap<>());
        private final Map<String, Object> set;

        private FakeOptions(Map<String, Object> set) {
            this.set = set;
        }

        /** @return the defaults */
        public static FakeOptions defaults() {
            return DEFAULTS;
        }

        private FakeOptions with(String key, Object value) {
            Map<String, Object> copy = new LinkedHashMap<>(set);
            copy.put(key, value);
            return new FakeOptions(copy);
        }

        /** @param v axis @return new options */
        public FakeOptions withAxis(int v) {
            return with("axis", v);
        }

        /** @param v padding @return new options */
        public FakeOptions withPadding(long... v) {
            return with("padding", v);
        }

        /** @param v bias @return new options */
        public FakeOptions withBias(MLOperand v) {
            return with("bias", v);
        }

        /** @param v layout @return new options */
        public FakeOptions withLayout(FakeLayout v) {
            return with("layout", v);
        }

        /** @param v alpha @return new options */
        public FakeOptions withAlpha(double v) {
            return with("alpha", v);
        }

        /** @param v min @return new options */
        public FakeOptions withMinValue(MLNumber v) {
            return with("minValue", v);
        }

        /** @param v keep @return new options */
        public FakeOptions withKeepDimensions(boolean v) {
            return with("keepDimensions", v);
        }
    }

    /** A stand-in builder recording its calls. */
    public static final class FakeBuilder {
        final List<String> calls = new ArrayList<>();
        FakeOptions lastOptions;

        /** @param input x @param splits n @param options o @return input */
        public MLOperand split(MLOperand input, long splits, FakeOptions options) {
            calls.add("split(long " + splits + ")");
            lastOptions = options;
            return input;
        }

        /** @param input x @param splits sizes @param options o @return one per split */
        public List<MLOperand> split(MLOperand input, long[] splits, FakeOptions options) {
            calls.add("split(long[] " + Arrays.toString(splits) + ")");
            lastOptions = options;
            return java.util.Collections.nCopies(splits.length, input);
        }

        /** @param input x @param splits n @return never chosen: the options overload is */
        public MLOperand split(MLOperand input, long splits) {
            throw new AssertionError("the overload without options must not be used");
        }

        /** @param inputs xs @param axis a @param options o @return first */
        public MLOperand concat(List<MLOperand> inputs, int axis, FakeOptions options) {
            calls.add("concat(" + inputs.size() + ", " + axis + ")");
            return inputs.get(0);
        }

        /** @param inputs xs @param options o @return last */
        public MLOperand[] stack(MLOperand[] inputs, FakeOptions options) {
            calls.add("stack(" + inputs.length + ")");
            return new MLOperand[] {inputs[inputs.length - 1]};
        }

        /** @param input x @param type t @param options o @return x */
        public MLOperand cast(MLOperand input, MLOperandDataType type, FakeOptions options) {
            calls.add("cast(" + type.name() + ")");
            return input;
        }

        /** @param input x @param factor f @param options o @return x */
        public MLOperand scale(MLOperand input, double factor, FakeOptions options) {
            calls.add("scale(double " + factor + ")");
            return input;
        }

        /** @param input x @param factor f @param options o @return x */
        public MLOperand scale(MLOperand input, MLNumber factor, FakeOptions options) {
            calls.add("scale(MLNumber " + factor + ")");
            return input;
        }

        /** @param input x @param name a plain string @param options o @return x */
        public MLOperand named(MLOperand input, String name, FakeOptions options) {
            calls.add("named(" + name + ")");
            return input;
        }

        /** @param input x @return x */
        public MLOperand legacy(MLOperand input) {
            calls.add("legacy");
            return input;
        }
    }

    private MLContext context;
    private MLOperand x;
    private MLOperand y;
    private final FakeBuilder fake = new FakeBuilder();
    private final Map<String, MLOperand> operands = new LinkedHashMap<>();
    private ArgumentConverter converter;

    @BeforeEach
    void operands() {
        context = ML.createContext();
        MLGraphBuilder builder = new MLGraphBuilder(context);
        x = builder.input("x", MLOperandDescriptor.of(MLOperandDataType.FLOAT32, 2));
        y = builder.input("y", MLOperandDescriptor.of(MLOperandDataType.FLOAT32, 2));
        operands.put("x", x);
        operands.put("y", y);
        converter = new ArgumentConverter(operands::get);
    }

    @AfterEach
    void close() {
        context.close();
    }

    private List<MLOperand> invoke(String op, Map<String, Object> options, List<String> outputs, Object... positional) {
        List<Argument> arguments = new ArrayList<>();
        for (int i = 0; i < positional.length; i += 2) {
            arguments.add(new Argument((String) positional[i], positional[i + 1]));
        }
        if (options != null) {
            arguments.add(new Argument(WptOperator.OPTIONS, options));
        }
        return BuilderInvoker.invoke(fake, new WptOperator(op, arguments, outputs), converter);
    }

    @Test
    void usesTheOverloadWithOptionsAndTheirDefaultsWhenTheCaseHasNone() {
        assertEquals(List.of(x), invoke("split", null, List.of("o"), "input", "x", "splits", BigInteger.valueOf(3)));
        assertEquals(List.of("split(long 3)"), fake.calls);
        assertSame(FakeOptions.defaults(), fake.lastOptions);
    }

    @Test
    void choosesTheOverloadByTheArgumentTypes() {
        List<MLOperand> results = invoke("split", null, List.of("a", "b"), "input", "x", "splits",
                List.of(BigInteger.TWO, BigInteger.ONE));
        assertEquals(List.of(x, x), results);
        assertEquals(List.of("split(long[] [2, 1])"), fake.calls);
        invoke("scale", null, List.of("o"), "input", "x", "factor", BigInteger.valueOf(2));
        invoke("scale", null, List.of("o"), "input", "x", "factor", new BigDecimal("0.5"));
        assertEquals("scale(MLNumber 2)", fake.calls.get(1), "an integer keeps its exactness");
        assertTrue(fake.calls.get(2).startsWith("scale("), fake.calls.get(2));
    }

    @Test
    void appliesEveryOptionThroughItsWither() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("axis", BigInteger.ONE);
        options.put("padding", List.of(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(3), BigInteger.valueOf(4)));
        options.put("bias", "y");
        options.put("layout", "nhwc");
        options.put("alpha", BigInteger.TWO);
        options.put("minValue", new BigInteger("18446744073709551615"));
        options.put("keepDimensions", true);
        options.put("skipped", null);
        invoke("split", options, List.of("o"), "input", "x", "splits", BigInteger.ONE);
        Map<String, Object> set = fake.lastOptions.set;
        assertEquals(List.of("axis", "padding", "bias", "layout", "alpha", "minValue", "keepDimensions"),
                List.copyOf(set.keySet()));
        assertEquals(1, set.get("axis"));
        assertArrayEquals(new long[] {1, 2, 3, 4}, (long[]) set.get("padding"));
        assertSame(y, set.get("bias"));
        assertEquals(FakeLayout.NHWC, set.get("layout"));
        assertEquals(2.0, set.get("alpha"));
        assertEquals(MLNumber.ofUnsigned(-1L), set.get("minValue"));
        assertEquals(true, set.get("keepDimensions"));
    }

    @Test
    void convertsOperandListsArraysAndEnums() {
        invoke("concat", null, List.of("o"), "inputs", List.of("x", "y"), "axis", BigInteger.ZERO);
        assertEquals(List.of(y), invoke("stack", null, List.of("o"), "inputs", List.of("x", "y")));
        invoke("cast", null, List.of("o"), "input", "x", "type", "int32");
        invoke("named", null, List.of("o"), "input", "x", "name", "free text");
        assertEquals(List.of("concat(2, 0)", "stack(2)", "cast(INT32)", "named(free text)"), fake.calls);
    }

    @Test
    void usesTheOverloadWithoutOptionsOnlyWhenThereIsNoOther() {
        invoke("legacy", null, List.of("o"), "input", "x");
        assertEquals(List.of("legacy"), fake.calls);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> invoke("legacy", Map.of("axis", BigInteger.ONE), List.of("o"), "input", "x"));
        assertTrue(error.getMessage().startsWith("no overload of legacy accepts input=x and options [axis]"),
                error.getMessage());
    }

    @Test
    void aMissingMethodIsReportedAsNoBuilderMethod() {
        BuilderInvoker.NoBuilderMethodException error = assertThrows(BuilderInvoker.NoBuilderMethodException.class,
                () -> invoke("fooBar", null, List.of("o"), "input", "x"));
        assertEquals("no builder method FakeBuilder.fooBar", error.getMessage());
    }

    @Test
    void unconvertibleArgumentsAndUnknownOptionsAreReported() {
        IllegalArgumentException badArgument = assertThrows(IllegalArgumentException.class,
                () -> invoke("split", null, List.of("o"), "input", "nowhere", "splits", BigInteger.ONE));
        assertTrue(badArgument.getMessage().startsWith("no overload of split accepts input=nowhere, splits=1; candidates: "),
                badArgument.getMessage());
        IllegalArgumentException badOption = assertThrows(IllegalArgumentException.class,
                () -> invoke("split", Map.of("unknownKey", BigInteger.ONE), List.of("o"), "input", "x", "splits", BigInteger.ONE));
        assertEquals("FakeOptions has no withUnknownKey accepting 1 (no such method)", badOption.getMessage());
        IllegalArgumentException badEnum = assertThrows(IllegalArgumentException.class,
                () -> invoke("split", Map.of("layout", "diagonal"), List.of("o"), "input", "x", "splits", BigInteger.ONE));
        assertEquals("FakeOptions has no withLayout accepting diagonal", badEnum.getMessage());
        IllegalArgumentException fraction = assertThrows(IllegalArgumentException.class,
                () -> invoke("split", Map.of("axis", new BigDecimal("1.5")), List.of("o"), "input", "x", "splits", BigInteger.ONE));
        assertEquals("FakeOptions has no withAxis accepting 1.5", fraction.getMessage());
    }

    @Test
    void theNumberOfResultsMustMatchTheCaseOutputs() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> invoke("split", null,
                List.of("only"), "input", "x", "splits", List.of(BigInteger.TWO, BigInteger.ONE)));
        assertEquals("split returned 2 operands, the case names 1: [only]", error.getMessage());
    }

    @Test
    void enumStringsBecomeUpperSnakeCase() {
        assertEquals("NEAREST_NEIGHBOR", ArgumentConverter.upperSnake("nearest-neighbor"));
        assertEquals("NCHW", ArgumentConverter.upperSnake("nchw"));
        assertEquals("FLOAT32", ArgumentConverter.upperSnake("float32"));
        assertEquals("SOME_CAMEL_VALUE", ArgumentConverter.upperSnake("someCamelValue"));
        assertEquals(FakeLayout.NEAREST_NEIGHBOR,
                converter.convert("nearest-neighbor", FakeLayout.class).orElseThrow().value());
    }

    @Test
    void integersAreRangeCheckedForTheirParameterType() {
        assertTrue(converter.convert(BigInteger.valueOf(1L << 40), int.class).isEmpty());
        assertEquals(1L << 40, converter.convert(BigInteger.valueOf(1L << 40), long.class).orElseThrow().value());
        assertTrue(converter.convert(new BigInteger("18446744073709551615"), long.class).isEmpty());
        assertEquals(3.0f, converter.convert(BigInteger.valueOf(3), float.class).orElseThrow().value());
        assertArrayEquals(new int[] {7}, (int[]) converter.convert(BigInteger.valueOf(7), int[].class).orElseThrow().value(),
                "a single number for an array parameter (varargs)");
        assertTrue(converter.convert(List.of("x", "nowhere"), MLOperand[].class).isEmpty());
    }
}

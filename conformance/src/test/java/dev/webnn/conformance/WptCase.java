package dev.webnn.conformance;

import dev.webnn.MLOperandDataType;
import java.util.List;
import java.util.Map;

/**
 * One WPT WebNN conformance case as read from {@code shared/conformance/wpt/*.json}: a small
 * graph (inputs, constants, operators) and the outputs it must produce.
 *
 * <p>JSON values are kept as plain Java values (see {@link WptCaseLoader}): {@link String},
 * {@link Boolean}, {@code null}, numbers ({@link java.math.BigInteger} for integers,
 * {@link java.math.BigDecimal} for decimals, {@link Double} only for {@code -0.0}),
 * {@link List} and {@link Map}.
 *
 * @param file the JSON file the case comes from, e.g. {@code "add.json"}
 * @param operation the spec name of the operation under test (the first operator's name),
 *     e.g. {@code "reduceSum"}
 * @param name the case's WPT name
 * @param inputs graph inputs and constants by name, in file order
 * @param operators the operators in graph order
 * @param expectedOutputs expected graph outputs by name, in file order
 * @param problem why the case cannot run as written (e.g. a non-finite value lost in the JSON
 *     conversion, a data type newer than the spec snapshot), or {@code null} when it can
 * @param tolerance the budget the WPT file gives this case itself (its {@code "tolerance"}),
 *     overriding {@link Tolerance}'s table; {@code null} when the table applies
 */
public record WptCase(String file, String operation, String name, Map<String, WptTensor> inputs,
                      List<WptOperator> operators, Map<String, WptTensor> expectedOutputs, String problem,
                      Tolerance.Budget tolerance) {

    /** Copies the collections. */
    public WptCase {
        inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
        operators = List.copyOf(operators);
        expectedOutputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(expectedOutputs));
    }

    /**
     * A case whose budget comes from {@link Tolerance}'s table.
     *
     * @param file the JSON file
     * @param operation the operation under test
     * @param name the case name
     * @param inputs graph inputs and constants
     * @param operators the operators
     * @param expectedOutputs the expected outputs
     * @param problem why it cannot run, or {@code null}
     */
    public WptCase(String file, String operation, String name, Map<String, WptTensor> inputs,
                   List<WptOperator> operators, Map<String, WptTensor> expectedOutputs, String problem) {
        this(file, operation, name, inputs, operators, expectedOutputs, problem, null);
    }

    /**
     * Data type of the first expected output: WPT chooses the tolerance of a graph by it.
     *
     * @return the output data type
     */
    public MLOperandDataType outputDataType() {
        return expectedOutputs.values().iterator().next().dataType();
    }

    /**
     * A tensor of a case: a graph input, a constant or an expected output.
     *
     * @param name the operand name
     * @param dataType the data type
     * @param shape the dimensions (empty for a scalar)
     * @param values the element values; one value when {@code fill} is set; an element may be
     *     {@code null} when the JSON held one (a non-finite number lost by the conversion); NaN and
     *     infinities are {@link Double}s
     * @param fill the JSON gave a single number for a shape of any size: every element has it
     * @param constant the tensor is a constant ({@code "constant": true}); false for outputs
     */
    public record WptTensor(String name, MLOperandDataType dataType, long[] shape, List<Object> values, boolean fill,
                            boolean constant) {

        /** Copies the arrays. */
        public WptTensor {
            shape = shape.clone();
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }

        /** {@return a copy of the dimensions} */
        @Override
        public long[] shape() {
            return shape.clone();
        }

        /**
         * The number of elements of the shape.
         *
         * @return the product of the dimensions, 1 for a scalar
         */
        public long elementCount() {
            long count = 1;
            for (long dimension : shape) {
                count = Math.multiplyExact(count, dimension);
            }
            return count;
        }

        /**
         * The value of element {@code index}, honouring the fill form.
         *
         * @param index the element index
         * @return the JSON value of that element
         */
        public Object value(long index) {
            return fill ? values.get(0) : values.get(Math.toIntExact(index));
        }
    }

    /**
     * One operator call of a case.
     *
     * @param name the MLGraphBuilder method (spec operation name), e.g. {@code "conv2d"}
     * @param arguments the positional arguments in method order, with their WPT names; a final
     *     argument named {@code "options"} holds the options dictionary
     * @param outputs the names given to the results (several for multi-output operations)
     */
    public record WptOperator(String name, List<Argument> arguments, List<String> outputs) {

        /** Name of the argument that carries the options dictionary. */
        public static final String OPTIONS = "options";

        /** Copies the lists. */
        public WptOperator {
            arguments = List.copyOf(arguments);
            outputs = List.copyOf(outputs);
        }

        /**
         * The arguments before the options dictionary.
         *
         * @return the positional arguments
         */
        public List<Argument> positional() {
            return options() == null ? arguments : arguments.subList(0, arguments.size() - 1);
        }

        /**
         * The options dictionary, when the case passes one.
         *
         * @return the options as a JSON object, or {@code null}
         */
        @SuppressWarnings("unchecked")
        public Map<String, Object> options() {
            if (arguments.isEmpty()) {
                return null;
            }
            Argument last = arguments.get(arguments.size() - 1);
            return OPTIONS.equals(last.name()) && last.value() instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
        }

        /**
         * A positional argument by its WPT name.
         *
         * @param argumentName e.g. {@code "axis"}
         * @return its JSON value, or {@code null} when absent
         */
        public Object argument(String argumentName) {
            return positional().stream().filter(a -> a.name().equals(argumentName)).map(Argument::value).findFirst()
                    .orElse(null);
        }

        /**
         * An option by key.
         *
         * @param key e.g. {@code "groups"}
         * @return its JSON value, or {@code null} when absent
         */
        public Object option(String key) {
            Map<String, Object> options = options();
            return options == null ? null : options.get(key);
        }
    }

    /**
     * One positional argument.
     *
     * @param name the WPT name of the argument, e.g. {@code "input"}; the spec's operand role
     *     when the value names an operand
     * @param value the JSON value
     */
    public record Argument(String name, Object value) {
    }
}

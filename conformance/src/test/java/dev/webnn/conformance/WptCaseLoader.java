package dev.webnn.conformance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.webnn.MLOperandDataType;
import dev.webnn.conformance.Tolerance.Budget;
import dev.webnn.conformance.Tolerance.Metric;
import dev.webnn.conformance.WptCase.Argument;
import dev.webnn.conformance.WptCase.WptOperator;
import dev.webnn.conformance.WptCase.WptTensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the WPT conformance cases from {@code <webnn.shared>/conformance/wpt/*.json} and
 * {@code <webnn.shared>/conformance/wpt-upstream/*.json} (format:
 * {@code shared/conformance/README.md}).
 *
 * <p>JSON is parsed into plain Java values with exact numbers: integers become
 * {@link BigInteger} (so uint64 values above {@link Long#MAX_VALUE} survive), decimals
 * {@link BigDecimal} (so float16 rounding is done once, from the decimal), except
 * {@code -0.0}, which becomes the {@link Double} {@code -0.0} to keep its sign. Strings
 * written as JavaScript BigInt literals ({@code "9007199254740992n"}) become
 * {@link BigInteger}. In tensor data, where JSON has no form for them, the strings
 * {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"} become those {@link Double}s and
 * decimal integer strings (WPT's int64/uint64 BigInts) become {@link BigInteger}. A case's
 * {@code "tolerance"} becomes its {@link WptCase#tolerance()}. A case using a data type this
 * library does not know is kept, without tensors, as not runnable; int4 and uint4, beyond the
 * spec snapshot, are known ({@link MLOperandDataType#INT4}).
 */
public final class WptCaseLoader {

    /** System property naming the shared folder (set by the parent POM). */
    public static final String SHARED_PROPERTY = "webnn.shared";

    /** The suites under {@code <webnn.shared>/conformance}, in run order. */
    public static final List<String> SUITES = List.of("wpt", "wpt-upstream");

    private static final Pattern BIGINT_LITERAL = Pattern.compile("-?\\d+n");
    private static final Pattern DECIMAL_INTEGER = Pattern.compile("-?\\d+");
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private WptCaseLoader() {
    }

    /**
     * The folder of the first suite's WPT JSON files, from the {@value #SHARED_PROPERTY}
     * system property.
     *
     * @return the folder, or empty with no property set
     */
    public static Optional<Path> folder() {
        return folder(SUITES.get(0));
    }

    /**
     * The folder of one suite of {@link #SUITES}, from the {@value #SHARED_PROPERTY} system
     * property.
     *
     * @param suite e.g. {@code "wpt-upstream"}
     * @return the folder, or empty with no property set
     */
    public static Optional<Path> folder(String suite) {
        String shared = System.getProperty(SHARED_PROPERTY);
        return shared == null || shared.isBlank() ? Optional.empty()
                : Optional.of(Path.of(shared, "conformance", suite).toAbsolutePath().normalize());
    }

    /**
     * Every case of every {@code *.json} file of a folder, files in name order.
     *
     * @param folder the folder
     * @return the cases
     * @throws UncheckedIOException if a file cannot be read
     * @throws IllegalArgumentException if a file is not in the WPT case format
     */
    public static List<WptCase> loadAll(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<WptCase> cases = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                cases.addAll(load(file));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The cases of one file.
     *
     * @param file a WPT JSON file
     * @return its cases in file order
     * @throws UncheckedIOException if the file cannot be read
     * @throws IllegalArgumentException if it is not in the WPT case format
     */
    public static List<WptCase> load(Path file) {
        try {
            return cases(file.getFileName().toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The cases of one file's text.
     *
     * @param fileName the file name recorded in each case
     * @param json the file's text
     * @return its cases in file order
     * @throws IllegalArgumentException if the text is not in the WPT case format
     */
    public static List<WptCase> cases(String fileName, String json) {
        Map<String, Object> root = object(parse(json), fileName);
        List<WptCase> cases = new ArrayList<>();
        for (Object test : list(root.get("tests"), fileName + ": tests")) {
            Map<String, Object> testObject = object(test, fileName + ": test");
            String name = (String) testObject.get("name");
            try {
                cases.add(toCase(fileName, name, object(testObject.get("graph"), "graph"),
                        budget(testObject.get("tolerance"))));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(fileName + ", case '" + name + "': " + e.getMessage(), e);
            }
        }
        return cases;
    }

    /**
     * Parses JSON text into plain Java values (see the class comment).
     *
     * @param json the text
     * @return the value
     * @throws IllegalArgumentException if the text is not valid JSON
     */
    public static Object parse(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            parser.nextToken();
            Object value = value(parser);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("trailing content after the JSON value at " + parser.currentLocation());
            }
            return value;
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getMessage(), e);
        }
    }

    private static Object value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw new IllegalArgumentException("unexpected end of JSON");
        }
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    parser.nextToken();
                    map.put(key, value(parser));
                }
                yield map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(parser));
                }
                yield list;
            }
            case VALUE_STRING -> {
                String text = parser.getText();
                yield BIGINT_LITERAL.matcher(text).matches() ? new BigInteger(text.substring(0, text.length() - 1)) : text;
            }
            case VALUE_NUMBER_INT -> parser.getBigIntegerValue();
            case VALUE_NUMBER_FLOAT -> {
                BigDecimal decimal = parser.getDecimalValue();
                yield decimal.signum() == 0 && parser.getText().startsWith("-") ? (Object) (-0.0d) : decimal;
            }
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IllegalArgumentException("unexpected JSON token " + token + " at " + parser.currentLocation());
        };
    }

    private static WptCase toCase(String fileName, String name, Map<String, Object> graph, Budget tolerance) {
        Map<String, Object> inputsJson = object(graph.get("inputs"), "inputs");
        Map<String, Object> outputsJson = object(graph.get("expectedOutputs"), "expectedOutputs");
        List<WptOperator> operators = new ArrayList<>();
        for (Object operator : list(graph.get("operators"), "operators")) {
            operators.add(toOperator(object(operator, "operator")));
        }
        if (operators.isEmpty() || outputsJson.isEmpty()) {
            throw new IllegalArgumentException("a case needs operators and expected outputs");
        }
        String operation = operators.get(0).name();
        Optional<String> unknownType = Stream.concat(inputsJson.entrySet().stream(), outputsJson.entrySet().stream())
                .map(e -> dataTypeName(e.getKey(), e.getValue())).filter(t -> java.util.Arrays.stream(MLOperandDataType.values()).noneMatch(k -> k.toString().equals(t)))
                .findFirst();
        if (unknownType.isPresent()) {
            return new WptCase(fileName, operation, name, Map.of(), operators, Map.of(), "data type " + unknownType.get()
                    + " is not an MLOperandDataType", tolerance);
        }
        Map<String, WptTensor> inputs = tensors(inputsJson, true);
        Map<String, WptTensor> outputs = tensors(outputsJson, false);
        String problem = Stream.concat(inputs.values().stream(), outputs.values().stream())
                .filter(t -> t.values().contains(null)).map(t -> "the data of '" + t.name()
                        + "' holds null (a NaN or infinity that the JSON conversion could not keep)")
                .findFirst().orElse(null);
        return new WptCase(fileName, operation, name, inputs, operators, outputs, problem, tolerance);
    }

    /** A case's own {@code "tolerance"} ({@code {"metricType": "ULP"|"ATOL", "value": N}}), or {@code null}. */
    private static Budget budget(Object json) {
        if (json == null) {
            return null;
        }
        Map<String, Object> tolerance = object(json, "tolerance");
        Metric metric = Metric.valueOf(String.valueOf(tolerance.get("metricType")));
        return new Budget(metric, WptData.decimal(tolerance.get("value")).doubleValue());
    }

    private static String dataTypeName(String tensor, Object json) {
        return (String) object(object(json, tensor).get("descriptor"), tensor + " descriptor").get("dataType");
    }

    /** A data element: the strings JSON needs for non-finite numbers and BigInts become numbers. */
    private static Object dataValue(Object value) {
        if (!(value instanceof String text)) {
            return value;
        }
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> {
                if (!DECIMAL_INTEGER.matcher(text).matches()) {
                    throw new IllegalArgumentException("tensor data holds the string \"" + text + "\"");
                }
                yield new BigInteger(text);
            }
        };
    }

    private static WptOperator toOperator(Map<String, Object> operator) {
        String name = (String) operator.get("name");
        List<Argument> arguments = new ArrayList<>();
        for (Object argument : list(operator.get("arguments"), name + " arguments")) {
            Map<String, Object> single = object(argument, name + " argument");
            if (single.size() != 1) {
                throw new IllegalArgumentException(name + ": an argument object must have exactly one key: " + single.keySet());
            }
            Map.Entry<String, Object> entry = single.entrySet().iterator().next();
            arguments.add(new Argument(entry.getKey(), entry.getValue()));
        }
        Object outputs = operator.get("outputs");
        List<String> outputNames = outputs instanceof String single ? List.of(single)
                : list(outputs, name + " outputs").stream().map(String.class::cast).toList();
        return new WptOperator(name, arguments, outputNames);
    }

    private static Map<String, WptTensor> tensors(Map<String, Object> json, boolean inputs) {
        Map<String, WptTensor> tensors = new LinkedHashMap<>();
        json.forEach((name, value) -> {
            Map<String, Object> tensor = object(value, name);
            Map<String, Object> descriptor = object(tensor.get("descriptor"), name + " descriptor");
            Object shapeJson = descriptor.containsKey("shape") ? descriptor.get("shape") : descriptor.get("dimensions");
            long[] shape = list(shapeJson, name + " shape").stream()
                    .mapToLong(d -> ((BigInteger) d).longValueExact()).toArray();
            MLOperandDataType dataType = MLOperandDataType.fromSpecName((String) descriptor.get("dataType"));
            Object data = tensor.get("data");
            boolean fill = !(data instanceof List<?>);
            List<Object> values = (fill ? java.util.Collections.singletonList(data) : list(data, name + " data")).stream()
                    .map(WptCaseLoader::dataValue).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
            boolean constant = inputs && Boolean.TRUE.equals(tensor.get("constant"));
            tensors.put(name, new WptTensor(name, dataType, shape, values, fill, constant));
        });
        return tensors;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String what) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException(what + " is not a JSON object: " + value);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value, String what) {
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw new IllegalArgumentException(what + " is not a JSON array: " + value);
    }
}

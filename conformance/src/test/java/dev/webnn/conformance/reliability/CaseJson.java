package dev.webnn.conformance.reliability;

import dev.webnn.conformance.WptCase;
import dev.webnn.conformance.WptCase.Argument;
import dev.webnn.conformance.WptCase.WptOperator;
import dev.webnn.conformance.WptCase.WptTensor;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link WptCase} as JSON in the layout of the WPT WebNN conformance files
 * ({@code graph.inputs}, {@code graph.operators}, {@code graph.expectedOutputs}), so that a
 * failing generated graph can be read, or pasted into a conformance file, as it is.
 */
final class CaseJson {

    private CaseJson() {
    }

    /**
     * The case as JSON.
     *
     * @param wptCase the case
     * @return one JSON object on several lines
     */
    static String render(WptCase wptCase) {
        StringBuilder out = new StringBuilder();
        out.append("{\n  \"name\": ");
        value(out, wptCase.name());
        out.append(",\n  \"graph\": {\n    \"inputs\": {");
        String separator = "\n";
        for (WptTensor tensor : wptCase.inputs().values()) {
            out.append(separator).append("      ");
            value(out, tensor.name());
            out.append(": ");
            tensor(out, tensor, true);
            separator = ",\n";
        }
        out.append("\n    },\n    \"operators\": [");
        separator = "\n";
        for (WptOperator operator : wptCase.operators()) {
            out.append(separator).append("      {\"name\": ");
            value(out, operator.name());
            out.append(", \"arguments\": [");
            String comma = "";
            for (Argument argument : operator.arguments()) {
                out.append(comma).append('{');
                value(out, argument.name());
                out.append(": ");
                value(out, argument.value());
                out.append('}');
                comma = ", ";
            }
            out.append("], \"outputs\": ");
            value(out, operator.outputs().size() == 1 ? operator.outputs().get(0) : operator.outputs());
            out.append('}');
            separator = ",\n";
        }
        out.append("\n    ],\n    \"expectedOutputs\": {");
        separator = "\n";
        for (WptTensor tensor : wptCase.expectedOutputs().values()) {
            out.append(separator).append("      ");
            value(out, tensor.name());
            out.append(": ");
            tensor(out, tensor, !tensor.values().isEmpty());
            separator = ",\n";
        }
        return out.append("\n    }\n  }\n}").toString();
    }

    private static void tensor(StringBuilder out, WptTensor tensor, boolean withData) {
        out.append('{');
        if (withData) {
            out.append("\"data\": ");
            value(out, tensor.fill() ? tensor.values().get(0) : tensor.values());
            out.append(", ");
        }
        out.append("\"descriptor\": {\"shape\": ");
        value(out, java.util.Arrays.stream(tensor.shape()).boxed().toList());
        out.append(", \"dataType\": ");
        value(out, tensor.dataType().specName());
        out.append('}');
        if (tensor.constant()) {
            out.append(", \"constant\": true");
        }
        out.append('}');
    }

    private static void value(StringBuilder out, Object value) {
        switch (value) {
            case null -> out.append("null");
            case String text -> out.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            case BigDecimal decimal -> out.append(decimal.stripTrailingZeros().toPlainString());
            case Double d when d.isNaN() || d.isInfinite() -> out.append('"').append(d).append('"');
            case Double d when d == Math.rint(d) && Math.abs(d) < 1e15 -> out.append(d.longValue());
            case Number number -> out.append(number);
            case Boolean bool -> out.append(bool);
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    out.append(i == 0 ? "" : ", ");
                    value(out, list.get(i));
                }
                out.append(']');
            }
            case Map<?, ?> map -> {
                out.append('{');
                String comma = "";
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    out.append(comma);
                    value(out, String.valueOf(entry.getKey()));
                    out.append(": ");
                    value(out, entry.getValue());
                    comma = ", ";
                }
                out.append('}');
            }
            default -> value(out, value.toString());
        }
    }
}

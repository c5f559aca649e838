package dev.webnn.conformance;

import dev.webnn.MLOpSupportLimits;
import dev.webnn.MLTensorLimits;
import dev.webnn.conformance.WptCase.Argument;
import dev.webnn.conformance.WptCase.WptOperator;
import dev.webnn.conformance.WptCase.WptTensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, before building, whether a backend claims to support a case, from its
 * {@code MLContext.opSupportLimits()}: every operator present, every operand's data type
 * and rank allowed for its role, and graph inputs, constants and outputs within the
 * input/constant/output limits.
 *
 * <p>An operand's role is the WPT argument name or option key that passes it (the spec's
 * member names: {@code "input"}, {@code "filter"}, {@code "bias"}, ...); a list argument
 * ({@code concat}'s {@code "inputs"}) checks each element against that role. Operator
 * results are checked against the first role of {@code "outputs[i]"}, {@code "outputs"},
 * {@code "output"} that the limits list, when the case gives their descriptor (graph
 * outputs). Roles the limits do not list are not checked.
 */
public final class SupportCheck {

    private SupportCheck() {
    }

    /**
     * Why the limits rule the case out.
     *
     * @param wptCase the case
     * @param limits the backend's limits
     * @return the first reason found, or empty when the limits allow the case
     */
    public static Optional<String> unsupportedReason(WptCase wptCase, MLOpSupportLimits limits) {
        for (WptOperator operator : wptCase.operators()) {
            if (limits.operator(operator.name()).isEmpty()) {
                return Optional.of("operator " + operator.name() + " is not in the backend's opSupportLimits()");
            }
        }
        List<Check> checks = new ArrayList<>();
        for (WptTensor tensor : wptCase.inputs().values()) {
            checks.add(tensor.constant() ? new Check("constant '" + tensor.name() + "'", tensor, limits.constant())
                    : new Check("graph input '" + tensor.name() + "'", tensor, limits.input()));
        }
        for (WptTensor tensor : wptCase.expectedOutputs().values()) {
            checks.add(new Check("graph output '" + tensor.name() + "'", tensor, limits.output()));
        }
        for (WptOperator operator : wptCase.operators()) {
            Map<String, MLTensorLimits> roleLimits = limits.operator(operator.name()).orElseThrow();
            for (Role role : roles(operator, wptCase, roleLimits)) {
                if (roleLimits.containsKey(role.name())) {
                    checks.add(new Check(operator.name() + " " + role.name() + " '" + role.tensor().name() + "'",
                            role.tensor(), roleLimits.get(role.name())));
                }
            }
        }
        return checks.stream().map(SupportCheck::violation).flatMap(Optional::stream).findFirst();
    }

    /** An operand of known descriptor in a role of an operator. */
    private record Role(String name, WptTensor tensor) {
    }

    /** A tensor to hold against some limits; {@code what} names it in the reason. */
    private record Check(String what, WptTensor tensor, MLTensorLimits limits) {
    }

    private static List<Role> roles(WptOperator operator, WptCase wptCase, Map<String, MLTensorLimits> limits) {
        List<Role> roles = new ArrayList<>();
        for (Argument argument : operator.positional()) {
            addOperands(roles, argument.name(), argument.value(), wptCase);
        }
        Map<String, Object> options = operator.options();
        if (options != null) {
            options.forEach((key, value) -> addOperands(roles, key, value, wptCase));
        }
        List<String> outputs = operator.outputs();
        for (int i = 0; i < outputs.size(); i++) {
            WptTensor output = wptCase.expectedOutputs().get(outputs.get(i));
            if (output != null) {
                String indexed = "outputs[" + i + "]";
                roles.add(new Role(limits.containsKey(indexed) ? indexed : limits.containsKey("outputs") ? "outputs" : "output",
                        output));
            }
        }
        return roles;
    }

    private static void addOperands(List<Role> roles, String role, Object value, WptCase wptCase) {
        if (value instanceof String name && wptCase.inputs().containsKey(name)) {
            roles.add(new Role(role, wptCase.inputs().get(name)));
        } else if (value instanceof List<?> list) {
            for (Object element : list) {
                if (element instanceof String name && wptCase.inputs().containsKey(name)) {
                    roles.add(new Role(role, wptCase.inputs().get(name)));
                }
            }
        }
    }

    private static Optional<String> violation(Check check) {
        int rank = check.tensor().shape().length;
        MLTensorLimits limits = check.limits();
        if (!limits.dataTypes().contains(check.tensor().dataType())) {
            return Optional.of(check.what() + ": data type " + check.tensor().dataType() + " is not supported (supported: "
                    + limits.dataTypes() + ")");
        }
        if (!limits.rankRange().contains(rank)) {
            return Optional.of(check.what() + ": rank " + rank + " is not supported (ranks " + limits.rankRange().min()
                    + " to " + limits.rankRange().max() + ")");
        }
        return Optional.empty();
    }
}

package dev.webnn.conformance;

import dev.webnn.MLOperand;
import dev.webnn.conformance.ArgumentConverter.Converted;
import dev.webnn.conformance.WptCase.Argument;
import dev.webnn.conformance.WptCase.WptOperator;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Calls a graph-builder operation by reflection from a WPT operator: no per-operation code.
 *
 * <p>Overload choice: among the target's public instance methods named like the operator,
 * the one with the positional arguments plus a final <em>options</em> parameter is used
 * (an options class is one with a public static no-argument {@code defaults()} returning
 * the class), with {@code XOptions.defaults()} when the case has no options. Only when no
 * such overload exists and the case has no options is the overload without options used.
 * Among the overloads of the right shape, every argument is converted with
 * {@link ArgumentConverter}; the overload with the lowest total conversion cost wins (ties:
 * the first by {@link Method#toGenericString()}), e.g. {@code split(input, long, options)}
 * for {@code "splits": 3} and {@code split(input, long[], options)} for
 * {@code "splits": [2, 1]}.
 *
 * <p>Options: starting from {@code defaults()}, each key {@code k} of the case's options
 * calls the one-parameter wither {@code withK(...)} (again the cheapest convertible
 * overload); {@code null} values are skipped.
 */
public final class BuilderInvoker {

    /**
     * The target has no method of the operator's name: the operation is not implemented yet.
     */
    public static final class NoBuilderMethodException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoBuilderMethodException(String message) {
            super(message);
        }
    }

    private static final String DEFAULTS = "defaults";

    private BuilderInvoker() {
    }

    /**
     * Calls the operator's method on {@code target} and returns its results.
     *
     * @param target the builder (any object with the operation methods)
     * @param operator the WPT operator
     * @param converter converts the JSON arguments (knows the operands so far)
     * @return the results in order: one for single-output operations, several for those
     *     returning {@code List<MLOperand>} or {@code MLOperand[]}
     * @throws NoBuilderMethodException if the target has no method of that name
     * @throws IllegalArgumentException if no overload accepts the arguments, or an option has
     *     no wither accepting its value
     * @throws RuntimeException whatever the operation throws (unwrapped)
     */
    public static List<MLOperand> invoke(Object target, WptOperator operator, ArgumentConverter converter) {
        List<Method> named = publicMethods(target.getClass(), operator.name());
        if (named.isEmpty()) {
            throw new NoBuilderMethodException("no builder method " + target.getClass().getSimpleName() + "."
                    + operator.name());
        }
        List<Argument> positional = operator.positional();
        Map<String, Object> options = operator.options();
        List<Method> withOptions = named.stream()
                .filter(m -> m.getParameterCount() == positional.size() + 1)
                .filter(m -> isOptionsClass(m.getParameterTypes()[m.getParameterCount() - 1]))
                .toList();
        List<Method> candidates = !withOptions.isEmpty() || options != null ? withOptions
                : named.stream().filter(m -> m.getParameterCount() == positional.size()).toList();
        Call best = cheapest(candidates, positional, converter);
        if (best == null) {
            throw new IllegalArgumentException("no overload of " + operator.name() + " accepts "
                    + positional.stream().map(a -> a.name() + "=" + brief(a.value())).collect(Collectors.joining(", "))
                    + (options != null ? " and options " + options.keySet() : "") + "; candidates: "
                    + named.stream().map(Method::toGenericString).collect(Collectors.joining("; ")));
        }
        Object[] arguments = best.arguments();
        Class<?>[] parameterTypes = best.method().getParameterTypes();
        if (arguments.length > positional.size()) {
            arguments[arguments.length - 1] = options(parameterTypes[parameterTypes.length - 1], options, converter);
        }
        return results(call(best.method(), target, arguments), operator);
    }

    /**
     * Builds an options object: {@code defaults()} then one wither per key.
     *
     * @param optionsClass the options class
     * @param options the case's options, or {@code null} for the defaults
     * @param converter converts the values
     * @return the options object
     * @throws IllegalArgumentException if a key has no wither accepting its value
     */
    public static Object options(Class<?> optionsClass, Map<String, Object> options, ArgumentConverter converter) {
        Object result = call(defaultsMethod(optionsClass).orElseThrow(), null);
        if (options == null) {
            return result;
        }
        for (Map.Entry<String, Object> option : options.entrySet()) {
            if (option.getValue() == null) {
                continue;
            }
            String witherName = "with" + option.getKey().substring(0, 1).toUpperCase(Locale.ROOT)
                    + option.getKey().substring(1);
            List<Method> withers = publicMethods(optionsClass, witherName).stream()
                    .filter(m -> m.getParameterCount() == 1).toList();
            Call best = cheapest(withers, List.of(new Argument(option.getKey(), option.getValue())), converter);
            if (best == null) {
                throw new IllegalArgumentException(optionsClass.getSimpleName() + " has no " + witherName
                        + " accepting " + brief(option.getValue()) + (withers.isEmpty() ? " (no such method)" : ""));
            }
            result = call(best.method(), result, best.arguments());
        }
        return result;
    }

    /**
     * Whether a class follows the options convention: a public static {@code defaults()}
     * returning the class itself.
     *
     * @param type a parameter type
     * @return true for options classes
     */
    public static boolean isOptionsClass(Class<?> type) {
        return defaultsMethod(type).isPresent();
    }

    /** A method with converted arguments (the options slot left null) and its total cost. */
    private record Call(Method method, Object[] arguments, int cost) {
    }

    /** The method whose arguments convert at the lowest total cost (the first on ties), or null. */
    private static Call cheapest(List<Method> methods, List<Argument> arguments, ArgumentConverter converter) {
        Call best = null;
        for (Method method : methods) {
            Optional<Call> call = prepare(method, arguments, converter);
            if (call.isPresent() && (best == null || call.get().cost() < best.cost())) {
                best = call.get();
            }
        }
        return best;
    }

    private static Optional<Call> prepare(Method method, List<Argument> positional, ArgumentConverter converter) {
        Type[] types = method.getGenericParameterTypes();
        Object[] arguments = new Object[types.length];
        int cost = 0;
        for (int i = 0; i < positional.size(); i++) {
            Optional<Converted> converted = converter.convert(positional.get(i).value(), types[i]);
            if (converted.isEmpty()) {
                return Optional.empty();
            }
            arguments[i] = converted.get().value();
            cost += converted.get().cost();
        }
        return Optional.of(new Call(method, arguments, cost));
    }

    private static List<MLOperand> results(Object returned, WptOperator operator) {
        List<MLOperand> results = new ArrayList<>();
        if (returned instanceof MLOperand single) {
            results.add(single);
        } else if (returned instanceof MLOperand[] array) {
            results.addAll(Arrays.asList(array));
        } else if (returned instanceof List<?> list) {
            list.forEach(o -> results.add((MLOperand) o));
        } else {
            throw new IllegalArgumentException(operator.name() + " returned " + returned + ", not operands");
        }
        if (results.size() != operator.outputs().size()) {
            throw new IllegalArgumentException(operator.name() + " returned " + results.size() + " operands, the case names "
                    + operator.outputs().size() + ": " + operator.outputs());
        }
        return results;
    }

    private static List<Method> publicMethods(Class<?> type, String name) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name) && !Modifier.isStatic(m.getModifiers()))
                .sorted(Comparator.comparing(Method::toGenericString))
                .toList();
    }

    private static Optional<Method> defaultsMethod(Class<?> type) {
        try {
            Method defaults = type.getMethod(DEFAULTS);
            return Modifier.isStatic(defaults.getModifiers()) && defaults.getReturnType() == type
                    ? Optional.of(defaults) : Optional.empty();
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    private static Object call(Method method, Object target, Object... arguments) {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String brief(Object value) {
        String text = String.valueOf(value);
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}

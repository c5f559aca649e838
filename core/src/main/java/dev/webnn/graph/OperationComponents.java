package dev.webnn.graph;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The generic walks over an {@link Operation}'s record components that every operation
 * shares: listing its operand inputs and replacing them. A component is an input when its
 * type is {@link Operand}, {@code Optional<Operand>} or {@code List<Operand>}.
 */
final class OperationComponents {

    private OperationComponents() {
    }

    /** The operand inputs in component order, absent optional ones left out. */
    static List<Operand> operands(Operation operation) {
        List<Operand> operands = new ArrayList<>();
        for (RecordComponent component : operation.getClass().getRecordComponents()) {
            Object value = value(operation, component);
            switch (kind(component)) {
                case SINGLE -> operands.add((Operand) value);
                case OPTIONAL -> ((Optional<?>) value).ifPresent(o -> operands.add((Operand) o));
                case LIST -> ((List<?>) value).forEach(o -> operands.add((Operand) o));
                case NONE -> { }
            }
        }
        return List.copyOf(operands);
    }

    /** A copy of the operation through its canonical constructor with every input replaced. */
    static Operation withOperands(Operation operation, UnaryOperator<Operand> replace) {
        RecordComponent[] components = operation.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            Object value = value(operation, components[i]);
            types[i] = components[i].getType();
            values[i] = switch (kind(components[i])) {
                case SINGLE -> replace.apply((Operand) value);
                case OPTIONAL -> ((Optional<?>) value).map(o -> replace.apply((Operand) o));
                case LIST -> ((List<?>) value).stream().map(o -> replace.apply((Operand) o)).toList();
                case NONE -> value;
            };
        }
        try {
            return (Operation) operation.getClass().getConstructor(types).newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(operation.op().specName() + ": cannot replace inputs", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(operation.op().specName() + ": cannot replace inputs", e);
        }
    }

    /** How a component holds operands. */
    enum Holder { SINGLE, OPTIONAL, LIST, NONE }

    static Holder kind(RecordComponent component) {
        if (component.getType() == Operand.class) {
            return Holder.SINGLE;
        }
        Type type = component.getGenericType();
        if (type instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] == Operand.class) {
            return component.getType() == Optional.class ? Holder.OPTIONAL : Holder.LIST;
        }
        return Holder.NONE;
    }

    static Object value(Operation operation, RecordComponent component) {
        try {
            return component.getAccessor().invoke(operation);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(operation.op().specName() + ": cannot read " + component.getName(), e);
        }
    }

    /** The operand inputs by component name ({@code name[i]} for a list), absent optional ones left out. */
    static Map<String, Operand> byRole(Operation operation) {
        Map<String, Operand> roles = new LinkedHashMap<>();
        for (RecordComponent component : operation.getClass().getRecordComponents()) {
            Object value = value(operation, component);
            String name = component.getName();
            switch (kind(component)) {
                case SINGLE -> roles.put(name, (Operand) value);
                case OPTIONAL -> ((Optional<?>) value).ifPresent(o -> roles.put(name, (Operand) o));
                case LIST -> {
                    List<?> list = (List<?>) value;
                    for (int i = 0; i < list.size(); i++) {
                        roles.put(name + "[" + i + "]", (Operand) list.get(i));
                    }
                }
                case NONE -> { }
            }
        }
        return roles;
    }
}

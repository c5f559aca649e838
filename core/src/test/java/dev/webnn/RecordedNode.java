package dev.webnn;

import dev.webnn.graph.Attributes;
import dev.webnn.graph.Node;
import dev.webnn.graph.Op;
import dev.webnn.graph.Operand;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A recorded {@link Node} as the builder tests read it: its typed operation named the spec's
 * way, inputs by their spec role names ({@code "inputs[i]"} for a list) and options by
 * their spec option names, read off the record components of the operation.
 *
 * @param node the node
 */
record RecordedNode(Node node) {

    /** The recorded nodes of a graph, in order. */
    static List<RecordedNode> all(List<Node> nodes) {
        return nodes.stream().map(RecordedNode::new).toList();
    }

    Op op() {
        return node.op();
    }

    String label() {
        return node.label();
    }

    List<Operand> outputs() {
        return node.outputs();
    }

    Operand output() {
        return node.output();
    }

    /** The inputs by role, in argument order; absent optional operands left out. */
    Map<String, Operand> inputs() {
        Map<String, Operand> roles = new LinkedHashMap<>();
        for (RecordComponent component : components()) {
            Object value = value(component);
            String name = component.getName();
            if (component.getType() == Operand.class) {
                roles.put(name, (Operand) value);
            } else if (holdsOperands(component) && value instanceof Optional<?> optional) {
                optional.ifPresent(o -> roles.put(name, (Operand) o));
            } else if (holdsOperands(component) && value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    roles.put(name + "[" + i + "]", (Operand) list.get(i));
                }
            }
        }
        return roles;
    }

    Operand input(String role) {
        Operand operand = inputs().get(role);
        if (operand == null) {
            throw new IllegalArgumentException(op().specName() + " has no input '" + role + "' (has " + inputs().keySet()
                    + ")");
        }
        return operand;
    }

    Optional<Operand> optionalInput(String role) {
        return Optional.ofNullable(inputs().get(role));
    }

    List<Operand> inputList(String role) {
        Map<String, Operand> inputs = inputs();
        List<Operand> list = new ArrayList<>();
        for (int i = 0; inputs.containsKey(role + "[" + i + "]"); i++) {
            list.add(inputs.get(role + "[" + i + "]"));
        }
        return list;
    }

    /** The options by name ({@code "scales[i]"} for a list of reals); a family's {@code kind} left out. */
    Attributes attributes() {
        Attributes.Builder attributes = Attributes.builder();
        for (RecordComponent component : components()) {
            String name = component.getName();
            if (component.getType() == Operand.class || holdsOperands(component) || name.equals("kind")) {
                continue;
            }
            switch (value(component)) {
                case Integer i -> attributes.integer(name, i);
                case Long l -> attributes.integer(name, l);
                case int[] ints -> attributes.ints(name, ints);
                case long[] longs -> attributes.longs(name, longs);
                case Double d -> attributes.real(name, d);
                case double[] reals -> {
                    for (int i = 0; i < reals.length; i++) {
                        attributes.real(name + "[" + i + "]", reals[i]);
                    }
                }
                case Boolean b -> attributes.bool(name, b);
                case Enum<?> e -> attributes.enumValue(name, e);
                case MLNumber n -> attributes.number(name, n);
                case List<?> list -> attributes.enumList(name, list.stream().map(e -> (Enum<?>) e).toList());
                default -> throw new IllegalStateException("unexpected component " + name + " of " + op());
            }
        }
        return attributes.build();
    }

    private RecordComponent[] components() {
        return node.operation().getClass().getRecordComponents();
    }

    private static boolean holdsOperands(RecordComponent component) {
        return component.getGenericType() instanceof ParameterizedType type
                && type.getActualTypeArguments()[0] == Operand.class;
    }

    private Object value(RecordComponent component) {
        try {
            return component.getAccessor().invoke(node.operation());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}

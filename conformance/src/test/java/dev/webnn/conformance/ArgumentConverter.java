package dev.webnn.conformance;

import dev.webnn.MLNumber;
import dev.webnn.MLOperand;
import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Converts a WPT JSON value to a Java parameter type of the public API, for calls by
 * reflection ({@link BuilderInvoker}).
 *
 * <p>Rules, by target type:
 * <ul>
 *   <li>{@link MLOperand}: a string naming an operand of the graph so far;</li>
 *   <li>{@code List<MLOperand>}, {@code MLOperand[]} (and any list or array type): a JSON
 *       array, element by element;</li>
 *   <li>an enum: a string, matched to the constant {@link #upperSnake UPPER_SNAKE} of it
 *       ({@code "nearest-neighbor"} to {@code NEAREST_NEIGHBOR}), or else to the constant
 *       whose {@code toString()} is the string;</li>
 *   <li>{@code long}, {@code int}, {@code short}, {@code byte} (boxed too): an integral
 *       number in range; {@code double}, {@code float}: any number; {@link MLNumber}: any
 *       number, exact for integers up to uint64;</li>
 *   <li>{@code boolean}: a JSON boolean; {@link String}: a string that names no operand;</li>
 *   <li>an array type given a single number: a one-element array (for {@code long...}
 *       varargs).</li>
 * </ul>
 * Each conversion has a cost so that overloads can be ranked: 0 for the natural type of
 * the value, more for widening (an integer to {@code double}) or wrapping.
 */
public final class ArgumentConverter {

    /**
     * The result of a conversion.
     *
     * @param value the Java value
     * @param cost how far it is from the JSON's own type (0: its natural type)
     */
    public record Converted(Object value, int cost) {
    }

    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final int WIDENING = 1;
    private static final int WRAPPING = 3;
    private static final int PLAIN_STRING = 5;

    /** A Java integer type: its size in bits and the narrowing of an in-range value to it. */
    private record IntegerType(int bits, Function<BigInteger, Object> narrow) {
    }

    private static final Map<Class<?>, IntegerType> INTEGER_TYPES = integerTypes();

    private final Function<String, MLOperand> operands;

    /**
     * Creates a converter.
     *
     * @param operands the operands of the graph so far by name; returns {@code null} for
     *     unknown names
     */
    public ArgumentConverter(Function<String, MLOperand> operands) {
        this.operands = operands;
    }

    /**
     * Converts a JSON value to a parameter type.
     *
     * @param json the JSON value
     * @param target the parameter's generic type
     * @return the converted value, or empty when the value cannot become that type
     */
    public Optional<Converted> convert(Object json, Type target) {
        Class<?> raw = rawClass(target);
        if (raw == null) {
            return Optional.empty();
        }
        if (raw.isArray() || List.class.isAssignableFrom(raw)) {
            return sequence(json, target, raw);
        }
        if (json instanceof Number number) {
            return number(number, raw);
        }
        if (json instanceof String text) {
            return string(text, raw);
        }
        if (json instanceof Boolean bool && (raw == boolean.class || raw == Boolean.class)) {
            return Optional.of(new Converted(bool, 0));
        }
        return Optional.empty();
    }

    /**
     * The Java enum constant name of a WebNN enum string: camelCase words and {@code '-'}
     * become {@code '_'}-separated upper case ({@code "nearest-neighbor"} ->
     * {@code NEAREST_NEIGHBOR}, {@code "float32"} -> {@code FLOAT32}).
     *
     * @param specValue the spec string
     * @return the constant name
     */
    public static String upperSnake(String specValue) {
        return specValue.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('-', '_').toUpperCase(Locale.ROOT);
    }

    private Optional<Converted> string(String text, Class<?> raw) {
        MLOperand operand = operands.apply(text);
        if (raw == MLOperand.class) {
            return Optional.ofNullable(operand).map(o -> new Converted(o, 0));
        }
        if (raw.isEnum()) {
            return enumConstant(text, raw).map(e -> new Converted(e, 0));
        }
        if (raw == String.class && operand == null) {
            return Optional.of(new Converted(text, PLAIN_STRING));
        }
        return Optional.empty();
    }

    private static Optional<Object> enumConstant(String text, Class<?> enumType) {
        String wanted = upperSnake(text);
        for (Object constant : enumType.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(wanted)) {
                return Optional.of(constant);
            }
        }
        for (Object constant : enumType.getEnumConstants()) {
            if (constant.toString().equals(text)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    private static Optional<Converted> number(Number number, Class<?> raw) {
        BigDecimal decimal = WptData.decimal(number);
        BigInteger integer = integral(number, decimal);
        IntegerType integerType = INTEGER_TYPES.get(raw);
        if (integerType != null) {
            return integer != null && integer.bitLength() < integerType.bits()
                    ? Optional.of(new Converted(integerType.narrow().apply(integer), 0)) : Optional.empty();
        }
        int fromInteger = integer != null ? WIDENING : 0;
        if (raw == double.class || raw == Double.class) {
            return Optional.of(new Converted(number instanceof Double d ? d : decimal.doubleValue(), fromInteger));
        }
        if (raw == float.class || raw == Float.class) {
            return Optional.of(new Converted(WptData.toFloat32(number), fromInteger + WIDENING));
        }
        if (raw == MLNumber.class) {
            return Optional.of(new Converted(mlNumber(number, decimal, integer), 0));
        }
        return Optional.empty();
    }

    private static Map<Class<?>, IntegerType> integerTypes() {
        IntegerType longType = new IntegerType(Long.SIZE, BigInteger::longValue);
        IntegerType intType = new IntegerType(Integer.SIZE, BigInteger::intValue);
        IntegerType shortType = new IntegerType(Short.SIZE, BigInteger::shortValue);
        IntegerType byteType = new IntegerType(Byte.SIZE, BigInteger::byteValue);
        return Map.of(long.class, longType, Long.class, longType, int.class, intType, Integer.class, intType,
                short.class, shortType, Short.class, shortType, byte.class, byteType, Byte.class, byteType);
    }

    private static MLNumber mlNumber(Number number, BigDecimal decimal, BigInteger integer) {
        if (integer != null && integer.bitLength() < Long.SIZE) {
            return MLNumber.of(integer.longValue());
        }
        if (integer != null && integer.signum() > 0 && integer.compareTo(UINT64_MAX) <= 0) {
            return MLNumber.ofUnsigned(integer.longValue());
        }
        return MLNumber.of(number instanceof Double d ? d : decimal.doubleValue());
    }

    /** The exact integer of a JSON integer or of a decimal written with a zero fraction, else null. */
    private static BigInteger integral(Number number, BigDecimal decimal) {
        if (number instanceof BigInteger integer) {
            return integer;
        }
        if (number instanceof BigDecimal) {
            try {
                return decimal.toBigIntegerExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        return null;
    }

    private Optional<Converted> sequence(Object json, Type target, Class<?> raw) {
        Type elementType = elementType(target, raw);
        if (elementType == null) {
            return Optional.empty();
        }
        List<?> elements;
        int extra = 0;
        if (json instanceof List<?> list) {
            elements = list;
        } else if (raw.isArray() && json instanceof Number) {
            elements = List.of(json);
            extra = WRAPPING;
        } else {
            return Optional.empty();
        }
        List<Object> converted = new ArrayList<>(elements.size());
        int cost = 0;
        for (Object element : elements) {
            Optional<Converted> one = convert(element, elementType);
            if (one.isEmpty()) {
                return Optional.empty();
            }
            converted.add(one.get().value());
            cost = Math.max(cost, one.get().cost());
        }
        if (!raw.isArray()) {
            return raw.isAssignableFrom(List.class) ? Optional.of(new Converted(List.copyOf(converted), cost + extra))
                    : Optional.empty();
        }
        Object array = Array.newInstance(raw.getComponentType(), converted.size());
        for (int i = 0; i < converted.size(); i++) {
            Array.set(array, i, converted.get(i));
        }
        return Optional.of(new Converted(array, cost + extra));
    }

    private static Type elementType(Type target, Class<?> raw) {
        if (target instanceof GenericArrayType generic) {
            return generic.getGenericComponentType();
        }
        if (raw.isArray()) {
            return raw.getComponentType();
        }
        if (target instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments().length == 1) {
            return parameterized.getActualTypeArguments()[0];
        }
        return null;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> c) {
            return c;
        }
        if (type instanceof GenericArrayType generic) {
            Class<?> component = rawClass(generic.getGenericComponentType());
            return component == null ? null : Array.newInstance(component, 0).getClass();
        }
        if (type instanceof java.lang.reflect.WildcardType wildcard && wildcard.getUpperBounds().length == 1) {
            return rawClass(wildcard.getUpperBounds()[0]);
        }
        return null;
    }
}

package dev.webnn.graph;

import dev.webnn.MLNumber;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The validated, default-filled options of one {@link Node}, keyed by the spec's option
 * names. Immutable; array values are copied in and out.
 *
 * <p>Value kinds: {@code long} ({@link #integer}), {@code long[]} ({@link #longs}),
 * {@code double} ({@link #real}), {@code boolean} ({@link #bool}), enums ({@link #enumValue}),
 * {@link MLNumber} ({@link #number}), strings ({@link #string}) and lists of enums
 * ({@link #enumList}).
 */
public final class Attributes {

    /** No attributes. */
    public static final Attributes NONE = new Attributes(Map.of());

    private final Map<String, Object> values;

    private Attributes(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * Starts a set of attributes.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether an attribute is present.
     *
     * @param key the option name
     * @return true if set
     */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /**
     * The attribute names in insertion order.
     *
     * @return the keys
     */
    public List<String> keys() {
        return List.copyOf(values.keySet());
    }

    /**
     * An integer attribute.
     *
     * @param key the option name
     * @return the value
     */
    public long integer(String key) {
        return (Long) get(key);
    }

    /**
     * An integer-list attribute.
     *
     * @param key the option name
     * @return a copy of the values
     */
    public long[] longs(String key) {
        return ((long[]) get(key)).clone();
    }

    /**
     * An integer-list attribute as {@code int}s (for axes, permutations and similar).
     *
     * @param key the option name
     * @return the values
     */
    public int[] ints(String key) {
        return Arrays.stream((long[]) get(key)).mapToInt(Math::toIntExact).toArray();
    }

    /**
     * A floating-point attribute (the spec's {@code double}/{@code float} options).
     *
     * @param key the option name
     * @return the value
     */
    public double real(String key) {
        return (Double) get(key);
    }

    /**
     * A boolean attribute.
     *
     * @param key the option name
     * @return the value
     */
    public boolean bool(String key) {
        return (Boolean) get(key);
    }

    /**
     * A number attribute of the operand's data type (the spec's {@code MLNumber} options).
     *
     * @param key the option name
     * @return the value
     */
    public MLNumber number(String key) {
        return (MLNumber) get(key);
    }

    /**
     * A string attribute.
     *
     * @param key the option name
     * @return the value
     */
    public String string(String key) {
        return (String) get(key);
    }

    /**
     * An enum attribute.
     *
     * @param key the option name
     * @param type the enum class
     * @param <E> the enum type
     * @return the value
     */
    public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        return type.cast(get(key));
    }

    /**
     * A list-of-enums attribute (e.g. recurrent activations).
     *
     * @param key the option name
     * @param type the enum class
     * @param <E> the enum type
     * @return the values, unmodifiable
     */
    public <E extends Enum<E>> List<E> enumList(String key, Class<E> type) {
        List<?> list = (List<?>) get(key);
        return list.stream().map(type::cast).toList();
    }

    private Object get(String key) {
        Object value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no attribute '" + key + "' (have " + values.keySet() + ")");
        }
        return value;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        values.forEach((key, value) -> {
            if (text.length() > 1) {
                text.append(", ");
            }
            text.append(key).append('=').append(value instanceof long[] a ? Arrays.toString(a) : value);
        });
        return text.append('}').toString();
    }

    /** Collects attributes; keys keep their insertion order. */
    public static final class Builder {
        private final Map<String, Object> values = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder put(String key, Object value) {
            values.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, key));
            return this;
        }

        /**
         * Sets an integer.
         *
         * @param key the option name
         * @param value the value
         * @return this builder
         */
        public Builder integer(String key, long value) {
            return put(key, value);
        }

        /**
         * Sets an integer list (copied).
         *
         * @param key the option name
         * @param value the values
         * @return this builder
         */
        public Builder longs(String key, long... value) {
            return put(key, value.clone());
        }

        /**
         * Sets an integer list from {@code int}s.
         *
         * @param key the option name
         * @param value the values
         * @return this builder
         */
        public Builder ints(String key, int... value) {
            return put(key, Arrays.stream(value).asLongStream().toArray());
        }

        /**
         * Sets a floating-point value.
         *
         * @param key the option name
         * @param value the value
         * @return this builder
         */
        public Builder real(String key, double value) {
            return put(key, value);
        }

        /**
         * Sets a boolean.
         *
         * @param key the option name
         * @param value the value
         * @return this builder
         */
        public Builder bool(String key, boolean value) {
            return put(key, value);
        }

        /**
         * Sets a number.
         *
         * @param key the option name
         * @param value the value
         * @return this builder
         */
        public Builder number(String key, MLNumber value) {
            return put(key, value);
        }

        /**
         * Sets a string.
         *
         * @param key the option name
         * @param value the value
         * @return this builder
         */
        public Builder string(String key, String value) {
            return put(key, value);
        }

        /**
         * Sets an enum.
         *
         * @param key the option name
         * @param value the value
         * @return this builder
         */
        public Builder enumValue(String key, Enum<?> value) {
            return put(key, value);
        }

        /**
         * Sets a list of enums (copied).
         *
         * @param key the option name
         * @param value the values
         * @return this builder
         */
        public Builder enumList(String key, List<? extends Enum<?>> value) {
            return put(key, List.copyOf(value));
        }

        /**
         * Finishes.
         *
         * @return the immutable attributes
         */
        public Attributes build() {
            return values.isEmpty() ? NONE : new Attributes(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
        }
    }
}

package dev.webnn.conformance.reliability;

/**
 * The switch between the short CI runs of the reliability suites and their long soak runs:
 * {@code -Dwebnn.soak=true} selects the long version; numbers can also be set one by one
 * with system properties.
 */
final class Soak {

    private Soak() {
    }

    /** {@return whether {@code -Dwebnn.soak=true} was given} */
    static boolean enabled() {
        return Boolean.getBoolean("webnn.soak");
    }

    /**
     * A count or duration: the system property when set, else the soak or the CI value.
     *
     * @param property the system property that overrides both
     * @param ci the value of a CI run
     * @param soak the value of a soak run
     * @return the value to use
     */
    static long value(String property, long ci, long soak) {
        String given = System.getProperty(property);
        if (given != null && !given.isBlank()) {
            return Long.decode(given.strip());
        }
        return enabled() ? soak : ci;
    }
}

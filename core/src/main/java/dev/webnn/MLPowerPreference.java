package dev.webnn;

/** The application's power preference for a context (spec: {@code MLPowerPreference}). */
public enum MLPowerPreference {
    /** Let the implementation choose. */
    DEFAULT,
    /** Prefer execution speed. */
    HIGH_PERFORMANCE,
    /** Prefer low power consumption. */
    LOW_POWER
}

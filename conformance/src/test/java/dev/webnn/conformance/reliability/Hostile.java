package dev.webnn.conformance.reliability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs hostile calls and judges how they end: normally, or with one of the exception types
 * the call documents. Anything else — another exception type, an {@link Error} — is recorded
 * as a failure with the call's description. Counts the calls tried, by category.
 */
final class Hostile {

    /** Failures kept for the report; more are only counted. */
    private static final int KEPT = 20;

    private final Map<String, AtomicLong> calls = Collections.synchronizedMap(new TreeMap<>());
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong failureCount = new AtomicLong();

    /**
     * Runs a call that may succeed or fail with one of {@code allowed}.
     *
     * @param category the counter to add the call to
     * @param description what the call is, for the report
     * @param call the call
     * @param allowed the documented exception types (subclasses included)
     * @param <T> the call's result
     * @return the result, or null when the call threw
     */
    <T> T attempt(String category, Object description, Callable<T> call, List<Class<? extends Throwable>> allowed) {
        count(category);
        try {
            return call.call();
        } catch (Throwable e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e;
            for (Class<? extends Throwable> type : allowed) {
                if (type.isInstance(cause)) {
                    return null;
                }
            }
            fail(category, description + " threw " + describe(cause));
            return null;
        }
    }

    /**
     * Runs a call that must fail with exactly one of {@code expected} (or a subclass).
     *
     * @param category the counter to add the call to
     * @param description what the call is
     * @param call the call
     * @param expected the documented exception types
     */
    void reject(String category, Object description, Callable<?> call, List<Class<? extends Throwable>> expected) {
        count(category);
        try {
            call.call();
            fail(category, description + " returned normally; expected " + names(expected));
        } catch (Throwable e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e;
            for (Class<? extends Throwable> type : expected) {
                if (type.isInstance(cause)) {
                    return;
                }
            }
            fail(category, description + " threw " + describe(cause) + "; expected " + names(expected));
        }
    }

    /**
     * Records a failure found outside {@link #attempt} and {@link #reject}.
     *
     * @param category the category
     * @param message what went wrong
     */
    void fail(String category, String message) {
        if (failureCount.incrementAndGet() <= KEPT) {
            failures.add("[" + category + "] " + message);
        }
    }

    private void count(String category) {
        calls.computeIfAbsent(category, c -> new AtomicLong()).incrementAndGet();
    }

    /** {@return the number of calls tried in all categories} */
    long total() {
        synchronized (calls) {
            return calls.values().stream().mapToLong(AtomicLong::get).sum();
        }
    }

    /** {@return calls per category, and the failure count} */
    String summary() {
        synchronized (calls) {
            return total() + " calls " + calls + ", " + failureCount.get() + " failures";
        }
    }

    /** {@return the first failures, one per line, or an empty string} */
    String failures() {
        synchronized (failures) {
            return String.join("\n", failures);
        }
    }

    /** {@return whether no call failed} */
    boolean clean() {
        return failureCount.get() == 0;
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.toString());
        StackTraceElement[] trace = e.getStackTrace();
        for (int i = 0; i < Math.min(6, trace.length); i++) {
            text.append("\n\tat ").append(trace[i]);
        }
        return text.toString();
    }

    private static String names(List<Class<? extends Throwable>> types) {
        return types.stream().map(Class::getSimpleName).toList().toString();
    }
}

package dev.webnn.samples.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Bytes allocated on the Java heap by the current thread so far, from HotSpot's
 * {@code com.sun.management.ThreadMXBean}; reads 0 on JVMs without it.
 */
final class AllocationCounter {

    private final com.sun.management.ThreadMXBean bean;

    private AllocationCounter(com.sun.management.ThreadMXBean bean) {
        this.bean = bean;
    }

    /** A counter for the calling thread; unsupported where the JVM does not count. */
    static AllocationCounter forCurrentThread() {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        if (bean instanceof com.sun.management.ThreadMXBean hotspot && hotspot.isThreadAllocatedMemorySupported()) {
            hotspot.setThreadAllocatedMemoryEnabled(true);
            return new AllocationCounter(hotspot);
        }
        return new AllocationCounter(null);
    }

    /** Whether the JVM counts allocations. */
    boolean supported() {
        return bean != null;
    }

    /** Bytes the calling thread has allocated so far, or 0 when unsupported. */
    long bytes() {
        return bean == null ? 0 : bean.getCurrentThreadAllocatedBytes();
    }
}

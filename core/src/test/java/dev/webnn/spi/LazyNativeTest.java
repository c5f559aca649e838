package dev.webnn.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyNativeTest {

    @Test
    void loadsOnceOnFirstUse() {
        AtomicInteger loads = new AtomicInteger();
        LazyNative<Object> lazy = new LazyNative<>("thing", () -> {
            loads.incrementAndGet();
            return new Object();
        });
        assertEquals(0, loads.get());
        assertSame(lazy.get(), lazy.get());
        assertEquals(1, loads.get());
    }

    @Test
    void remembersAFailedLoadAndReportsItEveryTime() {
        AtomicInteger loads = new AtomicInteger();
        LazyNative<Object> lazy = new LazyNative<>("libfoo", () -> {
            loads.incrementAndGet();
            throw new UnsatisfiedLinkError("libfoo.so: cannot open shared object file");
        });
        for (int i = 0; i < 2; i++) {
            IllegalStateException e = assertThrows(IllegalStateException.class, lazy::get);
            assertEquals("libfoo is not available: libfoo.so: cannot open shared object file", e.getMessage());
            assertInstanceOf(UnsatisfiedLinkError.class, e.getCause());
        }
        assertEquals(1, loads.get());
    }
}

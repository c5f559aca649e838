package dev.webnn.conformance.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.MLContext;
import dev.webnn.MLGraph;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLInvalidStateError;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.MLTensor;
import dev.webnn.MLTensorDescriptor;
import dev.webnn.MLTypeError;
import dev.webnn.conformance.AvailableBackends;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Concurrency on every available backend: 8 threads dispatching one graph on one context and
 * on 8 separate contexts, every result checked; 8 threads building, compiling and running
 * graphs with their own builders on one context; and a context closed while 8 threads use
 * it, after which their calls end in {@link MLInvalidStateError} or {@link MLTypeError},
 * never in another exception or a crash.
 *
 * <p>CI runs 5,000 dispatches per thread; {@code -Dwebnn.soak=true} 100,000
 * ({@code webnn.concurrency.dispatches} sets it).
 */
class ConcurrencyTest {

    private static final int THREADS = 8;
    private static final int ELEMENTS = 64;
    private static final MLOperandDescriptor DESC = MLOperandDescriptor.of(MLOperandDataType.FLOAT32, 4, 16);

    static Stream<String> backends() {
        return AvailableBackends.names();
    }

    /** {@code y = (x + 1) * x}: exact for the small integers the threads write. */
    private static MLGraph graph(MLContext context) {
        MLGraphBuilder b = new MLGraphBuilder(context);
        MLOperand x = b.input("x", DESC);
        MLOperand one = b.constant(MLOperandDataType.FLOAT32, 1);
        return b.build(Map.of("y", b.mul(b.add(x, one), x)));
    }

    private static float[] input(int thread, long iteration) {
        float[] x = new float[ELEMENTS];
        for (int i = 0; i < ELEMENTS; i++) {
            x[i] = (thread * 131 + iteration * 7 + i) % 512 - 256;
        }
        return x;
    }

    private static String check(float[] x, float[] y, String where) {
        for (int i = 0; i < ELEMENTS; i++) {
            float expected = (x[i] + 1) * x[i];
            if (y[i] != expected) {
                return where + ": element " + i + " is " + y[i] + ", expected " + expected;
            }
        }
        return null;
    }

    private static long dispatches() {
        return Soak.value("webnn.concurrency.dispatches", 5_000, 100_000);
    }

    /** Runs {@code THREADS} workers started together; returns the failures they report. */
    private static List<String> inThreads(Worker worker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        worker.run(thread, failures);
                    } catch (Throwable e) {
                        failures.add("thread " + thread + ": " + e);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdown();
        }
        return new ArrayList<>(failures);
    }

    @FunctionalInterface
    private interface Worker {
        void run(int thread, ConcurrentLinkedQueue<String> failures) throws Exception;
    }

    /** One thread's loop: write its input, dispatch, read and check the output, {@code count} times. */
    private static long dispatchLoop(MLContext context, MLGraph graph, int thread, long count,
                                     ConcurrentLinkedQueue<String> failures) {
        MLTensor x = context.createTensor(MLTensorDescriptor.writable(DESC));
        MLTensor y = context.createTensor(MLTensorDescriptor.readable(DESC));
        float[] result = new float[ELEMENTS];
        MemorySegment resultSegment = MemorySegment.ofArray(result);
        long done = 0;
        for (long i = 0; i < count && failures.size() < 10; i++) {
            float[] in = input(thread, i);
            context.writeTensor(x, MemorySegment.ofArray(in));
            context.dispatch(graph, Map.of("x", x), Map.of("y", y));
            context.readTensor(y, resultSegment);
            String problem = check(in, result, "thread " + thread + " dispatch " + i);
            if (problem != null) {
                failures.add(problem);
            }
            done++;
        }
        x.close();
        y.close();
        return done;
    }

    @ParameterizedTest
    @MethodSource("backends")
    void eightThreadsDispatchOnOneContext(String backend) throws Exception {
        AtomicLong done = new AtomicLong();
        try (MLContext context = AvailableBackends.open(backend); MLGraph graph = graph(context)) {
            List<String> failures = inThreads((thread, f) -> done.addAndGet(dispatchLoop(context, graph, thread,
                    dispatches(), f)));
            System.out.printf("[concurrency] %s: %d threads x %d dispatches on one context, all checked%n", backend,
                    THREADS, dispatches());
            assertTrue(failures.isEmpty(), String.join("\n", failures));
        }
        assertEquals(THREADS * dispatches(), done.get());
    }

    @ParameterizedTest
    @MethodSource("backends")
    void eightThreadsDispatchOnSeparateContexts(String backend) throws Exception {
        AtomicLong done = new AtomicLong();
        List<String> failures = inThreads((thread, f) -> {
            try (MLContext context = AvailableBackends.open(backend); MLGraph graph = graph(context)) {
                done.addAndGet(dispatchLoop(context, graph, thread, dispatches(), f));
            }
        });
        System.out.printf("[concurrency] %s: %d threads x %d dispatches on separate contexts, all checked%n", backend,
                THREADS, dispatches());
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(THREADS * dispatches(), done.get());
    }

    @ParameterizedTest
    @MethodSource("backends")
    void eightThreadsBuildGraphsAtOnce(String backend) throws Exception {
        long graphs = Soak.value("webnn.concurrency.graphs", 25, 1_000);
        try (MLContext context = AvailableBackends.open(backend)) {
            List<String> failures = inThreads((thread, f) -> {
                try (Arena arena = Arena.ofConfined()) {
                    for (long i = 0; i < graphs; i++) {
                        MLGraphBuilder b = new MLGraphBuilder(context);
                        MLOperand x = b.input("x", DESC);
                        float offset = thread * 1000 + i;
                        MLOperand c = b.constant(MLOperandDataType.FLOAT32, offset);
                        try (MLGraph graph = b.build(Map.of("y", b.sub(b.add(x, c), x)))) {
                            MemorySegment out = arena.allocate(DESC.byteLength());
                            context.compute(graph, Map.of("x", arena.allocateFrom(ValueLayout.JAVA_FLOAT, input(thread, i))),
                                    Map.of("y", out));
                            for (float v : out.toArray(ValueLayout.JAVA_FLOAT)) {
                                if (v != offset) {
                                    f.add("thread " + thread + " graph " + i + ": " + v + ", expected " + offset);
                                    return;
                                }
                            }
                        }
                    }
                }
            });
            System.out.printf("[concurrency] %s: %d threads x %d graphs built, compiled and run at once%n", backend,
                    THREADS, graphs);
            assertTrue(failures.isEmpty(), String.join("\n", failures));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void closingAContextWhileThreadsUseItEndsInStateOrTypeErrors(String backend) throws Exception {
        long rounds = Soak.value("webnn.concurrency.closeRounds", 30, 1_000);
        AtomicLong calls = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        for (long round = 0; round < rounds; round++) {
            MLContext context = AvailableBackends.open(backend);
            MLGraph graph = graph(context);
            CountDownLatch running = new CountDownLatch(THREADS);
            ExecutorService closer = Executors.newSingleThreadExecutor();
            Future<?> closing = closer.submit(() -> {
                running.await();
                Thread.sleep(2);
                context.close();
                return null;
            });
            List<String> failures = inThreads((thread, f) -> {
                MLTensor x = null;
                MLTensor y = null;
                boolean counted = false;
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment in = arena.allocateFrom(ValueLayout.JAVA_FLOAT, input(thread, 0));
                    MemorySegment out = arena.allocate(DESC.byteLength());
                    for (long i = 0; ; i++) {
                        try {
                            calls.incrementAndGet();
                            switch ((int) ((i + thread) % 5)) {
                                case 0 -> {
                                    x = x == null ? context.createTensor(MLTensorDescriptor.writable(DESC)) : x;
                                    y = y == null ? context.createTensor(MLTensorDescriptor.readable(DESC)) : y;
                                    context.writeTensor(x, in);
                                    context.dispatch(graph, Map.of("x", x), Map.of("y", y));
                                }
                                case 1 -> context.compute(graph, Map.of("x", in), Map.of("y", out));
                                case 2 -> {
                                    if (y != null) {
                                        context.readTensor(y, out);
                                    }
                                }
                                case 3 -> graph(context).close();
                                default -> {
                                    MLTensor t = context.createTensor(MLTensorDescriptor.readWrite(DESC));
                                    context.readTensor(t);
                                    t.close();
                                }
                            }
                        } catch (MLInvalidStateError | MLTypeError e) {
                            refused.incrementAndGet();
                            if (context.isClosed()) {
                                return;
                            }
                            f.add("thread " + thread + ": " + e + " while the context is open");
                            return;
                        } finally {
                            if (!counted) {
                                counted = true;
                                running.countDown();
                            }
                        }
                    }
                }
            });
            closing.get(1, TimeUnit.MINUTES);
            closer.shutdown();
            assertTrue(graph.isDestroyed(), "closing the context destroys its graphs");
            assertTrue(failures.isEmpty(), String.join("\n", failures));
        }
        System.out.printf("[concurrency] %s: %d contexts closed under 8 threads: %d calls, %d ended in "
                + "MLInvalidStateError/MLTypeError%n", backend, rounds, calls.get(), refused.get());
    }
}

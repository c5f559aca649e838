package dev.webnn.conformance.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.MLGraph;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.MLTypeError;
import dev.webnn.spi.MLBackend;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code compute} with overlapping or unaligned memory on every backend: the case (a
 * 64×64 float32 transpose given one segment as input and output, which used to return
 * silently wrong elements) now ends in {@code MLTypeError}; distinct segments give the right
 * transpose; naturally aligned but otherwise odd addresses run.
 */
class OverlappingMemoryTest {

    private static final int N = 64;
    private static final MLOperandDescriptor SQUARE = MLOperandDescriptor.of(MLOperandDataType.FLOAT32, N, N);

    static Stream<String> backends() {
        return ML.backends().stream().filter(b -> b.availability().available()).map(MLBackend::name);
    }

    private static MLGraph transpose(MLContext context) {
        MLGraphBuilder builder = new MLGraphBuilder(context);
        return builder.build(Map.of("y", builder.transpose(builder.input("x", SQUARE))));
    }

    private static MemorySegment counting(Arena arena) {
        MemorySegment segment = arena.allocate(ValueLayout.JAVA_FLOAT, (long) N * N);
        for (int i = 0; i < N * N; i++) {
            segment.setAtIndex(ValueLayout.JAVA_FLOAT, i, i);
        }
        return segment;
    }

    @ParameterizedTest
    @MethodSource("backends")
    void transposeIntoItsOwnInputIsRefused(String backend) {
        try (MLContext context = ML.createContext(MLContextOptions.defaults().withBackend(backend));
             MLGraph graph = transpose(context); Arena arena = Arena.ofConfined()) {
            MemorySegment same = counting(arena);
            MLTypeError error = assertThrows(MLTypeError.class,
                    () -> context.compute(graph, Map.of("x", same), Map.of("y", same)));
            assertTrue(error.getMessage().startsWith("compute: output 'y' and input 'x' overlap in memory"),
                    error.getMessage());
            assertEquals(1f, same.getAtIndex(ValueLayout.JAVA_FLOAT, 1), "the input is untouched");
            MemorySegment shifted = arena.allocate((long) N * N * 4 + 256, 8);
            MemorySegment partly = shifted.asSlice(256, (long) N * N * 4);
            MLTypeError overlapping = assertThrows(MLTypeError.class,
                    () -> context.compute(graph, Map.of("x", shifted.asSlice(0, (long) N * N * 4)), Map.of("y", partly)));
            assertTrue(overlapping.getMessage().contains("output 'y' and input 'x' overlap"), overlapping.getMessage());

            MemorySegment out = arena.allocate(ValueLayout.JAVA_FLOAT, (long) N * N);
            context.compute(graph, Map.of("x", same), Map.of("y", out));
            float[] expected = new float[N * N];
            for (int r = 0; r < N; r++) {
                for (int c = 0; c < N; c++) {
                    expected[r * N + c] = c * N + r;
                }
            }
            assertArrayEquals(expected, out.toArray(ValueLayout.JAVA_FLOAT));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void naturallyAlignedSegmentsRunAndUnalignedOnesAreRefused(String backend) {
        MLOperandDescriptor half = MLOperandDescriptor.of(MLOperandDataType.FLOAT16, 4);
        try (MLContext context = ML.createContext(MLContextOptions.defaults().withBackend(backend));
             Arena arena = Arena.ofConfined()) {
            MLGraphBuilder builder = new MLGraphBuilder(context);
            try (MLGraph graph = builder.build(Map.of("y", builder.neg(builder.input("x", half))))) {
                MemorySegment memory = arena.allocate(64, 16);
                MemorySegment x = memory.asSlice(2, 8);
                MemorySegment y = memory.asSlice(34, 8);
                x.copyFrom(MemorySegment.ofArray(new short[] {0x3C00, 0x4000, 0, (short) 0xBC00}));
                context.compute(graph, Map.of("x", x), Map.of("y", y));
                assertArrayEquals(new short[] {(short) 0xBC00, (short) 0xC000, (short) 0x8000, 0x3C00},
                        y.toArray(ValueLayout.JAVA_SHORT), "2-byte alignment is enough for float16");
                MLTypeError unaligned = assertThrows(MLTypeError.class,
                        () -> context.compute(graph, Map.of("x", memory.asSlice(3, 8)), Map.of("y", y)));
                assertTrue(unaligned.getMessage().contains("is not aligned to the 2 bytes of float16"), unaligned.getMessage());
            }
        }
    }
}

package dev.webnn.onnx.models;

import ai.onnxruntime.OrtException;
import dev.webnn.onnx.OnnxImportOptions;
import dev.webnn.onnx.testdata.TestData;
import java.lang.foreign.Arena;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * all-MiniLM-L6-v2 (a PyTorch export nobody here wrote, from its Maven Central jar) at batch 1
 * and 4, sequence 16 and 128, on each backend and on the mixed context, against ONNX Runtime's Java API on the same
 * file and token ids. Rows of a batch have different lengths (padding masked out), so the
 * attention mask matters.
 */
class MiniLmTest {

    /** WordPiece vocabulary size of the model. */
    private static final long VOCABULARY = 30522;
    /** Token id of {@code [CLS]}, which starts every row. */
    private static final long CLS = 101;
    /** Token id of {@code [SEP]}, which ends every row. */
    private static final long SEP = 102;

    /**
     * The operator types each backend configuration is expected not to run (empty: the whole
     * model runs). XNNPACK takes no int64 graph inputs and lacks gather and cast; the mixed
     * context (XNNPACK first, ONNX Runtime for the rest) runs all of it.
     */
    private static final Map<String, Set<String>> EXPECTED_GAPS = Map.of("onnxruntime", Set.of(),
            "xnnpack", Set.of("(graph input)", "Cast", "Gather", "Unsqueeze"), "xnnpack,onnxruntime", Set.of());

    static Stream<Arguments> shapes() {
        return Stream.of("onnxruntime", "xnnpack", "xnnpack,onnxruntime").flatMap(backend -> Stream.of(1, 4).flatMap(batch -> Stream.of(16, 128)
                .map(sequence -> Arguments.of(backend, batch, sequence))));
    }

    @ParameterizedTest(name = "{0}, batch {1}, sequence {2}")
    @MethodSource("shapes")
    void matchesOnnxRuntime(String backend, int batch, int sequence) throws OrtException {
        OnnxImportOptions options = OnnxImportOptions.defaults().withDimension("batch_size", batch)
                .withDimension("sequence_length", sequence);
        try (Arena arena = Arena.ofConfined()) {
            RealModels.assertMatchesOnnxRuntime(backend, TestData.miniLm(), options, inputs(arena, batch, sequence),
                    EXPECTED_GAPS.get(backend));
        }
    }

    /** Row b has {@code sequence - b * sequence / 8} real tokens: [CLS], pseudo-random words, [SEP], then padding. */
    static Map<String, ModelInput> inputs(Arena arena, int batch, int sequence) {
        SplittableRandom random = new SplittableRandom(batch * 1000L + sequence);
        long[] words = random.longs((long) batch * sequence, 1000, VOCABULARY).toArray();
        return Map.of(
                "input_ids", ModelInput.int64(arena, i -> {
                    int position = (int) (i % sequence);
                    int length = length(i / sequence, sequence);
                    return position == 0 ? CLS : position == length - 1 ? SEP : position < length ? words[(int) i] : 0;
                }, batch, sequence),
                "attention_mask", ModelInput.int64(arena, i -> i % sequence < length(i / sequence, sequence) ? 1 : 0, batch, sequence),
                "token_type_ids", ModelInput.int64(arena, i -> 0, batch, sequence));
    }

    /** The number of real tokens of row {@code row} of {@link #inputs}. */
    static int length(long row, int sequence) {
        return (int) (sequence - row * sequence / 8);
    }
}

package dev.webnn.langchain4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class PoolingTest {

    /** Two rows, sequence 3, dimension 2. */
    private static final float[] TOKENS = {
        3, 0, 1, 4, 100, 100, // row 0: two real tokens, then padding
        0, 0, 0, 0, 0, 0};

    @Test
    void averagesTheMaskedTokensAndNormalises() {
        // mean of (3,0) and (1,4) is (2,2); unit length (0.7071, 0.7071); the padding token is ignored
        assertArrayEquals(new float[] {0.70710677f, 0.70710677f}, Pooling.meanNormalized(TOKENS, 0, 3, 2, 2), 1e-6f);
        assertArrayEquals(new float[] {0.6f, 0.8f}, Pooling.meanNormalized(new float[] {3, 4}, 0, 1, 2, 1), 1e-6f);
    }

    @Test
    void aZeroMeanStaysZero() {
        assertArrayEquals(new float[] {0, 0}, Pooling.meanNormalized(TOKENS, 1, 3, 2, 3));
    }
}

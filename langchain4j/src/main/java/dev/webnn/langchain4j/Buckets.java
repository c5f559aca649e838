package dev.webnn.langchain4j;

/**
 * Rounds batch sizes and sequence lengths up to a few padded shapes, so that a handful of
 * compiled graphs serve every batch: powers of two for both, sequences at least
 * {@value #MIN_SEQUENCE} tokens and at most the encoder's limit.
 */
final class Buckets {

    /** The shortest padded sequence. */
    static final int MIN_SEQUENCE = 16;

    private Buckets() {
    }

    /**
     * The padded batch size.
     *
     * @param rows the texts in the batch, at least 1
     * @return the smallest power of two ≥ rows
     */
    static int batch(int rows) {
        return powerOfTwoAtLeast(rows);
    }

    /**
     * The padded sequence length.
     *
     * @param longest the longest tokenised text in the batch
     * @param limit the encoder's longest sequence
     * @return the smallest power of two ≥ longest and ≥ {@value #MIN_SEQUENCE}, capped at limit
     */
    static int sequence(int longest, int limit) {
        return Math.min(limit, powerOfTwoAtLeast(Math.max(MIN_SEQUENCE, longest)));
    }

    private static int powerOfTwoAtLeast(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("not positive: " + n);
        }
        return n == 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
    }
}

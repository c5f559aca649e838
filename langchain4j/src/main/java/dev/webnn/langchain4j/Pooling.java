package dev.webnn.langchain4j;

/**
 * Sentence vectors from token embeddings: the mean over the tokens the attention mask keeps,
 * scaled to unit length (sentence-transformers' mean pooling with normalisation).
 */
final class Pooling {

    private Pooling() {
    }

    /**
     * Pools one row of a {@code [batch, sequence, dimension]} output.
     *
     * @param tokens the token embeddings, row-major
     * @param row the row in the batch
     * @param sequence the padded sequence length
     * @param dimension the embedding size
     * @param length the number of real tokens at the start of the row (mask 1); at least 1
     * @return the unit-length mean of those tokens (all zero when the mean is zero)
     */
    static float[] meanNormalized(float[] tokens, int row, int sequence, int dimension, int length) {
        double[] sum = new double[dimension];
        int base = row * sequence * dimension;
        for (int t = 0; t < length; t++) {
            int offset = base + t * dimension;
            for (int d = 0; d < dimension; d++) {
                sum[d] += tokens[offset + d];
            }
        }
        double norm = 0;
        for (int d = 0; d < dimension; d++) {
            sum[d] /= length;
            norm += sum[d] * sum[d];
        }
        norm = Math.sqrt(norm);
        float[] vector = new float[dimension];
        for (int d = 0; d < dimension; d++) {
            vector[d] = norm == 0 ? 0 : (float) (sum[d] / norm);
        }
        return vector;
    }
}

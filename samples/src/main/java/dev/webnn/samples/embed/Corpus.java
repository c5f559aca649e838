package dev.webnn.samples.embed;

/** The similarity of two unit vectors. */
final class Corpus {

    private Corpus() {
    }

    /**
     * Cosine similarity of unit vectors.
     *
     * @param a one vector
     * @param b another of the same size
     * @return their dot product
     */
    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
        }
        return dot;
    }
}

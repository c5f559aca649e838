package dev.webnn.samples.embed;

import dev.webnn.langchain4j.SentenceEncoder;
import java.util.List;
import java.util.function.IntConsumer;

/** Batched embedding of many texts, and the similarity of two unit vectors. */
final class Corpus {

    private Corpus() {
    }

    /**
     * Embeds texts batch by batch.
     *
     * @param encoder the encoder
     * @param texts the texts
     * @param batch texts per batch
     * @param progress told the number of texts done after each batch, or null
     * @return one vector per text
     */
    static float[][] embed(SentenceEncoder encoder, List<String> texts, int batch, IntConsumer progress) {
        float[][] vectors = new float[texts.size()][];
        for (int from = 0; from < texts.size(); from += batch) {
            int to = Math.min(texts.size(), from + batch);
            float[][] part = encoder.encode(texts.subList(from, to));
            System.arraycopy(part, 0, vectors, from, part.length);
            if (progress != null) {
                progress.accept(to);
            }
        }
        return vectors;
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

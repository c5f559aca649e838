package dev.webnn.spark;

import dev.webnn.langchain4j.SentenceEncoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * A partition's rows with their embeddings appended, computed lazily in chunks of
 * {@value #CHUNK_BATCHES} batches: the encoder groups the texts of a chunk by token count, so
 * its batches carry little padding. The chunks of the JVM's task threads take turns on the shared
 * encoder, each whole: interleaved, their batches would need more shapes than the encoder keeps
 * compiled. The chunk's arrays are reused from chunk to chunk. A null text gets a null embedding.
 */
final class EmbeddedRows implements Iterator<Row> {

    /** Batches per chunk. */
    static final int CHUNK_BATCHES = 32;

    private final Iterator<Row> input;
    private final int textColumn;
    private final SentenceEncoder encoder;
    private final int batchSize;
    private final Row[] rows;
    private final float[][] embeddings;
    private final int[] textRows;
    private final List<String> texts;
    private int size;
    private int next;

    /**
     * Wraps a partition.
     *
     * @param input the partition's rows
     * @param textColumn the index of the string column to embed
     * @param encoder the executor's encoder
     * @param batchSize texts per dispatch
     */
    EmbeddedRows(Iterator<Row> input, int textColumn, SentenceEncoder encoder, int batchSize) {
        this.input = input;
        this.textColumn = textColumn;
        this.encoder = encoder;
        this.batchSize = batchSize;
        int chunkRows = Math.multiplyExact(batchSize, CHUNK_BATCHES);
        this.rows = new Row[chunkRows];
        this.embeddings = new float[chunkRows][];
        this.textRows = new int[chunkRows];
        this.texts = new ArrayList<>(chunkRows);
    }

    @Override
    public boolean hasNext() {
        if (next == size) {
            embedNextChunk();
        }
        return next < size;
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Row row = rows[next];
        Object[] values = new Object[row.size() + 1];
        for (int i = 0; i < row.size(); i++) {
            values[i] = row.get(i);
        }
        values[row.size()] = embeddings[next];
        next++;
        return RowFactory.create(values);
    }

    private void embedNextChunk() {
        Arrays.fill(rows, 0, size, null);
        Arrays.fill(embeddings, 0, size, null);
        texts.clear();
        size = 0;
        next = 0;
        while (size < rows.length && input.hasNext()) {
            Row row = input.next();
            if (!row.isNullAt(textColumn)) {
                textRows[texts.size()] = size;
                texts.add(row.getString(textColumn));
            }
            rows[size++] = row;
        }
        if (!texts.isEmpty()) {
            float[][] vectors;
            synchronized (encoder) {
                vectors = encoder.encodeAll(texts, batchSize, null);
            }
            for (int t = 0; t < vectors.length; t++) {
                embeddings[textRows[t]] = vectors[t];
            }
        }
    }
}
